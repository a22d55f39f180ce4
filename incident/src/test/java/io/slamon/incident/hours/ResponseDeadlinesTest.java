package io.slamon.incident.hours;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.Severity;
import io.slamon.core.config.BusinessHours;
import io.slamon.core.config.IncidentTargets;
import io.slamon.core.config.ResponseTarget;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseDeadlinesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Fri 20 Nov 2026 17:00 CET. */
  private static final Instant FRIDAY_EVENING = Instant.parse("2026-11-20T16:00:00Z");

  @Test
  void theDefaultTargetsRunAroundTheClock() {
    var p1 = ResponseDeadlines.of(IncidentTargets.DEFAULT, BERLIN, Severity.P1, FRIDAY_EVENING);
    assertThat(p1.acknowledgeBy()).isEqualTo(FRIDAY_EVENING.plus(Duration.ofMinutes(15)));
    assertThat(p1.restoreBy()).isEqualTo(FRIDAY_EVENING.plus(Duration.ofHours(4)));
    assertThat(p1.businessHours()).isFalse();
    var p4 = ResponseDeadlines.of(IncidentTargets.DEFAULT, BERLIN, Severity.P4, FRIDAY_EVENING);
    assertThat(p4.restoreBy()).isEqualTo(FRIDAY_EVENING.plus(Duration.ofDays(5)));
  }

  @Test
  void businessHoursApplyOnlyToTheSeveritiesTheContractMarks() {
    var map = new EnumMap<>(IncidentTargets.DEFAULT.targets());
    map.put(Severity.P3, new ResponseTarget(Duration.ofHours(4), Duration.ofHours(16), true));
    var targets = new IncidentTargets(map,
        new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0), "DE-BY", List.of()));

    var p3 = ResponseDeadlines.of(targets, BERLIN, Severity.P3, FRIDAY_EVENING);
    assertThat(p3.businessHours()).isTrue();
    // 1 h on Friday, 3 h on Monday; restore: 1 h Friday, 10 h Monday, 5 h Tuesday
    assertThat(p3.acknowledgeBy()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(p3.restoreBy()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
    var p1 = ResponseDeadlines.of(targets, BERLIN, Severity.P1, FRIDAY_EVENING);
    assertThat(p1.businessHours()).isFalse();
    assertThat(p1.acknowledgeBy()).isEqualTo(FRIDAY_EVENING.plus(Duration.ofMinutes(15)));
  }
}
