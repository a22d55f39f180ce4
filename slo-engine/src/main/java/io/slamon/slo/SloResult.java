package io.slamon.slo;

import java.time.Instant;

/** The evaluated state of one SLO over one window. */
public record SloResult(
    SloDefinition slo, Instant windowStart, Instant windowEnd, SliCounts counts, double attainment, double budgetRemaining, boolean breached) {}
