package io.slamon.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * A contract's patch deadline for CVEs scored {@code minCvss <= cvss <= maxCvss} (e.g. 9.0–10.0:
 * 48 h). Where two bands share a boundary score, the band with the higher {@code minCvss} wins, so
 * "CVSS >= 9.0: 48 h" next to "7.0–9.0: 7 d" gives 9.0 the stricter deadline.
 */
public record CvssBand(double minCvss, double maxCvss, Duration deadline) {
  public CvssBand {
    Objects.requireNonNull(deadline, "deadline");
    if (!(minCvss >= 0 && minCvss <= maxCvss && maxCvss <= 10)) {
      throw new IllegalArgumentException("Illegal CVSS band " + minCvss + "–" + maxCvss + ": expecting 0 <= minCvss <= maxCvss <= 10");
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("Illegal patch deadline " + deadline + " for CVSS band " + minCvss + "–" + maxCvss + ": expecting a positive duration");
    }
  }

  public boolean contains(double cvss) {
    return cvss >= minCvss && cvss <= maxCvss;
  }
}
