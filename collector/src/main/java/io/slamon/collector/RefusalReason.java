package io.slamon.collector;

/** Why the write pipeline did not take (or could not keep) samples. */
public enum RefusalReason {
  /** The queue was at its bound; the database is slow or down and there is no disk spool yet. */
  QUEUE_FULL,
  /** One offer was larger than the whole queue. */
  BATCH_TOO_LARGE,
  /** The pipeline was closing or closed. */
  CLOSED,
  /** The writer rejected the batch with an error other than {@code StoreException} (bad data, a bug); retrying cannot help. */
  REJECTED_BY_STORE,
  /** Still queued when the shutdown flush timed out (the disk spool will keep these later). */
  UNWRITTEN_AT_SHUTDOWN;

  /** The metric tag value, e.g. {@code queue_full}. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
