package io.slamon.app;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress output for long-running commands: each line stamped with seconds since start. */
final class Console {
  private final PrintWriter out;
  private final long startNanos = System.nanoTime();

  Console(PrintWriter out) {
    this.out = out;
  }

  void step(String format, Object... args) {
    double s = (System.nanoTime() - startNanos) / 1e9;
    out.printf(Locale.ROOT, "[%6.1fs] %s%n", s, String.format(Locale.ROOT, format, args));
    out.flush();
  }

  void line(String format, Object... args) {
    out.printf(Locale.ROOT, format + "%n", args);
    out.flush();
  }

  static String percent(double ratio) {
    return Double.isNaN(ratio) ? "no data" : String.format(Locale.ROOT, "%.3f %%", ratio * 100);
  }
}
