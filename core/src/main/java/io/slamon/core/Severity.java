package io.slamon.core;

/** Incident severity, P1 (most severe) to P4. */
public enum Severity {
  P1,
  P2,
  P3,
  P4
}
