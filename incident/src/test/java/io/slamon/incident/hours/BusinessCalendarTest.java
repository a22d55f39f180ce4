package io.slamon.incident.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.core.config.BusinessHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final EnumSet<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private static BusinessCalendar calendar(String region, LocalDate... closed) {
    return new BusinessCalendar(new BusinessHours(MON_FRI, LocalTime.of(8, 0), LocalTime.of(18, 0), region, List.of(closed)), BERLIN);
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @ParameterizedTest(name = "{0}: {1} + {2} business hours in {3} is {4}")
  @CsvSource({
    "within the day,                     2026-11-23T09:00+01:00, PT4H,  DE-BY, 2026-11-23T13:00+01:00",
    "used up exactly at closing time,    2026-11-23T10:00+01:00, PT8H,  DE-BY, 2026-11-23T18:00+01:00",
    "the weekend does not count,         2026-11-20T17:00+01:00, PT4H,  DE-BY, 2026-11-23T11:00+01:00",
    "a start on Saturday counts from Monday's opening, 2026-11-21T10:00+01:00, PT1H, DE-BY, 2026-11-23T09:00+01:00",
    "a start before opening counts from opening, 2026-11-23T06:30+01:00, PT30M, DE-BY, 2026-11-23T08:30+01:00",
    "a start after closing counts from the next opening, 2026-11-23T19:00+01:00, PT1H, DE-BY, 2026-11-24T09:00+01:00",
    "zero on a Saturday is Monday's opening, 2026-11-21T10:00+01:00, PT0S, DE-BY, 2026-11-23T08:00+01:00",
    "two and a half working days,        2026-11-23T08:00+01:00, PT25H, DE-BY, 2026-11-25T13:00+01:00",
    // holidays: Epiphany (Tue 6 Jan 2026) in Bavaria but not in Berlin
    "Epiphany in Bavaria,                2026-01-05T17:00+01:00, PT2H,  DE-BY, 2026-01-07T09:00+01:00",
    "no Epiphany in Berlin,              2026-01-05T17:00+01:00, PT2H,  DE-BE, 2026-01-06T09:00+01:00",
    "Easter: Good Friday and Easter Monday, 2026-04-02T17:00+02:00, PT2H, DE,  2026-04-07T09:00+02:00",
    "Reformation Day in Saxony,          2025-10-30T17:00+01:00, PT2H,  DE-SN, 2025-11-03T09:00+01:00",
    "no Reformation Day in Bavaria,      2025-10-30T17:00+01:00, PT2H,  DE-BY, 2025-10-31T09:00+01:00",
    "Buss- und Bettag in Saxony,         2026-11-17T17:00+01:00, PT2H,  DE-SN, 2026-11-19T09:00+01:00",
    "Christmas,                          2026-12-23T16:00+01:00, PT4H,  DE-BE, 2026-12-24T10:00+01:00",
    // DST: the change is at night, so a working day keeps its ten hours and the wall clock is what counts
    "autumn DST weekend,                 2026-10-23T16:00+02:00, PT4H,  DE-BY, 2026-10-26T10:00+01:00",
    "spring DST weekend,                 2026-03-27T17:00+01:00, PT2H,  DE-BY, 2026-03-30T09:00+02:00",
  })
  void businessTimeSkipsNightsWeekendsAndTheStatesHolidays(String what, String from, Duration amount, String region, String due) {
    assertThat(calendar(region).plus(at(from), amount)).isEqualTo(at(due));
  }

  @Test
  void closedDaysFromTheContractCountLikeHolidays() {
    // 24 Dec closed by contract, 25/26 Dec holidays, 27 Dec a Sunday
    var closed = calendar("DE-BE", LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31));
    assertThat(closed.plus(at("2026-12-23T16:00+01:00"), Duration.ofHours(4))).isEqualTo(at("2026-12-28T10:00+01:00"));
    assertThat(closed.isBusinessDay(LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(closed.isBusinessDay(LocalDate.of(2026, 12, 30))).isTrue();
  }

  @Test
  void withoutARegionOnlyWeekdaysAndHoursCount() {
    // 3 Oct 2025 is a Friday and a nationwide holiday, but this calendar names no holiday region
    var noHolidays = calendar(null);
    assertThat(noHolidays.isBusinessDay(LocalDate.of(2025, 10, 3))).isTrue();
    assertThat(calendar("DE").isBusinessDay(LocalDate.of(2025, 10, 3))).isFalse();
  }

  @Test
  void businessTimeBetweenTwoInstantsIsTheInverse() {
    var c = calendar("DE-BY");
    Instant from = at("2026-10-23T16:00+02:00");
    Instant to = c.plus(from, Duration.ofHours(27));
    assertThat(c.between(from, to)).isEqualTo(Duration.ofHours(27));
    assertThat(c.between(to, from)).isZero();
    assertThat(c.between(at("2026-11-21T00:00+01:00"), at("2026-11-23T00:00+01:00"))).as("a weekend").isZero();
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> calendar("DE").plus(Instant.EPOCH, Duration.ofHours(-1))).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> new BusinessHours(EnumSet.noneOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(18, 0), null, null))
        .hasMessageContaining("at least one working day");
    assertThatThrownBy(() -> new BusinessHours(MON_FRI, LocalTime.of(18, 0), LocalTime.of(8, 0), null, null))
        .hasMessageContaining("must be after their start");
    assertThatThrownBy(() -> new BusinessHours(MON_FRI, LocalTime.of(8, 0), LocalTime.of(18, 0), "DE-XX", null))
        .hasMessageContaining("unknown holiday region 'DE-XX'");
    // a calendar whose only working day is 29 Feb never reaches a year's worth of hours
    var rare = new BusinessCalendar(new BusinessHours(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(8, 0), LocalTime.of(9, 0), "DE-BB",
        null), BERLIN);
    assertThatThrownBy(() -> rare.plus(Instant.EPOCH, Duration.ofDays(400))).hasMessageContaining("too few working days");
  }
}
