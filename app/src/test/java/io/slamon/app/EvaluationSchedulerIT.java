package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two slamon instances (two connection pools, as two processes would have) against one real
 * PostgreSQL: only the holder of the advisory lock runs the rounds, and the other takes over when
 * the holder stops.
 */
class EvaluationSchedulerIT {
  private static final Duration TICK = Duration.ofMillis(100);

  private DatabaseSettings settings;
  private Database first;
  private Database second;
  private final List<EvaluationScheduler> schedulers = new ArrayList<>();

  @BeforeEach
  void openTwoInstances() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    first = Database.open(settings, msg -> {});
    second = Database.open(settings, msg -> {});
  }

  @AfterEach
  void close() {
    schedulers.forEach(EvaluationScheduler::close);
    first.close();
    second.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  @Test
  void onlyTheLockHolderRunsEachRoundAndTheOtherTakesOverWhenItStops() throws Exception {
    List<String> rounds = Collections.synchronizedList(new ArrayList<>());
    EvaluationScheduler a = scheduler(first).every(TICK, "slo", () -> rounds.add("a")).start();
    EvaluationScheduler b = scheduler(second).every(TICK, "slo", () -> rounds.add("b")).start();

    await(() -> rounds.size() >= 10);
    String leader = rounds.getFirst();
    assertThat(rounds).as("rounds while both run").containsOnly(leader);
    EvaluationScheduler holder = leader.equals("a") ? a : b;
    EvaluationScheduler standby = leader.equals("a") ? b : a;
    assertThat(holder.isLeader()).isTrue();
    assertThat(standby.isLeader()).isFalse();

    holder.close();
    int before = rounds.size();
    String other = leader.equals("a") ? "b" : "a";
    await(() -> rounds.stream().skip(before).filter(other::equals).count() >= 5);
    assertThat(rounds.subList(before, rounds.size())).as("rounds after the holder stopped").containsOnly(other);
    assertThat(standby.isLeader()).isTrue();
  }

  @Test
  void everyJobRunsOnTheLeaderAndAJobThatThrowsKeepsItsSchedule() throws Exception {
    AtomicInteger fast = new AtomicInteger();
    AtomicInteger failing = new AtomicInteger();
    AtomicInteger addedLater = new AtomicInteger();
    EvaluationScheduler s = scheduler(first)
        .every(TICK, "burn-rates", fast::incrementAndGet)
        .every(TICK, "broken", () -> {
          failing.incrementAndGet();
          throw new IllegalStateException("database briefly away");
        })
        .start();
    s.every(TICK, "sla-periods", addedLater::incrementAndGet);
    await(() -> fast.get() >= 3 && failing.get() >= 3 && addedLater.get() >= 3);
  }

  @Test
  void aNonPositivePeriodIsRejectedWithTheJobName() {
    EvaluationScheduler s = scheduler(first);
    assertThatThrownBy(() -> s.every(Duration.ZERO, "sla-periods", () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Illegal period PT0S for job sla-periods");
  }

  private EvaluationScheduler scheduler(Database db) {
    EvaluationScheduler s = new EvaluationScheduler(db.dataSource());
    schedulers.add(s);
    return s;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 20 s");
      }
      Thread.sleep(20);
    }
  }
}
