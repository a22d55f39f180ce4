package io.slamon.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.incident.clock.Nis2Significance;
import io.slamon.incident.clock.Outage;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Outage minutes from rollups, fed into the Art. 7 thresholds at and just over their limits. */
class AvailabilityMinutesTest {
  private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

  /** Two request series: per minute {@code ok} good and {@code failed} 5xx requests for {@code minutes} minutes. */
  private static List<RollupSeries> requests(int minutes, double ok, double failed) {
    return List.of(series("2xx", minutes, ok), series("5xx", minutes, failed));
  }

  private static RollupSeries series(String status, int minutes, double perMinute) {
    List<Minute> rows = new ArrayList<>();
    for (int i = 0; i < minutes; i++) {
      rows.add(new Minute(T.plus(Duration.ofMinutes(i)), 4, 0, 0, 0, 0, 0, perMinute));
    }
    return new RollupSeries("t", "http_requests_total", Map.of("status", status), rows);
  }

  private static RollupSeries up(String instance, int minutes, double value) {
    List<Minute> rows = new ArrayList<>();
    for (int i = 0; i < minutes; i++) {
      rows.add(new Minute(T.plus(Duration.ofMinutes(i)), 4, value * 4, value, value, value, value, 0));
    }
    return new RollupSeries("t", "up", Map.of("instance", instance), rows);
  }

  private static Nis2Significance assess(List<Outage> outages, Instant now) {
    return Nis2Significance.assess(outages, AvailabilityMinutes.USERS, now);
  }

  @ParameterizedTest(name = "{0} minutes of only failed requests: complete unavailability {1}")
  @CsvSource({"30, false", "31, true"})
  void everyRequestFailingForMoreThan30MinutesIsACompleteOutage(int minutes, boolean significant) {
    Instant now = T.plus(Duration.ofMinutes(minutes));
    var s = assess(AvailabilityMinutes.outages(requests(minutes, 0, 50), List.of(), now), now);
    assertThat(s.completeUnavailability()).isEqualTo(significant);
    if (significant) {
      assertThat(s.completeCrossedAt()).isEqualTo(T.plus(Duration.ofMinutes(30)));
    }
  }

  @Test
  void aRunningMinuteCountsUntilNowSoTheFlagComesWhileTheOutageRuns() {
    Instant now = T.plus(Duration.ofMinutes(30)).plusSeconds(1);
    var outages = AvailabilityMinutes.outages(requests(31, 0, 50), List.of(), now);
    assertThat(outages.getLast().end()).isEqualTo(now);
    assertThat(assess(outages, now).completeCrossedAt()).isEqualTo(T.plus(Duration.ofMinutes(30)));
    assertThat(assess(outages, T.plus(Duration.ofMinutes(30))).completeUnavailability()).as("exactly 30 min").isFalse();
  }

  @Test
  void everyTargetDownIsACompleteOutageEvenWithoutRequestsButOneTargetUpIsNot() {
    Instant now = T.plus(Duration.ofMinutes(40));
    var down = AvailabilityMinutes.outages(List.of(), List.of(up("a", 40, 0), up("b", 40, 0)), now);
    assertThat(assess(down, now).completeUnavailability()).isTrue();
    var oneUp = AvailabilityMinutes.outages(List.of(), List.of(up("a", 40, 0), up("b", 40, 1)), now);
    assertThat(oneUp).isEmpty();
  }

  @ParameterizedTest(name = "{0} minutes with {1} of {2} requests failed: limited availability {3}")
  @CsvSource({
    "60, 6, 100, false",
    "61, 6, 100, true",
    "90, 5, 100, false", // exactly 5 % is not "more than 5 %"
    "61, 51, 1000, true", // 5.1 %
  })
  void moreThan5PercentFailingForMoreThanAnHourIsLimitedAvailability(int minutes, double failed, double total, boolean significant) {
    Instant now = T.plus(Duration.ofMinutes(minutes));
    var s = assess(AvailabilityMinutes.outages(requests(minutes, total - failed, failed), List.of(), now), now);
    assertThat(s.limitedAvailability()).isEqualTo(significant);
    assertThat(s.completeUnavailability()).isFalse();
    if (significant) {
      assertThat(s.limitedCrossedAt()).isEqualTo(T.plus(Duration.ofHours(1)));
    }
  }

  @Test
  void aMinuteWithoutFailuresSplitsTheOutage() {
    List<RollupSeries> req = new ArrayList<>();
    List<Minute> failed = new ArrayList<>();
    List<Minute> ok = new ArrayList<>();
    for (int i = 0; i < 41; i++) {
      Instant m = T.plus(Duration.ofMinutes(i));
      failed.add(new Minute(m, 4, 0, 0, 0, 0, 0, i == 20 ? 0 : 50)); // minute 20 recovered
      ok.add(new Minute(m, 4, 0, 0, 0, 0, 0, i == 20 ? 50 : 0));
    }
    req.add(new RollupSeries("t", "http_requests_total", Map.of("status", "5xx"), failed));
    req.add(new RollupSeries("t", "http_requests_total", Map.of("status", "2xx"), ok));
    Instant now = T.plus(Duration.ofMinutes(41));
    var outages = AvailabilityMinutes.outages(req, List.of(), now);
    assertThat(outages).hasSize(40);
    assertThat(assess(outages, now).significant()).as("two stretches of 20 min").isFalse();
  }

  @Test
  void theFailedShareIsExpressedInPartsPerMillion() {
    var outages = AvailabilityMinutes.outages(requests(1, 94, 6), List.of(), T.plus(Duration.ofMinutes(1)));
    assertThat(outages).singleElement().satisfies(o -> {
      assertThat(o.scope()).isEqualTo(Outage.Scope.LIMITED);
      assertThat(o.affectedUsers()).isEqualTo(60_000);
    });
  }
}
