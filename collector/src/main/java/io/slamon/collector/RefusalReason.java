package io.slamon.collector;

/** Why the write pipeline did not take (or could not keep) samples. */
public enum RefusalReason {
  /** The queue was at its bound: the database (or, with a spool, the disk) is slower than the scrapes. */
  QUEUE_FULL,
  /** One offer was larger than the whole queue. */
  BATCH_TOO_LARGE,
  /** The pipeline was closing or closed. */
  CLOSED,
  /** The writer rejected the batch with an error other than {@code StoreException} (bad data, a bug); retrying cannot help. */
  REJECTED_BY_STORE,
  /** Still queued when the shutdown flush timed out and no disk spool could take them. */
  UNWRITTEN_AT_SHUTDOWN,
  /** The database was down and the disk spool was at its size bound. */
  SPOOL_FULL,
  /** The database was down and appending to the disk spool failed (disk full, I/O error). */
  SPOOL_ERROR;

  /** The metric tag value, e.g. {@code queue_full}. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
