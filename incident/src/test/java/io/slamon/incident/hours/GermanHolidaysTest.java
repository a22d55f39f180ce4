package io.slamon.incident.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GermanHolidaysTest {

  @ParameterizedTest(name = "Easter {0} is {1}")
  @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
      "2038, 2038-04-25", "2285, 2285-03-22", "2000, 2000-04-23"})
  void easterSundayFollowsTheGregorianComputus(int year, LocalDate easter) {
    assertThat(GermanHolidays.easterSunday(year)).isEqualTo(easter);
  }

  @ParameterizedTest(name = "{0} has {2} holidays in {1}")
  @CsvSource({
    "DE,    2026, 9",
    "DE-BY, 2026, 12",  // + Heilige Drei Könige, Fronleichnam, Allerheiligen
    "DE-BE, 2026, 10",  // + Frauentag
    "DE-BE, 2025, 11",  // + Tag der Befreiung (80th anniversary)
    "DE-SN, 2026, 11",  // + Reformationstag, Buß- und Bettag
    "DE-TH, 2026, 11",  // + Weltkindertag, Reformationstag
    "DE-NI, 2017, 10",  // Reformationstag 2017 nationwide only
    "DE-NI, 2026, 10",  // Reformationstag since 2018
    "DE-MV, 2022, 10",  // Reformationstag; Frauentag only since 2023
    "DE-MV, 2023, 11",
    "DE-BB, 2026, 12",  // + Ostersonntag, Pfingstsonntag, Reformationstag
    "DE-SL, 2026, 12",  // + Fronleichnam, Mariä Himmelfahrt, Allerheiligen
  })
  void eachStateHasItsHolidays(String region, int year, int count) {
    assertThat(GermanHolidays.of(region, year)).hasSize(count);
  }

  @ParameterizedTest(name = "{0} {1} is {2}")
  @CsvSource({
    "DE-SN, 2026-11-18, Buß- und Bettag",
    "DE-SN, 2025-11-19, Buß- und Bettag",
    "DE-BY, 2026-06-04, Fronleichnam",
    "DE,    2026-05-14, Christi Himmelfahrt",
    "DE,    2026-05-25, Pfingstmontag",
    "DE,    2026-04-03, Karfreitag",
  })
  void movableHolidaysFallOnTheRightDay(String region, LocalDate day, String name) {
    assertThat(GermanHolidays.of(region, day.getYear())).containsEntry(day, name);
  }
}
