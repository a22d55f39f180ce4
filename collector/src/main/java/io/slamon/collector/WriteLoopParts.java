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

  /** Tells the writer the queue ran empty; a failure there loses nothing, so it is only logged. */
  void idle() {
    try {
      writer.idle();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(WritePipeline.class)
          .debug("bringing the open rollup minutes up to date failed (they follow with the next write): {}",
              e.getMessage());
    }
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
