package io.slamon.simulator.internal;

import java.math.BigDecimal;

/**
 * Formats doubles as Python's prometheus_client does ({@code floatToGoString}): {@code repr()}
 * digits, {@code +Inf}, and Go-style exponents once there are more than six integer digits
 * ({@code 1.7644416e+09}). vLLM's /metrics is rendered by prometheus_client, so this is what its
 * numbers look like.
 */
final class PyFloat {
  private PyFloat() {}

  static String format(double d) {
    if (d == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (d == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    if (Double.isNaN(d)) {
      return "NaN";
    }
    String s = repr(d);
    int dot = s.indexOf('.');
    if (d > 0 && dot > 6) {
      String mantissa = s.charAt(0) + "." + s.substring(1, dot) + s.substring(dot + 1);
      mantissa = stripTrailing(mantissa);
      return mantissa + "e+0" + (dot - 1);
    }
    return s;
  }

  /** Python's repr() for the magnitudes the simulator produces (1e-4 up to 1e16). */
  static String repr(double d) {
    if (d == 0) {
      return "0.0";
    }
    // Double.toString gives the shortest digits that round-trip, as repr() does; only the
    // notation differs (Java switches to E-notation at 1e7 and below 1e-3).
    String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** Python's {@code str.rstrip('0.')}. */
  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '0' || s.charAt(end - 1) == '.')) {
      end--;
    }
    return s.substring(0, end);
  }
}
