/**
 * Incidents: opened from signals (SLO breaches, critical GPU events, targets down) or by hand,
 * deduplicated by fingerprint. Severity rules are plain Java ({@link
 * io.slamon.incident.SeverityPolicy}); storage goes through {@link io.slamon.store.IncidentStore}.
 * Regulatory clocks and the hash-chained timeline build on this.
 */
package io.slamon.incident;
