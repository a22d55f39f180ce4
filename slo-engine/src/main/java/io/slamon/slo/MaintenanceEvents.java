package io.slamon.slo;

import io.slamon.store.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns stored {@code maintenance.announced / started / ended} events (docs/events.md) into {@link
 * Maintenance} records, keyed by {@code maintenanceId}:
 *
 * <ul>
 *   <li>actual = started .. ended; still running (no end yet) = started .. {@code now};
 *   <li>announced = plannedStart .. plannedEnd of the first announcement, and only when that
 *       announcement came at least {@code announceAhead} before plannedStart — a late notice is
 *       no notice;
 *   <li>an announcement that never started excludes nothing (nothing happened).
 * </ul>
 */
public final class MaintenanceEvents {
  private MaintenanceEvents() {}

  public static List<Maintenance> fromEvents(List<Event> events, Duration announceAhead, Instant now) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(Event::time));
    Map<String, Event> announced = new LinkedHashMap<>();
    Map<String, Instant> started = new LinkedHashMap<>();
    Map<String, Instant> ended = new LinkedHashMap<>();
    for (Event e : sorted) {
      Object idValue = e.attributes().get("maintenanceId");
      if (idValue == null) {
        continue;
      }
      String id = idValue.toString();
      switch (e.type()) {
        case "maintenance.announced" -> announced.putIfAbsent(id, e);
        case "maintenance.started" -> started.putIfAbsent(id, e.time());
        case "maintenance.ended" -> ended.put(id, e.time());
        default -> { }
      }
    }
    List<Maintenance> out = new ArrayList<>();
    for (var s : started.entrySet()) {
      Instant end = ended.getOrDefault(s.getKey(), now);
      if (end.isBefore(s.getValue())) {
        continue; // an end before its start is a sender's mistake; it cannot exclude anything
      }
      TimeInterval actual = new TimeInterval(s.getValue(), end);
      TimeInterval plan = plan(announced.get(s.getKey()), announceAhead);
      out.add(plan == null ? Maintenance.unannounced(s.getKey(), actual) : Maintenance.announced(s.getKey(), plan, actual));
    }
    return out;
  }

  /** The announced interval, or null when there was no announcement in time. */
  private static TimeInterval plan(Event announcement, Duration announceAhead) {
    if (announcement == null) {
      return null;
    }
    try {
      Instant start = OffsetDateTime.parse(String.valueOf(announcement.attributes().get("plannedStart"))).toInstant();
      Instant end = OffsetDateTime.parse(String.valueOf(announcement.attributes().get("plannedEnd"))).toInstant();
      if (end.isBefore(start) || announcement.time().isAfter(start.minus(announceAhead))) {
        return null;
      }
      return new TimeInterval(start, end);
    } catch (DateTimeParseException e) {
      return null; // the events API validates these; a stored bad one is treated as not announced
    }
  }
}
