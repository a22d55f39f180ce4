package io.slamon.app.web;

import io.slamon.store.SloStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Server-side SVG charts: no script, no CDN, readable without CSS, with a title and a text
 * alternative for screen readers.
 */
final class Svg {
  private static final int W = 640;
  private static final int H = 200;
  private static final int PAD = 56;

  private Svg() {}

  /**
   * Attainment over the period as a line, with the objective as a dashed line. The y axis spans
   * from a little below the lowest value (or objective) to 100 %, so a 99.9 % objective is visible.
   */
  static String attainment(List<SloStatus> points, double objective, Instant from, Instant to, String title, Messages m) {
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
        .append("\" role=\"img\" aria-labelledby=\"").append(Html.attr(id(title))).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    sb.append("<title id=\"").append(Html.attr(id(title))).append("\">").append(Html.text(title)).append("</title>");
    sb.append("<rect x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"").append(H).append("\" fill=\"#ffffff\"/>");
    if (points.isEmpty()) {
      sb.append("<text x=\"").append(W / 2).append("\" y=\"").append(H / 2)
          .append("\" text-anchor=\"middle\" fill=\"#4a4a4a\" font-size=\"14\">").append(Html.text(m.t("chart.empty"))).append("</text></svg>");
      return sb.toString();
    }
    double low = objective;
    for (SloStatus p : points) {
      if (!Double.isNaN(p.attainment())) {
        low = Math.min(low, p.attainment());
      }
    }
    double floor = Math.max(0, low - (1 - low) * 0.5 - 1e-4);
    double span = Math.max(1e-6, to.toEpochMilli() - from.toEpochMilli());
    double yObjective = y(objective, floor);
    sb.append(axisLabel(PAD - 4, PAD + 4, m.percent(1)));
    sb.append(axisLabel(PAD - 4, H - PAD + 4, m.percent(floor)));
    sb.append("<line x1=\"").append(PAD).append("\" y1=\"").append(H - PAD).append("\" x2=\"").append(W - 8)
        .append("\" y2=\"").append(H - PAD).append("\" stroke=\"#6b6b6b\"/>");
    sb.append("<line x1=\"").append(PAD).append("\" y1=\"").append(fmt(yObjective)).append("\" x2=\"").append(W - 8)
        .append("\" y2=\"").append(fmt(yObjective)).append("\" stroke=\"#a4161a\" stroke-dasharray=\"6 4\"/>");
    StringBuilder line = new StringBuilder();
    String last = null;
    for (SloStatus p : points) {
      if (Double.isNaN(p.attainment())) {
        continue;
      }
      double x = PAD + (W - PAD - 8) * (p.evaluatedAt().toEpochMilli() - from.toEpochMilli()) / span;
      last = "cx=\"" + fmt(x) + "\" cy=\"" + fmt(y(p.attainment(), floor)) + "\"";
      line.append(fmt(x)).append(',').append(fmt(y(p.attainment(), floor))).append(' ');
    }
    sb.append("<polyline fill=\"none\" stroke=\"#0b4f9c\" stroke-width=\"2\" points=\"").append(line.toString().strip()).append("\"/>");
    if (last != null) {
      // early in a period the line is short; the newest point stays visible as a dot
      sb.append("<circle ").append(last).append(" r=\"4\" fill=\"#0b4f9c\"/>");
    }
    sb.append("</svg>");
    return sb.toString();
  }

  private static String axisLabel(int x, int y, String text) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"end\" font-size=\"10\" fill=\"#4a4a4a\">" + Html.text(text) + "</text>";
  }

  private static double y(double value, double floor) {
    double v = Math.max(floor, Math.min(1, value));
    return PAD + (H - 2.0 * PAD) * (1 - (v - floor) / (1 - floor));
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static String id(String title) {
    return "t" + Integer.toHexString(title.hashCode());
  }
}
