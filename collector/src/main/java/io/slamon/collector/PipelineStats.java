package io.slamon.collector;

import io.slamon.collector.PipelineQueue.Pending;
import io.slamon.collector.WritePipeline.RefusedException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the write pipeline counts (written, failed attempts, spooled, replayed, refused by
 * reason) and how an offer's outcome is completed, counted and logged.
 */
final class PipelineStats {
  private static final Logger LOG = LoggerFactory.getLogger(WritePipeline.class);

  final LongAdder written = new LongAdder();
  final LongAdder writeFailures = new LongAdder();
  final LongAdder spooled = new LongAdder();
  final LongAdder replayed = new LongAdder();
  private final Map<RefusalReason, LongAdder> refused = new EnumMap<>(RefusalReason.class);
  private final Supplier<String> state; // queue and spool fill, for refusal log lines
  volatile boolean backingOff;
  private volatile long lastRefusalLog;

  PipelineStats(Supplier<String> state) {
    this.state = state;
    for (RefusalReason r : RefusalReason.values()) {
      refused.put(r, new LongAdder());
    }
  }

  long refused(RefusalReason reason) {
    return refused.get(reason).sum();
  }

  void countRefused(RefusalReason reason, long count) {
    refused.get(reason).add(count);
  }

  /** Counts and logs (at most once a second: a full queue refuses every scrape) and fails the offer. */
  void refuse(RefusalReason reason, int count, CompletableFuture<Void> done) {
    refused.get(reason).add(count);
    long now = System.nanoTime();
    if (now - lastRefusalLog > 1_000_000_000L) {
      lastRefusalLog = now;
      LOG.warn("refused {} samples: {} ({}, total refused for this reason: {})", count, reason.tag(), state.get(),
          refused.get(reason).sum());
    }
    done.completeExceptionally(new RefusedException(reason, count));
  }

  /** Completes an offer that was written ({@code failure == null}) or given up. */
  void finish(Pending p, RuntimeException failure) {
    int n = p.samples().size();
    if (failure == null) {
      written.add(n);
      p.written().complete(null);
      return;
    }
    if (failure instanceof RefusedException r) {
      refused.get(r.reason()).add(n);
    } else {
      refused.get(RefusalReason.REJECTED_BY_STORE).add(n);
      LOG.error("sample writer rejected {} samples; they are dropped: {}", n, failure.getMessage());
    }
    p.written().completeExceptionally(failure);
  }
}
