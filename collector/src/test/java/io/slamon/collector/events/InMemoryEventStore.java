package io.slamon.collector.events;

import io.slamon.store.Event;
import io.slamon.store.EventStore;
import io.slamon.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Test double (public for other test packages) with the contract of the Postgres store: idempotent by id; can be switched "down". */
public final class InMemoryEventStore implements EventStore {
  private final Map<String, Event> byId = new LinkedHashMap<>();
  public volatile boolean down;

  @Override
  public synchronized boolean append(Event event) {
    if (down) {
      throw new StoreException("database down (injected)");
    }
    return byId.putIfAbsent(event.id(), event) == null;
  }

  @Override
  public synchronized List<Event> list(String tenant, String typePrefix, Instant from, Instant to) {
    List<Event> out = new ArrayList<>();
    for (Event e : byId.values()) {
      if (Objects.equals(e.tenant(), tenant) && e.type().startsWith(typePrefix) && !e.time().isBefore(from)
          && e.time().isBefore(to)) {
        out.add(e);
      }
    }
    return out;
  }

  public synchronized int size() {
    return byId.size();
  }
}
