package io.slamon.simulator.internal;

import io.slamon.simulator.VllmServerSpec;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** One simulated vLLM OpenAI-compatible server: its counters, histograms and gauges. */
public final class VllmState {
  /** vLLM v1 {@code vllm:time_to_first_token_seconds} buckets (vllm/v1/metrics/loggers.py). */
  static final double[] TTFT_BUCKETS = {
    0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
    20.0, 40.0, 80.0, 160.0, 640.0, 2560.0
  };

  /** vLLM v1 {@code request_latency_buckets}, used by {@code vllm:e2e_request_latency_seconds}. */
  static final double[] E2E_BUCKETS = {
    0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0,
    480.0, 960.0, 1920.0, 7680.0
  };

  /** vLLM's FinishReason strings, in enum order. */
  static final String[] FINISH_REASONS = {"stop", "length", "abort"};

  final VllmServerSpec spec;
  final Instant created;
  final Histogram ttft = new Histogram(TTFT_BUCKETS);
  final Histogram e2e = new Histogram(E2E_BUCKETS);
  final long[] success = new long[FINISH_REASONS.length];
  long http2xx;
  long http4xx;
  /** Share of requests failing with 5xx while no fault is active. */
  static final double BASELINE_5XX_SHARE = 0.0;

  long http5xx;
  long promptTokens;
  long generationTokens;
  long running;
  long waiting;
  double kvCacheUsage;
  long usageInputSinceEvent;
  long usageOutputSinceEvent;

  VllmState(VllmServerSpec spec, Instant created) {
    this.spec = spec;
    this.created = created;
  }

  /** Advances one simulated second; draws the same random numbers whatever the faults are. */
  void step(RandomGenerator rng, boolean slow, boolean queueBuildup, boolean endpointDown) {
    int requests = poisson(rng, spec.requestsPerSecond());
    for (int i = 0; i < requests; i++) {
      double status = rng.nextDouble();
      long prompt = 150 + rng.nextInt(2850);
      double outShape = rng.nextDouble();
      long output = 40 + (long) (outShape * outShape * 700);
      // Log-normal TTFT, median 150 ms: about 95 % fall within 55..400 ms.
      double ttftSeconds = Math.exp(Math.log(0.15) + 0.5 * rng.nextGaussian());
      double tpot = 0.018 + 0.012 * rng.nextDouble();
      double reason = rng.nextDouble();
      double spike = 6 + 6 * rng.nextDouble();
      if (endpointDown) {
        http5xx++;
        continue;
      }
      if (status < 0.003) {
        http4xx++;
        continue;
      }
      // No 5xx without a fault: a 99.99 % tenant with a few requests per second would otherwise
      // breach (and page) on noise alone, and the demo could not tell injected faults from luck.
      if (status < 0.003 + BASELINE_5XX_SHARE) {
        http5xx++;
        continue;
      }
      http2xx++;
      // Queued requests wait before their first token, so a growing queue shows up in TTFT too.
      ttftSeconds += waiting * 0.02;
      if (slow) {
        ttftSeconds *= spike;
        tpot *= 2.5;
      }
      long generated = reason < 0.9 ? output : reason < 0.99 ? output : output / 3;
      ttft.observe(ttftSeconds);
      e2e.observe(ttftSeconds + generated * tpot);
      success[reason < 0.9 ? 0 : reason < 0.99 ? 1 : 2]++;
      promptTokens += prompt;
      generationTokens += generated;
      usageInputSinceEvent += prompt;
      usageOutputSinceEvent += generated;
    }
    double runningNoise = rng.nextGaussian();
    int normalWaiting = poisson(rng, 0.3);
    int growth = 1 + rng.nextInt(3);
    double kvNoise = rng.nextGaussian();
    if (endpointDown) {
      running = 0;
      waiting = 0;
    } else {
      running = Math.max(0, Math.round(spec.requestsPerSecond() * 6 + 2 * runningNoise));
      if (queueBuildup) {
        waiting = Math.min(5000, waiting + growth);
      } else {
        // After a build-up the queue drains over a few seconds instead of vanishing at once.
        waiting = Math.max(normalWaiting, waiting / 2);
      }
    }
    kvCacheUsage = Math.max(0.01, Math.min(0.98, running / 64.0 + waiting / 256.0 + 0.02 * kvNoise));
  }

  public VllmServerSpec spec() {
    return spec;
  }

  static int poisson(RandomGenerator rng, double lambda) {
    // Knuth's method; fine for the small per-second rates simulated here.
    double limit = Math.exp(-lambda);
    double product = rng.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      k++;
    }
    return k;
  }

  /** A cumulative-on-render Prometheus histogram: per-bucket counts, sum and count. */
  static final class Histogram {
    final double[] bounds;
    final long[] counts;
    long count;
    double sum;

    Histogram(double[] bounds) {
      this.bounds = bounds;
      this.counts = new long[bounds.length];
    }

    void observe(double v) {
      count++;
      sum += v;
      for (int i = 0; i < bounds.length; i++) {
        if (v <= bounds[i]) {
          counts[i]++;
          return;
        }
      }
    }
  }
}
