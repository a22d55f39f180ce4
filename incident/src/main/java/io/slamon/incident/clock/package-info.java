/**
 * Regulatory clocks as pure rules: from an incident's {@link io.slamon.incident.clock.ClockFacts}
 * (awareness, classifications, recorded notifications) {@link
 * io.slamon.incident.clock.ClockPlanner} computes a {@link io.slamon.incident.clock.ClockPlan} of
 * deadlines under GDPR Art. 33, NIS2, DORA and the AI Act; {@link
 * io.slamon.incident.clock.Escalations} says which escalation steps are due; {@link
 * io.slamon.incident.clock.Notifications} judges notifications against deadlines. No I/O: time
 * comes in as instants, so a 72-hour clock is tested in milliseconds. Sources and deliberate
 * choices: {@code incident/RATIONALE.md}.
 */
package io.slamon.incident.clock;
