package io.slamon.incident.clock;

/**
 * Every reporting deadline slamon knows, each owned by one regime. The slug is part of stable
 * escalation ids, so it must never change once released.
 */
public enum DeadlineKind {
  DSGVO_CONTROLLER_NOTICE(
      Regime.DSGVO_PROCESSOR, "controller-notice", "notify the controller (AVV)"),
  DSGVO_AUTHORITY_NOTIFICATION(
      Regime.DSGVO_CONTROLLER, "authority-notification", "notify the supervisory authority"),
  NIS2_EARLY_WARNING(Regime.NIS2, "early-warning", "NIS2 early warning"),
  NIS2_NOTIFICATION(Regime.NIS2, "notification", "NIS2 incident notification"),
  NIS2_FINAL_REPORT(Regime.NIS2, "final-report", "NIS2 final report"),
  DORA_INITIAL(Regime.DORA, "initial-notification", "DORA initial notification"),
  DORA_INTERMEDIATE(Regime.DORA, "intermediate-report", "DORA intermediate report"),
  DORA_FINAL(Regime.DORA, "final-report", "DORA final report"),
  AI_ACT_REPORT(Regime.AI_ACT, "serious-incident-report", "AI Act serious incident report");

  private final Regime regime;
  private final String slug;
  private final String label;

  DeadlineKind(Regime regime, String slug, String label) {
    this.regime = regime;
    this.slug = slug;
    this.label = label;
  }

  public Regime regime() {
    return regime;
  }

  /** Stable name inside the regime, e.g. {@code early-warning}. */
  public String slug() {
    return slug;
  }

  /** Human label, e.g. "NIS2 early warning". */
  public String label() {
    return label;
  }

  /** Stable key {@code REGIME/slug}, e.g. {@code NIS2/early-warning}. */
  public String key() {
    return regime.name() + "/" + slug;
  }
}
