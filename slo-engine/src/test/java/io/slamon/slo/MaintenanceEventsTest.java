package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaintenanceEventsTest {
  private static final Instant NOW = Instant.parse("2026-11-08T12:00:00Z");

  /** Times on 2026-11-0x as "dayTHH:MM"; "-" = no such event. Notice required: 48 h. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "announced three days ahead          | 05T09:00 | 08T01:00-08T03:00 | 08T01:00 | 08T03:00 | 08T01:00-08T03:00 | 08T01:00-08T03:00",
        "announced one day ahead: too late   | 07T01:00 | 08T01:00-08T03:00 | 08T01:00 | 08T03:00 | -                 | 08T01:00-08T03:00",
        "exactly 48 h ahead is in time       | 06T01:00 | 08T01:00-08T03:00 | 08T01:00 | 08T03:00 | 08T01:00-08T03:00 | 08T01:00-08T03:00",
        "unannounced                         | -        | -                 | 08T01:00 | 08T02:00 | -                 | 08T01:00-08T02:00",
        "still running: until now            | 05T09:00 | 08T01:00-08T03:00 | 08T01:00 | -        | 08T01:00-08T03:00 | 08T01:00-08T12:00",
      })
  void eventsBecomeMaintenanceRecords(String why, String announcedAt, String plan, String started, String ended, String expectedPlan, String expectedActual) {
    List<Event> events = new ArrayList<>();
    if (!announcedAt.equals("-")) {
      String[] p = plan.split("-");
      events.add(event("maintenance.announced", announcedAt, Map.of("maintenanceId", "mw-1", "plannedStart", t(p[0]) + "", "plannedEnd", t(p[1]) + "")));
    }
    events.add(event("maintenance.started", started, Map.of("maintenanceId", "mw-1")));
    if (!ended.equals("-")) {
      events.add(event("maintenance.ended", ended, Map.of("maintenanceId", "mw-1")));
    }
    List<Maintenance> result = MaintenanceEvents.fromEvents(events, Duration.ofHours(48), NOW);
    assertThat(result).as(why).hasSize(1);
    Maintenance m = result.getFirst();
    assertThat(m.actual()).isEqualTo(interval(expectedActual));
    assertThat(m.announced()).isEqualTo(expectedPlan.equals("-") ? null : interval(expectedPlan));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "announced but never started excludes nothing | maintenance.announced",
        "ended without a start is ignored             | maintenance.ended",
      })
  void maintenanceWithoutAStartIsNoMaintenance(String why, String type) {
    Map<String, Object> attributes = type.equals("maintenance.announced")
        ? Map.of("maintenanceId", "mw-1", "plannedStart", "2026-11-08T01:00:00Z", "plannedEnd", "2026-11-08T03:00:00Z")
        : Map.of("maintenanceId", "mw-1");
    assertThat(MaintenanceEvents.fromEvents(List.of(event(type, "05T09:00", attributes)), Duration.ZERO, NOW)).as(why).isEmpty();
  }

  private static Event event(String type, String at, Map<String, Object> attributes) {
    return new Event(type + at, "acme", type, t(at), "test", attributes);
  }

  static Instant t(String dayTime) {
    return Instant.parse("2026-11-" + dayTime + ":00Z");
  }

  private static TimeInterval interval(String spec) {
    String[] p = spec.split("-");
    return new TimeInterval(t(p[0]), t(p[1]));
  }
}
