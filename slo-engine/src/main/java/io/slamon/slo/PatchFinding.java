package io.slamon.slo;

import java.time.Duration;
import java.time.Instant;

/**
 * One CVE judged against its deadline.
 *
 * @param deadline published + the band's deadline; null for {@link PatchStatus#NO_DEADLINE}
 * @param lateBy how far past the deadline it was patched (LATE) or is now (OVERDUE); zero otherwise
 */
public record PatchFinding(CveExposure cve, PatchStatus status, Instant deadline, Duration lateBy) {}
