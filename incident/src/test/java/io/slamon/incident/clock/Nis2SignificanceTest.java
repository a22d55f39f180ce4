package io.slamon.incident.clock;

import static io.slamon.incident.clock.TimeLimitTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Nis2SignificanceTest {
  private static final Instant T0 = at("2026-10-23T10:00+02:00");

  /** "COMPLETE 0 30 0;LIMITED 40 -1 600": scope, start minute, end minute (-1: running), users. */
  private static List<Outage> outages(String spec) {
    var list = new ArrayList<Outage>();
    for (String part : spec.split(";")) {
      String[] p = part.trim().split(" ");
      int end = Integer.parseInt(p[2]);
      list.add(
          new Outage(
              T0.plusSeconds(60L * Integer.parseInt(p[1])),
              end < 0 ? null : T0.plusSeconds(60L * end),
              Outage.Scope.valueOf(p[0]),
              Long.parseLong(p[3])));
    }
    return list;
  }

  @ParameterizedTest(name = "{0} at minute {1} of 10000 users: complete={2}, limited={3}")
  @CsvSource({
    "COMPLETE 0 30 0, 120, -1, -1", // exactly 30 min is not "more than"
    "COMPLETE 0 31 0, 120, 30, -1",
    "COMPLETE 0 -1 0, 31, 30, -1", // flagged while it runs
    "COMPLETE 0 -1 0, 30, -1, -1",
    "COMPLETE 0 20 0;COMPLETE 20 40 0, 120, 30, -1", // touching stretches join
    "COMPLETE 0 20 0;COMPLETE 21 40 0, 120, -1, -1", // a gap splits them
    "LIMITED 0 61 501, 120, -1, 60", // > 5 % for > 1 h
    "LIMITED 0 61 500, 120, -1, -1", // exactly 5 % is not more
    "LIMITED 0 60 501, 120, -1, -1", // exactly 1 h is not more
    "COMPLETE 0 20 0;LIMITED 20 70 600, 120, -1, 60", // a complete outage also limits everyone
    "LIMITED 30 100 100;LIMITED 0 20 900, 120, -1, -1",
  })
  void theCloudProviderThresholdsOfArticle7(
      String spec, int minute, int completeAt, int limitedAt) {
    var s = Nis2Significance.assess(outages(spec), 10_000, T0.plusSeconds(60L * minute));
    assertThat(s.completeCrossedAt())
        .isEqualTo(completeAt < 0 ? null : T0.plusSeconds(60L * completeAt));
    assertThat(s.limitedCrossedAt())
        .isEqualTo(limitedAt < 0 ? null : T0.plusSeconds(60L * limitedAt));
    assertThat(s.significant()).isEqualTo(completeAt >= 0 || limitedAt >= 0);
  }

  @Test
  void moreThanAMillionUsersIsEnoughForAVeryLargeService() {
    var s =
        Nis2Significance.assess(outages("LIMITED 0 90 1000001"), 100_000_000, T0.plusSeconds(7200));
    assertThat(s.limitedAvailability()).isTrue();
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> Nis2Significance.assess(List.of(), 0, T0))
        .hasMessageContaining("user count");
    assertThatThrownBy(() -> new Outage(T0, T0.minusSeconds(1), Outage.Scope.COMPLETE, 0))
        .hasMessageContaining("before it starts");
    assertThatThrownBy(() -> new Outage(T0, null, Outage.Scope.LIMITED, -1))
        .hasMessageContaining("negative");
  }
}
