/**
 * slamon core: shared value types ({@link io.slamon.core.Durations}, {@link
 * io.slamon.core.AvailabilityClass}, {@link io.slamon.core.Severity}). The configuration model and
 * its validation live in {@code io.slamon.core.config}, OpenSLO documents in {@code
 * io.slamon.core.openslo}.
 */
package io.slamon.core;
