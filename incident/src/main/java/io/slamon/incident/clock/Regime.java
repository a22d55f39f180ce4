package io.slamon.incident.clock;

/** A legal regime whose reporting duties put a clock on an incident. Several may apply at once. */
public enum Regime {
  /** GDPR Art. 33(2): the provider, acting as processor, tells the controller (the tenant). */
  DSGVO_PROCESSOR,
  /** GDPR Art. 33(1): the controller tells the supervisory authority within 72 hours. */
  DSGVO_CONTROLLER,
  /** NIS2 Art. 23 / BSIG § 32: early warning, notification, final report to the CSIRT (BSI). */
  NIS2,
  /** DORA Art. 19 with the RTS on reporting: initial, intermediate and final report. */
  DORA,
  /** EU AI Act Art. 73: serious incident report by the provider of a high-risk AI system. */
  AI_ACT
}
