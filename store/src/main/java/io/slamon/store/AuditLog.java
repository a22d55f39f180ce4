package io.slamon.store;

import io.slamon.core.audit.AuditEntry;
import java.time.Instant;
import java.util.List;

/** The append-only, hash-chained audit log. */
public interface AuditLog {
  /** Appends an entry after the newest one (serialised across processes) and returns it with its hash. */
  AuditEntry append(Instant at, String actor, String subject, String action, String oldValue, String newValue, String reason);

  /** Every entry in sequence order. */
  List<AuditEntry> all();

  /** The entries about one subject (e.g. an incident's timeline) in sequence order. */
  List<AuditEntry> forSubject(String subject);
}
