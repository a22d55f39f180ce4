package io.slamon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.slamon.store.internal.MinuteRollups.Key;
import io.slamon.store.internal.MinuteRollups.Plan;
import io.slamon.store.internal.MinuteRollups.Row;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MinuteRollupsTest {
  private static final long M = 60_000;
  private final AtomicLong nanos = new AtomicLong();

  /** A series this write created: no earlier samples. */
  private static void newSeries(Plan plan, long id) {
    plan.anchor(id, MinuteRollups.NO_SAMPLE, 0, true);
  }

  private MinuteRollups closingOnly() {
    return new MinuteRollups(0, 0, nanos::get);
  }

  @Test
  void aMinuteIsWrittenOnceWhenTheSeriesMovesOnWithTheStepIntoTheNextMinute() {
    MinuteRollups rollups = closingOnly();
    Plan first = rollups.plan();
    newSeries(first, 1);
    first.add(1, 0, 10);
    first.add(1, 20_000, 15);
    first.add(1, 40_000, 20);
    first.finish();
    assertThat(first.rows()).isEmpty(); // still open, no provisional budget
    first.committed();

    Plan second = rollups.plan();
    second.add(1, M + 10_000, 26);
    second.finish();

    assertThat(second.rows()).extracting(Row::minuteMillis, Row::count, Row::sum, Row::first, Row::last, Row::increase)
        .containsExactly(tuple(0L, 3, 45.0, 10.0, 20.0, 10.0));
    assertThat(second.recomputeKeys()).isEmpty();
  }

  @Test
  void provisionalRowsFollowTheBudgetAndHoursReceiveOnlyTheDifference() {
    MinuteRollups rollups = new MinuteRollups(10, 2, nanos::get);
    Plan a = rollups.plan();
    newSeries(a, 1);
    a.add(1, 0, 5);
    newSeries(a, 2);
    a.add(2, 0, 7);
    a.finish();
    assertThat(a.rows()).hasSize(2); // the burst allows two rows
    a.committed();

    Plan b = rollups.plan();
    b.add(1, 10_000, 8);
    b.finish();
    assertThat(b.rows()).isEmpty(); // budget spent
    b.committed();

    nanos.addAndGet(1_000_000_000L); // a second later: ten more rows' worth, capped at the burst of two
    Plan c = rollups.plan();
    c.add(1, 20_000, 9);
    c.finish();
    assertThat(c.rows()).singleElement().satisfies(row -> {
      assertThat(row).extracting(Row::count, Row::sum, Row::increase).containsExactly(3, 22.0, 4.0);
      assertThat(row).extracting(Row::countDelta, Row::sumDelta, Row::increaseDelta).containsExactly(2, 17.0, 4.0);
    });
  }

  @Test
  void aLateSampleAsksForItsMinuteAndTheOpenOneAndTheSeriesIsAnchoredAgain() {
    MinuteRollups rollups = closingOnly();
    Plan a = rollups.plan();
    newSeries(a, 1);
    a.add(1, 0, 1);
    a.add(1, 2 * M, 3);
    a.finish();
    a.committed();

    Plan b = rollups.plan();
    b.add(1, M + 5_000, 2); // between the two
    b.add(1, 2 * M + 30_000, 4); // later in the same batch: recomputed as well
    b.finish();

    assertThat(b.recomputeKeys()).containsExactlyInAnyOrder(new Key(1, M), new Key(1, 2 * M));
    assertThat(rollups.knows(1)).isFalse();
    assertThatThrownBy(() -> rollups.plan().add(1, 3 * M, 5)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anAnchoredSeriesRecomputesTheMinuteAPreviousWriterLeftUnwrittenAndItsOwnFirstMinuteIfShared() {
    MinuteRollups rollups = closingOnly();
    Plan p = rollups.plan();
    p.anchor(1, 30_000, 10, false); // newest stored sample, its minute never written
    p.anchor(2, 30_000, 10, true);
    p.add(1, 50_000, 12); // same minute as the stored sample: memory has not seen all of it
    p.add(2, M + 10_000, 15);
    p.add(2, 2 * M + 10_000, 18);
    p.finish();

    assertThat(p.recomputeKeys()).containsExactly(new Key(1, 0));
    assertThat(p.rows()).extracting(Row::seriesId, Row::minuteMillis, Row::increase)
        .containsExactly(tuple(2L, M, 5.0)); // the anchor steps into series 2's first minute
    p.committed();

    Plan q = rollups.plan();
    q.add(1, M, 13);
    q.finish();
    assertThat(q.recomputeKeys()).containsExactly(new Key(1, 0)); // closed, but not known exactly
  }

  @Test
  void minutesNoSampleTouchedForTwoMinutesOfNewerDataAreClosed() {
    MinuteRollups rollups = closingOnly();
    Plan a = rollups.plan();
    newSeries(a, 1);
    a.add(1, 0, 1);
    newSeries(a, 2);
    a.add(2, 0, 1);
    a.finish();
    a.committed();

    Plan b = rollups.plan();
    b.add(2, 3 * M, 2);
    b.finish();

    assertThat(b.rows()).extracting(Row::seriesId, Row::minuteMillis).containsExactlyInAnyOrder(tuple(1L, 0L),
        tuple(2L, 0L));
  }

  @Test
  void aFailedTransactionForgetsItsSeriesAndRecomputesItsMinutesWithTheNextCommit() {
    MinuteRollups rollups = closingOnly();
    Plan a = rollups.plan();
    newSeries(a, 1);
    a.add(1, 0, 1);
    a.add(1, M, 2);
    a.finish();
    assertThat(a.rows()).hasSize(1);
    a.abort();

    assertThat(rollups.knows(1)).isFalse();
    Plan b = rollups.plan();
    assertThat(b.recomputeKeys()).containsExactlyInAnyOrder(new Key(1, 0), new Key(1, M));
    b.finish();
    b.committed();
    assertThat(rollups.plan().recomputeKeys()).isEmpty();
  }

  @Test
  void nanSamplesAreLeftOut() {
    MinuteRollups rollups = new MinuteRollups(100, 100, nanos::get);
    Plan p = rollups.plan();
    newSeries(p, 1);
    p.add(1, 0, 1);
    p.add(1, 10_000, Double.NaN);
    p.add(1, 20_000, 4);
    p.finish();

    assertThat(p.rows()).singleElement().extracting(Row::count, Row::increase).containsExactly(2, 3.0);
  }
}
