package io.slamon.slo;

import java.time.Instant;
import java.util.Objects;

/**
 * A CVE affecting one component, and when (if yet) the patch was applied.
 *
 * @param cveId e.g. {@code CVE-2026-12345}
 * @param component e.g. {@code gpu-driver}, {@code kernel}, {@code kube-apiserver}
 * @param publishedAt when the CVE was published (the deadline runs from here)
 * @param cvss base score 0.0–10.0
 * @param patchedAt when the patch was applied; null while open
 */
public record CveExposure(String cveId, String component, Instant publishedAt, double cvss, Instant patchedAt) {
  public CveExposure {
    Objects.requireNonNull(cveId, "cveId");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(publishedAt, "publishedAt");
    if (!(cvss >= 0 && cvss <= 10)) {
      throw new IllegalArgumentException("Illegal CVSS score " + cvss + " for " + cveId + ": expecting 0.0 to 10.0");
    }
    if (patchedAt != null && patchedAt.isBefore(publishedAt)) {
      throw new IllegalArgumentException("Illegal patch time for " + cveId + " on " + component + ": patched " + patchedAt + " before published " + publishedAt);
    }
  }
}
