package io.slamon.store;

import java.util.List;

/** Writes attributed samples. Implementations batch internally; a call returns when durable. */
public interface SampleWriter {
  /**
   * Stores the samples. Throws {@link StoreException} when the database cannot take them, so
   * the caller can spool and retry; a sample written twice (same series and timestamp) is
   * stored once.
   */
  void write(List<Sample> samples);
}
