package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.defaults();

  @ParameterizedTest(name = "retry {0} waits between {1} and {2} ms")
  @CsvSource({"1, 500, 1000", "2, 1000, 2000", "3, 2000, 4000", "4, 4000, 8000", "7, 30000, 60000", "40, 30000, 60000"})
  void backoffDoublesWithEqualJitterUpToTheCap(int retry, long min, long max) {
    var random = new SplittableRandom(42);
    for (int i = 0; i < 200; i++) {
      assertThat(policy.backoff(retry, random).toMillis()).isBetween(min, max);
    }
  }

  @Test
  void jitterActuallySpreadsTheWaits() {
    var random = new SplittableRandom(7);
    var seen = new java.util.HashSet<Duration>();
    for (int i = 0; i < 50; i++) {
      seen.add(policy.backoff(3, random));
    }
    assertThat(seen).hasSizeGreaterThan(10);
  }

  @Test
  void nonsensicalPoliciesAreRejected() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new RetryPolicy(0, s, s, s, s)).hasMessageContaining("maxAttempts must be at least 1");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, s, s, s)).hasMessageContaining("timeout must be a positive duration");
    assertThatThrownBy(() -> new RetryPolicy(3, s, s, Duration.ofMillis(10), s)).hasMessageContaining("shorter than initialBackoff");
    assertThatThrownBy(() -> policy.backoff(0, new SplittableRandom())).hasMessageContaining("start at 1");
  }
}
