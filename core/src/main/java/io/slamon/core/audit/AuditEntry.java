package io.slamon.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One append-only audit entry: who did what to which subject, when, with the old and new value
 * and the reason.
 *
 * @param seq position in the chain, from 1
 * @param at when; truncated to microseconds, the precision PostgreSQL stores, so a stored entry
 *     hashes the same as the one that was appended
 * @param actor who (a user, {@code slamon} for automatic changes)
 * @param subject what it is about, e.g. an incident id
 * @param action what happened, e.g. {@code opened}, {@code state}, {@code awareness}
 * @param oldValue value before, or {@code null}
 * @param newValue value after, or {@code null}
 * @param reason why, or {@code null}
 * @param prevHash hash of the previous entry ({@link AuditChain#GENESIS} for the first)
 * @param hash SHA-256 over prevHash and this entry's content, lowercase hex
 */
public record AuditEntry(
    long seq, Instant at, String actor, String subject, String action, String oldValue, String newValue, String reason,
    String prevHash, String hash) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
    if (seq < 1) {
      throw new IllegalArgumentException("Illegal audit sequence number " + seq + ": expecting >= 1");
    }
    at = at.truncatedTo(ChronoUnit.MICROS);
  }
}
