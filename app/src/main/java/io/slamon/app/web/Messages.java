package io.slamon.app.web;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The portal's texts and number/date formats in one of its languages (English, German). */
final class Messages {
  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("io.slamon.app.web.messages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static final Messages EN = new Messages(Locale.ENGLISH);
  private static final Messages DE = new Messages(Locale.GERMAN);

  /** The messages of a language code; anything but {@code de} is English. */
  static Messages of(String language) {
    return "de".equals(language) ? DE : EN;
  }

  /** The first supported language of an Accept-Language list, else English. */
  static String negotiate(List<String> acceptable) {
    for (String tag : acceptable) {
      String lang = Locale.forLanguageTag(tag).getLanguage();
      if (lang.equals("de") || lang.equals("en")) {
        return lang;
      }
    }
    return "en";
  }

  Locale locale() {
    return locale;
  }

  String lang() {
    return locale.getLanguage();
  }

  String t(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** 0.99912 → "99.912 %" / "99,912 %". */
  String percent(double ratio) {
    if (Double.isNaN(ratio)) {
      return "–";
    }
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(0);
    f.setMaximumFractionDigits(3);
    return f.format(ratio * 100) + " %";
  }

  String dateTime(Instant at, ZoneId zone) {
    return at == null ? "–" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale).format(at.atZone(zone)) + " " + zone.getRules().getOffset(at).getId().replace("Z", "UTC");
  }

  String date(Instant at, ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(at.atZone(zone));
  }

  /** "2 d 3 h" style, the same in both languages ("d"/"h"/"min" read fine in German too). */
  String duration(Duration d) {
    long minutes = Math.abs(d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder sb = new StringBuilder();
    if (days > 0) {
      sb.append(days).append(" d ");
    }
    if (hours > 0 || days > 0) {
      sb.append(hours).append(" h ");
    }
    if (days == 0) {
      sb.append(mins).append(" min");
    }
    return sb.toString().strip();
  }
}
