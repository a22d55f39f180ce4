package io.slamon.incident.clock;

import java.time.Duration;

/** An escalation step to fire now; {@code late} when it is more than the grace period overdue. */
public record DueEscalation(EscalationStep step, boolean late, Duration lateBy) {}
