package io.slamon.incident.clock;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of the statutory limits. Rules are configuration: when the law changes, a new version
 * with a later effective date is added and incidents keep the version that was in force when their
 * awareness arose.
 */
public record RuleSet(
    String version,
    Instant effectiveFrom,
    TimeLimit dsgvoAuthority,
    TimeLimit nis2EarlyWarning,
    TimeLimit nis2Notification,
    TimeLimit nis2Final,
    TimeLimit doraInitialAfterClassification,
    TimeLimit doraInitialAfterAwareness,
    TimeLimit doraIntermediate,
    TimeLimit doraFinal,
    TimeLimit aiActSeriousIncident,
    TimeLimit aiActWidespread,
    TimeLimit aiActDeath) {

  /**
   * GDPR Art. 33, NIS2 Art. 23 as transposed by the NIS2UmsuCG (BSIG § 32, in force 6 Dec 2025),
   * DORA Art. 19 with Delegated Regulation (EU) 2025/301 Art. 5, AI Act Art. 73.
   */
  public static final RuleSet DE_2025_12 =
      new RuleSet(
          "de-2025-12",
          Instant.parse("2025-12-05T23:00:00Z"),
          TimeLimit.hours(72),
          TimeLimit.hours(24),
          TimeLimit.hours(72),
          TimeLimit.months(1),
          TimeLimit.hours(4),
          TimeLimit.hours(24),
          TimeLimit.hours(72),
          TimeLimit.months(1),
          TimeLimit.days(15),
          TimeLimit.days(2),
          TimeLimit.days(10));

  public RuleSet {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("a rule set needs a version");
    }
    if (effectiveFrom == null) {
      throw new IllegalArgumentException("rule set " + version + " needs an effective date");
    }
    Objects.requireNonNull(dsgvoAuthority, "dsgvoAuthority");
    Objects.requireNonNull(nis2EarlyWarning, "nis2EarlyWarning");
    Objects.requireNonNull(nis2Notification, "nis2Notification");
    Objects.requireNonNull(nis2Final, "nis2Final");
    Objects.requireNonNull(doraInitialAfterClassification, "doraInitialAfterClassification");
    Objects.requireNonNull(doraInitialAfterAwareness, "doraInitialAfterAwareness");
    Objects.requireNonNull(doraIntermediate, "doraIntermediate");
    Objects.requireNonNull(doraFinal, "doraFinal");
    Objects.requireNonNull(aiActSeriousIncident, "aiActSeriousIncident");
    Objects.requireNonNull(aiActWidespread, "aiActWidespread");
    Objects.requireNonNull(aiActDeath, "aiActDeath");
  }

  /** The same limits under another version and effective date (for a changed law or tests). */
  public RuleSet asVersion(String newVersion, Instant newEffectiveFrom) {
    return new RuleSet(
        newVersion,
        newEffectiveFrom,
        dsgvoAuthority,
        nis2EarlyWarning,
        nis2Notification,
        nis2Final,
        doraInitialAfterClassification,
        doraInitialAfterAwareness,
        doraIntermediate,
        doraFinal,
        aiActSeriousIncident,
        aiActWidespread,
        aiActDeath);
  }

  public RuleSet withDsgvoAuthority(TimeLimit limit) {
    return new RuleSet(
        version,
        effectiveFrom,
        limit,
        nis2EarlyWarning,
        nis2Notification,
        nis2Final,
        doraInitialAfterClassification,
        doraInitialAfterAwareness,
        doraIntermediate,
        doraFinal,
        aiActSeriousIncident,
        aiActWidespread,
        aiActDeath);
  }
}
