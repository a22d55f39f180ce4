package io.slamon.collector;

import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What both pipeline workers ({@link MemoryWriteLoop}, {@link SpoolWriteLoop}) work with. */
record WriteLoopParts(SampleWriter writer, PipelineQueue queue, PipelineStats stats, int maxBatch,
    Duration initialBackoff, Duration maxBackoff) {
  /** The backoff after {@code backoffNanos}: doubled, capped at maxBackoff. */
  long nextBackoff(long backoffNanos) {
    return Math.min(maxBackoff.toNanos(), Math.max(1, backoffNanos * 2));
  }

  /** {@code samples} in consecutive chunks of at most maxBatch (views, not copies). */
  List<List<Sample>> chunks(List<Sample> samples) {
    List<List<Sample>> chunks = new ArrayList<>();
    for (int from = 0; from < samples.size(); from += maxBatch) {
      chunks.add(samples.subList(from, Math.min(samples.size(), from + maxBatch)));
    }
    return chunks;
  }
}
