package io.slamon.slo;

/** Where a CVE stands against its patch deadline. */
public enum PatchStatus {
  /** Patched at or before the deadline. */
  ON_TIME,
  /** Patched after the deadline. */
  LATE,
  /** Not patched yet, deadline not passed. */
  OPEN,
  /** Not patched yet and the deadline has passed. */
  OVERDUE,
  /** The contract sets no deadline for this score. */
  NO_DEADLINE
}
