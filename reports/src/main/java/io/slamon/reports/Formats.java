package io.slamon.reports;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Locale-aware formatting of the report's numbers, dates and labels (one instance per report). */
final class Formats {
  private final Locale locale;
  private final ZoneId zone;
  private final ResourceBundle messages;
  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter date;

  Formats(Locale locale, ZoneId zone) {
    this.locale = locale;
    this.zone = zone;
    this.messages = ResourceBundle.getBundle("io/slamon/reports/messages", locale);
    this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
  }

  Locale locale() {
    return locale;
  }

  ResourceBundle messages() {
    return messages;
  }

  String text(String key, Object... args) {
    String pattern;
    try {
      pattern = messages.getString(key);
    } catch (MissingResourceException e) {
      pattern = key;
    }
    return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale).format(args);
  }

  /** A ratio as percent with {@code decimals} places, e.g. 0.99953 → "99,953 %" in German; "–" for NaN. */
  String percent(double ratio, int decimals) {
    if (Double.isNaN(ratio)) {
      return "–";
    }
    return number(ratio * 100, decimals) + " %";
  }

  String number(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "–";
    }
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    return f.format(value);
  }

  /** An ISO instant string as local date and time in the contract's zone; empty for null. */
  String instant(String iso) {
    return iso == null ? "" : dateTime.format(Instant.parse(iso));
  }

  String date(String isoDate) {
    return date.format(LocalDate.parse(isoDate));
  }

  String yesNo(boolean b) {
    return text(b ? "yes" : "no");
  }

  String metMissed(boolean met) {
    return text(met ? "met" : "missed");
  }

  ZoneId zone() {
    return zone;
  }
}
