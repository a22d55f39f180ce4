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
}
