package io.slamon.store;

import java.time.Instant;
import java.util.List;

/** Append-only store of pushed events, idempotent by event id. */
public interface EventStore {
  /** Stores the event; returns false (and changes nothing) when an event with its id exists. */
  boolean append(Event event);

  /** Events of a tenant ({@code null}: provider scope) whose type starts with {@code typePrefix}, in time order. */
  List<Event> list(String tenant, String typePrefix, Instant from, Instant to);
}
