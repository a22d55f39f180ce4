package io.slamon.bench;

import java.util.Locale;

/**
 * One measured quantity for slamon and a baseline, printed side by side with their ratio, which is
 * how every benchmark here reports ("slamon 1.8 CPU-s/M samples, prometheus 1.2, ratio 1.50").
 */
public record Comparison(String quantity, String unit, double slamon, double baseline, String baselineName) {
  public Comparison {
    if (!(baseline > 0) || Double.isInfinite(baseline)) {
      throw new IllegalArgumentException("baseline for " + quantity + " must be a positive number, was " + baseline);
    }
  }

  /** slamon divided by the baseline: below 1 slamon is cheaper or faster, depending on the quantity. */
  public double ratio() {
    return slamon / baseline;
  }

  public String line() {
    return String.format(Locale.ROOT, "%-32s slamon %12.3f %-10s %s %12.3f  ratio %6.2f", quantity, slamon, unit, baselineName, baseline, ratio());
  }
}
