package io.slamon.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Stored facts of regulatory clocks: classifications and fired escalation steps. */
public interface ClockStore {
  /** One regime an incident is classified under, with the awareness its clock starts from. */
  record ClassificationRow(String incidentId, String regime, Instant awareAt, String awareSource, String recordedBy, Instant classifiedAt) {}

  /** Stores a classification; throws {@link StoreException} when the incident has that regime already. */
  void classify(ClassificationRow row);

  List<ClassificationRow> classifications(String incidentId);

  /** Ids of incidents that have at least one classification. */
  List<String> classifiedIncidents();

  Set<String> firedSteps(String incidentId);

  /** Records a step as fired; false when it was already (another process or an earlier run fired it). */
  boolean markFired(String incidentId, String stepId, Instant firedAt, boolean late);

  /**
   * Replaces the awareness of an incident's classification (a correction; the old value belongs on
   * the audit timeline). Throws {@link StoreException} when the incident is not classified under it.
   */
  /** Sets the AI Act Art. 73 cases (names) of an incident's AI_ACT classification. */
  void setAiActCases(String incidentId, List<String> cases);

  /** The AI Act Art. 73 cases of an incident's AI_ACT classification; empty when none were given. */
  List<String> aiActCases(String incidentId);

  void correctAwareness(String incidentId, String regime, Instant awareAt, String awareSource, String recordedBy);

  /**
   * A notification recorded against a deadline, with the judgement made when it was recorded.
   *
   * @param deadline the {@code DeadlineKind} name
   * @param outcome {@code NOTIFIED} or {@code NOT_NOTIFIED_DOCUMENTED}
   * @param timeliness {@code ON_TIME}, {@code LATE}, {@code FOLLOW_UP} or {@code NOT_APPLICABLE}
   */
  record NotificationRow(String incidentId, String deadline, Instant sentAt, String outcome, String recipient,
      String recordedBy, Instant recordedAt, String reason, String nature, String contact, String consequences,
      String measures, boolean dataSubjectsInformed, int phase, String timeliness, long lateBySeconds) {}

  void addNotification(NotificationRow row);

  /** The notifications of an incident in the order they were recorded. */
  List<NotificationRow> notifications(String incidentId);
}
