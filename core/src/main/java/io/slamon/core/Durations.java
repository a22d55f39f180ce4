package io.slamon.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations the way Prometheus writes them ({@code 30s}, {@code 1h30m}, {@code 500ms},
 * {@code 2d}, {@code 1w}, {@code 1y} = 365 days) and ISO-8601 ({@code PT1H}, {@code P2D}).
 *
 * <p>Both spellings are accepted because operators copy values from Prometheus configs and from
 * contracts written by lawyers who prefer ISO; anything else (e.g. {@code 1hour}) is rejected
 * rather than guessed.
 */
public final class Durations {
  // Units must appear in descending order, each at most once, as in Prometheus' model.ParseDuration.
  private static final Pattern PROMETHEUS =
      Pattern.compile(
          "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final long[] UNIT_MILLIS = {
    365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1
  };

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a message naming the bad value if it is not a duration
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration");
    }
    String s = text.strip();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.startsWith("P") || s.startsWith("p")) {
      try {
        Duration d = Duration.parse(s);
        if (d.isNegative()) {
          throw new IllegalArgumentException("\"" + text + "\" is negative");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw notADuration(text);
      }
    }
    Matcher m = PROMETHEUS.matcher(s);
    if (!m.matches()) {
      throw notADuration(text);
    }
    long millis = 0;
    boolean any = false;
    try {
      for (int i = 0; i < UNIT_MILLIS.length; i++) {
        String group = m.group(i + 1);
        if (group != null) {
          any = true;
          millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(group), UNIT_MILLIS[i]));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is too long a duration");
    }
    if (!any) {
      throw notADuration(text);
    }
    return Duration.ofMillis(millis);
  }

  /** Renders a duration in the Prometheus style, e.g. {@code 1h30m}, {@code 500ms}, {@code 0s}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    long millis = duration.toMillis();
    String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      // years and weeks only when exact, so 14d stays 14d rather than 2w
      if (i <= 1 && millis % UNIT_MILLIS[i] != 0) {
        continue;
      }
      long n = millis / UNIT_MILLIS[i];
      if (n > 0) {
        sb.append(n).append(units[i]);
        millis -= n * UNIT_MILLIS[i];
      }
    }
    return sb.toString();
  }

  private static IllegalArgumentException notADuration(String text) {
    return new IllegalArgumentException(
        "\"" + text + "\" is not a duration (use e.g. 30s, 5m, 1h30m, 2d, 500ms or ISO-8601 PT1H)");
  }
}
