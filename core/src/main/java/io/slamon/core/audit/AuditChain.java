package io.slamon.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Builds and checks the hash chain. The hashed form is unambiguous: every field is written as its
 * length in UTF-8 bytes, a colon and the bytes ({@code -1:} for null), so no choice of values can
 * make two different entries hash alike by shifting text between fields.
 */
public final class AuditChain {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The entry that follows {@code previous} ({@code null}: the first entry), with its hash. */
  public static AuditEntry next(
      AuditEntry previous, Instant at, String actor, String subject, String action, String oldValue, String newValue, String reason) {
    long seq = previous == null ? 1 : previous.seq() + 1;
    String prevHash = previous == null ? GENESIS : previous.hash();
    Instant micros = at.truncatedTo(ChronoUnit.MICROS);
    String hash = hash(seq, micros, actor, subject, action, oldValue, newValue, reason, prevHash);
    return new AuditEntry(seq, micros, actor, subject, action, oldValue, newValue, reason, prevHash, hash);
  }

  /** The hash this entry should have, recomputed from its content and its stated previous hash. */
  public static String expectedHash(AuditEntry e) {
    return hash(e.seq(), e.at(), e.actor(), e.subject(), e.action(), e.oldValue(), e.newValue(), e.reason(), e.prevHash());
  }

  /** Where the chain breaks first, and why. */
  public record Break(long seq, String problem) {}

  /**
   * Checks entries in sequence order: numbering without gaps from 1, each previous hash equal to
   * the hash of the entry before, each hash equal to the recomputed one. Empty when intact.
   */
  public static Optional<Break> verify(List<AuditEntry> entries) {
    String previousHash = GENESIS;
    long expectedSeq = 1;
    for (AuditEntry e : entries) {
      if (e.seq() != expectedSeq) {
        return Optional.of(new Break(expectedSeq, "entry #" + expectedSeq + " is missing (next stored entry is #" + e.seq() + ")"));
      }
      if (!e.prevHash().equals(previousHash)) {
        return Optional.of(new Break(e.seq(), "entry #" + e.seq() + " does not follow entry #" + (e.seq() - 1)
            + ": its previous hash is " + e.prevHash() + ", the chain has " + previousHash));
      }
      String expected = expectedHash(e);
      if (!expected.equals(e.hash())) {
        return Optional.of(new Break(e.seq(), "entry #" + e.seq() + " (" + e.action() + " on " + e.subject()
            + ") was changed: its content hashes to " + expected + ", stored hash is " + e.hash()));
      }
      previousHash = e.hash();
      expectedSeq++;
    }
    return Optional.empty();
  }

  private static String hash(long seq, Instant at, String actor, String subject, String action, String oldValue,
      String newValue, String reason, String prevHash) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    for (String field : new String[] {prevHash, Long.toString(seq), at.toString(), actor, subject, action, oldValue, newValue, reason}) {
      if (field == null) {
        sha256.update("-1:".getBytes(StandardCharsets.US_ASCII));
      } else {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha256.update(bytes);
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
