package io.slamon.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Patch deadlines by CVSS band (DOMAIN.md "Patch and vulnerability management"). */
public final class PatchCompliance {
  private final List<CvssBand> bands;

  public PatchCompliance(List<CvssBand> bands) {
    this.bands = List.copyOf(Objects.requireNonNull(bands, "bands"));
  }

  /** The band for a score: among the bands containing it, the one with the highest minimum. */
  public Optional<CvssBand> bandFor(double cvss) {
    return bands.stream().filter(b -> b.contains(cvss)).max(Comparator.comparingDouble(CvssBand::minCvss));
  }

  /** Judges each CVE; a patch exactly at the deadline is on time. */
  public List<PatchFinding> evaluate(List<CveExposure> cves, Instant now) {
    Objects.requireNonNull(now, "now");
    return cves.stream().map(c -> judge(c, now)).toList();
  }

  private PatchFinding judge(CveExposure cve, Instant now) {
    Optional<CvssBand> band = bandFor(cve.cvss());
    if (band.isEmpty()) {
      return new PatchFinding(cve, PatchStatus.NO_DEADLINE, null, Duration.ZERO);
    }
    Instant deadline = cve.publishedAt().plus(band.get().deadline());
    if (cve.patchedAt() != null) {
      return cve.patchedAt().isAfter(deadline)
          ? new PatchFinding(cve, PatchStatus.LATE, deadline, Duration.between(deadline, cve.patchedAt()))
          : new PatchFinding(cve, PatchStatus.ON_TIME, deadline, Duration.ZERO);
    }
    return now.isAfter(deadline)
        ? new PatchFinding(cve, PatchStatus.OVERDUE, deadline, Duration.between(deadline, now))
        : new PatchFinding(cve, PatchStatus.OPEN, deadline, Duration.ZERO);
  }
}
