package io.slamon.incident.clock;

import java.time.Instant;

/**
 * The moment someone responsible became aware of the incident (or, for the DSGVO clocks, of the
 * compromise of personal data), with where that knowledge came from and who records it. It may lie
 * before the incident was created in slamon, and it can be corrected; every deadline follows it.
 *
 * @param at when awareness arose
 * @param source how it arose, e.g. "customer e-mail", "SOC ticket 4711", "alert chat-ttft"
 * @param recordedBy who states it
 */
public record Awareness(Instant at, String source, String recordedBy) {
  public Awareness {
    if (at == null) {
      throw new IllegalArgumentException("awareness needs the instant at which it arose");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(
          "awareness needs a source (how the incident became known)");
    }
    if (recordedBy == null || recordedBy.isBlank()) {
      throw new IllegalArgumentException("awareness needs the person who records it");
    }
  }
}
