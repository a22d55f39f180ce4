package io.slamon.slo;

/** Good and total events an SLI counted over a window. */
public record SliCounts(double good, double total) {
  public SliCounts {
    if (good < 0 || total < 0 || good > total + 1e-9) {
      throw new IllegalArgumentException("Illegal SLI counts good=" + good + " total=" + total + ": expecting 0 <= good <= total");
    }
  }

  public static final SliCounts NONE = new SliCounts(0, 0);
}
