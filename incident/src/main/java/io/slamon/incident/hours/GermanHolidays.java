package io.slamon.incident.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Statutory public holidays in Germany, nationwide ({@code DE}) and per state ({@code DE-BY}, …,
 * ISO 3166-2), by the states' holiday laws (Feiertagsgesetze). Holidays that apply only in some
 * municipalities (Fronleichnam in parts of Saxony and Thuringia, Mariä Himmelfahrt in Catholic
 * Bavarian municipalities, Augsburger Friedensfest) are not included: a contract lists them as
 * closed days. Pure: no I/O, no clock.
 */
public final class GermanHolidays {
  private GermanHolidays() {}

  private static final Set<String> EPIPHANY = Set.of("DE-BW", "DE-BY", "DE-ST");
  private static final Set<String> CORPUS_CHRISTI = Set.of("DE-BW", "DE-BY", "DE-HE", "DE-NW", "DE-RP", "DE-SL");
  private static final Set<String> ALL_SAINTS = Set.of("DE-BW", "DE-BY", "DE-NW", "DE-RP", "DE-SL");
  /** Reformation Day; Bremen, Hamburg, Lower Saxony and Schleswig-Holstein since 2018. */
  private static final Set<String> REFORMATION = Set.of("DE-BB", "DE-MV", "DE-SN", "DE-ST", "DE-TH");
  private static final Set<String> REFORMATION_SINCE_2018 = Set.of("DE-HB", "DE-HH", "DE-NI", "DE-SH");

  /** The holidays of {@code region} in {@code year}, by date, with their German names. */
  public static Map<LocalDate, String> of(String region, int year) {
    Map<LocalDate, String> h = new TreeMap<>();
    LocalDate easter = easterSunday(year);
    h.put(LocalDate.of(year, 1, 1), "Neujahr");
    h.put(easter.minusDays(2), "Karfreitag");
    h.put(easter.plusDays(1), "Ostermontag");
    h.put(LocalDate.of(year, 5, 1), "Tag der Arbeit");
    h.put(easter.plusDays(39), "Christi Himmelfahrt");
    h.put(easter.plusDays(50), "Pfingstmontag");
    h.put(LocalDate.of(year, 10, 3), "Tag der Deutschen Einheit");
    h.put(LocalDate.of(year, 12, 25), "1. Weihnachtstag");
    h.put(LocalDate.of(year, 12, 26), "2. Weihnachtstag");
    if (year == 2017) {
      h.put(LocalDate.of(year, 10, 31), "Reformationstag (500 Jahre)");
    }
    if (EPIPHANY.contains(region)) {
      h.put(LocalDate.of(year, 1, 6), "Heilige Drei Könige");
    }
    if (("DE-BE".equals(region) && year >= 2019) || ("DE-MV".equals(region) && year >= 2023)) {
      h.put(LocalDate.of(year, 3, 8), "Internationaler Frauentag");
    }
    if ("DE-BE".equals(region) && (year == 2020 || year == 2025)) {
      h.put(LocalDate.of(year, 5, 8), "Tag der Befreiung");
    }
    if ("DE-BB".equals(region)) {
      h.put(easter, "Ostersonntag");
      h.put(easter.plusDays(49), "Pfingstsonntag");
    }
    if (CORPUS_CHRISTI.contains(region)) {
      h.put(easter.plusDays(60), "Fronleichnam");
    }
    if ("DE-SL".equals(region)) {
      h.put(LocalDate.of(year, 8, 15), "Mariä Himmelfahrt");
    }
    if ("DE-TH".equals(region) && year >= 2019) {
      h.put(LocalDate.of(year, 9, 20), "Weltkindertag");
    }
    if (REFORMATION.contains(region) || (REFORMATION_SINCE_2018.contains(region) && year >= 2018)) {
      h.put(LocalDate.of(year, 10, 31), "Reformationstag");
    }
    if (ALL_SAINTS.contains(region)) {
      h.put(LocalDate.of(year, 11, 1), "Allerheiligen");
    }
    if ("DE-SN".equals(region)) {
      // the Wednesday before 23 November
      h.put(MonthDay.of(11, 22).atYear(year).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY)), "Buß- und Bettag");
    }
    return h;
  }

  /**
   * Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
   */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
