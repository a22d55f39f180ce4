package io.slamon.incident.clock;

/** Which Art. 73 AI Act case applies; the shortest limit of those that apply wins. */
public enum AiActCase {
  /** Art. 73(2): not later than 15 days after awareness. */
  SERIOUS_INCIDENT,
  /**
   * Art. 73(3): widespread infringement or serious disruption of critical infrastructure: 2 days.
   */
  WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE,
  /** Art. 73(4): death of a person: 10 days. */
  DEATH
}
