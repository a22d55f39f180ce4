package io.slamon.incident.clock;

import java.time.Instant;

/**
 * An incident classified under a regime: for DSGVO as a personal-data breach, for NIS2 as
 * significant, for DORA as major, for the AI Act as serious. Classification may come long after
 * awareness (reclassification); the clock still runs from awareness, so it can start overdue.
 *
 * @param regime the regime whose clock this starts
 * @param awareness awareness relevant to this regime (e.g. of the personal-data compromise)
 * @param classifiedAt when the incident was classified; for DORA the 4-hour limit runs from here
 */
public record Classification(Regime regime, Awareness awareness, Instant classifiedAt) {
  public Classification {
    if (regime == null || awareness == null || classifiedAt == null) {
      throw new IllegalArgumentException(
          "a classification needs a regime, an awareness and a time");
    }
    if (classifiedAt.isBefore(awareness.at())) {
      throw new IllegalArgumentException(
          regime
              + ": classified at "
              + classifiedAt
              + " before awareness at "
              + awareness.at()
              + "; an incident cannot be classified before anyone is aware of it");
    }
  }

  public Classification withAwareness(Awareness corrected) {
    return new Classification(regime, corrected, classifiedAt);
  }
}
