package io.slamon.incident.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeLimitTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  static TimeLimit limit(String text) {
    String[] p = text.split(" ");
    int n = Integer.parseInt(p[0]);
    return switch (p[1]) {
      case "h" -> TimeLimit.hours(n);
      case "d" -> TimeLimit.days(n);
      case "m" -> TimeLimit.months(n);
      default -> throw new IllegalArgumentException(text);
    };
  }

  @ParameterizedTest(name = "{0} + {1} is strictly {2}, legally {3}")
  @CsvSource({
    // autumn DST: the clock goes back an hour, so 72 calendar hours end at 09:00 on the wall
    "2026-10-23T10:00+02:00, 72 h, 2026-10-26T09:00+01:00, 2026-10-26T10:00+01:00",
    // spring DST: the clock jumps forward, so they end at 11:00
    "2026-03-27T10:00+01:00, 72 h, 2026-03-30T11:00+02:00, 2026-03-30T12:00+02:00",
    // the hour of awareness is not counted even when awareness falls on the full hour
    "2026-06-01T10:00+02:00, 24 h, 2026-06-02T10:00+02:00, 2026-06-02T11:00+02:00",
    "2026-06-01T10:59:59+02:00, 4 h, 2026-06-01T14:59:59+02:00, 2026-06-01T15:00+02:00",
    // days keep the local time across DST
    "2026-10-23T10:00+02:00, 15 d, 2026-11-07T10:00+01:00, 2026-11-08T00:00+01:00",
    "2026-10-24T10:00+02:00, 2 d, 2026-10-26T10:00+01:00, 2026-10-27T00:00+01:00",
    // 31 Jan + 1 month is the end of February (java.time plusMonths; 1182/71 Art. 3(2)(c))
    "2027-01-31T12:00+01:00, 1 m, 2027-02-28T12:00+01:00, 2027-03-01T00:00+01:00",
    "2028-01-31T12:00+01:00, 1 m, 2028-02-29T12:00+01:00, 2028-03-01T00:00+01:00",
    "2026-03-15T09:00+01:00, 1 m, 2026-04-15T09:00+02:00, 2026-04-16T00:00+02:00",
  })
  void eachLimitEndsStrictlyAndUnderTheLegalReading(
      String from, String limit, String strict, String legal) {
    TimeLimit l = limit(limit);
    assertThat(l.strictEnd(at(from), BERLIN)).isEqualTo(at(strict));
    assertThat(l.legalEnd(at(from), BERLIN)).isEqualTo(at(legal));
  }

  @Test
  void hoursAreInstantArithmeticWhateverTheZone() {
    Instant from = at("2026-10-23T10:00+02:00");
    assertThat(TimeLimit.hours(72).strictEnd(from, ZoneId.of("UTC")))
        .isEqualTo(TimeLimit.hours(72).strictEnd(from, BERLIN));
  }

  @Test
  void theLegalReadingTruncatesToTheLocalHourInHalfHourZones() {
    Instant from = at("2026-06-01T10:20+05:30");
    assertThat(TimeLimit.hours(1).legalEnd(from, ZoneId.of("Asia/Kolkata")))
        .isEqualTo(at("2026-06-01T12:00+05:30"));
  }

  @Test
  void limitsThatAreNotPositiveAreRejected() {
    assertThatThrownBy(() -> TimeLimit.hours(0)).hasMessageContaining("positive");
    assertThatThrownBy(() -> TimeLimit.days(-1)).hasMessageContaining("positive");
    assertThatThrownBy(() -> TimeLimit.months(0)).hasMessageContaining("positive");
  }

  @Test
  void limitsDescribeThemselves() {
    assertThat(TimeLimit.hours(72).describe()).isEqualTo("72 h");
    assertThat(TimeLimit.of(java.time.Duration.ofMinutes(90)).describe()).isEqualTo("90 min");
    assertThat(TimeLimit.days(1).describe()).isEqualTo("1 day");
    assertThat(TimeLimit.months(1).describe()).isEqualTo("1 month");
  }
}
