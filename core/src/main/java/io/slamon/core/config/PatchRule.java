package io.slamon.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Patch deadline for vulnerabilities with CVSS score in {@code [minCvss, maxCvss]}; {@code maxCvss}
 * null means up to 10.0.
 */
public record PatchRule(double minCvss, Double maxCvss, Duration deadline) {
  public PatchRule {
    Objects.requireNonNull(deadline, "deadline");
    if (maxCvss != null && maxCvss < minCvss) {
      throw new IllegalArgumentException("maxCvss must not be below minCvss");
    }
  }

  public boolean covers(double cvss) {
    return cvss >= minCvss && cvss <= (maxCvss == null ? 10.0 : maxCvss);
  }
}
