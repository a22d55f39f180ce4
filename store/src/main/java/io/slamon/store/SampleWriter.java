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

  /**
   * Called by a caller with nothing more to write for now (its queue ran empty): a chance to bring
   * derived data (the open minute of the rollups) up to date. Best effort; the samples are stored
   * already, so a failure here loses nothing.
   */
  default void idle() {}
}
