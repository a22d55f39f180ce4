package io.slamon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.slamon.store.internal.MinuteRollups.HourRow;
import io.slamon.store.internal.MinuteRollups.Key;
import io.slamon.store.internal.MinuteRollups.Plan;
import io.slamon.store.internal.MinuteRollups.Row;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MinuteRollupsTest {
  private static final long M = 60_000;
  private static final long H = 60 * M;
  private final AtomicLong nanos = new AtomicLong();

  /** A series this write created: no earlier samples. */
  private static void newSeries(Plan plan, long id) {
    plan.anchor(id, MinuteRollups.NO_SAMPLE, 0, true);
  }

  private MinuteRollups closingOnly() {
    return rollups(0, 0);
  }

  /** Rollups whose stored hour watermark is the epoch (the tests' data starts there). */
  private MinuteRollups rollups(double rowsPerSecond, double burst) {
    MinuteRollups rollups = new MinuteRollups(rowsPerSecond, burst, nanos::get);
    rollups.loadHoursCompleteBefore(0, true);
    return rollups;
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
  void provisionalRowsFollowTheBudgetAndHoursAddUpWhatTheMinuteRowsAdd() {
    MinuteRollups rollups = rollups(10, 2);
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
    assertThat(c.rows()).singleElement().extracting(Row::count, Row::sum, Row::increase).containsExactly(3, 22.0, 4.0);
    assertThat(c.hourRows()).isEmpty(); // the hour is open
    c.committed();

    Plan d = rollups.plan();
    d.add(1, H + 10_000, 10); // series 1 moves into the next hour: its first hour is written once
    d.finish();
    assertThat(d.hourRows()).extracting(HourRow::seriesId, HourRow::hourMillis, HourRow::count, HourRow::sum,
        HourRow::min, HourRow::max, HourRow::increase).containsExactly(tuple(1L, 0L, 3, 22.0, 5.0, 9.0, 4.0));
    assertThat(d.hoursCompleteBefore()).isEqualTo(MinuteRollups.NO_SAMPLE); // newest data 58 min past the hour's end
    d.committed();

    Plan e = rollups.plan();
    e.add(1, H + 3 * M, 11); // the newest data leaves hour 0 behind: the silent series 2's hour is written too
    e.finish();
    assertThat(e.hourRows()).extracting(HourRow::seriesId, HourRow::hourMillis, HourRow::count, HourRow::sum)
        .containsExactly(tuple(2L, 0L, 1, 7.0));
    assertThat(e.hoursCompleteBefore()).isEqualTo(H);
    assertThat(e.recoverHoursFrom()).isEqualTo(0); // this writer's first move: hours a previous one left
    e.committed();

    Plan f = rollups.plan();
    f.add(1, 2 * H + 3 * M, 12);
    f.finish();
    assertThat(f.hoursCompleteBefore()).isEqualTo(2 * H);
    assertThat(f.recoverHoursFrom()).isEqualTo(MinuteRollups.NO_SAMPLE); // only the first move recovers
    assertThat(f.hourRows()).extracting(HourRow::seriesId, HourRow::hourMillis, HourRow::count)
        .containsExactly(tuple(1L, H, 2));
  }

  @Test
  void withNoHoursLeftOpenTheFirstWatermarkMoveRecoversNothingAndTheFirstCommitMarksHoursOpen() {
    MinuteRollups rollups = new MinuteRollups(0, 0, nanos::get);
    rollups.loadHoursCompleteBefore(0, false);
    Plan a = rollups.plan();
    assertThat(a.marksOpenHours()).isTrue();
    newSeries(a, 1);
    a.add(1, H + 3 * M, 1);
    a.finish();
    assertThat(a.hoursCompleteBefore()).isEqualTo(H);
    assertThat(a.recoverHoursFrom()).isEqualTo(MinuteRollups.NO_SAMPLE);
    a.committed();
    assertThat(rollups.plan().marksOpenHours()).isFalse();
  }

  @Test
  void anAnchoredSeriesRecomputesItsFirstHourFromTheMinuteRowsAndWritesTheNextFromMemory() {
    MinuteRollups rollups = closingOnly();
    Plan p = rollups.plan();
    p.anchor(1, 30 * M, 10, true); // stored minutes of hour 0 that memory never saw
    p.add(1, 40 * M, 12);
    p.add(1, H + M, 15);
    p.add(1, 2 * H + M, 20);
    p.finish();

    assertThat(p.hourRecomputeKeys()).containsExactly(new MinuteRollups.Hour(1, 0));
    assertThat(p.hourRows()).extracting(HourRow::hourMillis, HourRow::count, HourRow::increase)
        .containsExactly(tuple(H, 1, 3.0));
  }

  @Test
  void hoursBeforeTheStoredWatermarkAreWrittenWithEveryChange() {
    MinuteRollups rollups = new MinuteRollups(100, 100, nanos::get);
    rollups.loadHoursCompleteBefore(10 * H, true); // old data arriving after newer data (a backfill)
    Plan a = rollups.plan();
    newSeries(a, 1);
    a.add(1, 2 * H, 1);
    a.finish();
    assertThat(a.hourRows()).extracting(HourRow::hourMillis, HourRow::count).containsExactly(tuple(2 * H, 1));
    assertThat(a.hoursCompleteBefore()).isEqualTo(MinuteRollups.NO_SAMPLE);
    a.committed();

    Plan b = rollups.plan();
    b.add(1, 2 * H + 5 * M, 4);
    b.finish();
    assertThat(b.hourRows()).extracting(HourRow::hourMillis, HourRow::count, HourRow::sum, HourRow::increase)
        .containsExactly(tuple(2 * H, 2, 5.0, 3.0));
  }

  @Test
  void aFailedTransactionsHoursAndWatermarkAreRedoneByTheNextCommit() {
    MinuteRollups rollups = closingOnly();
    Plan a = rollups.plan();
    newSeries(a, 1);
    a.add(1, 0, 1);
    a.add(1, H + 5 * M, 2);
    a.finish();
    assertThat(a.hourRows()).hasSize(1);
    assertThat(a.hoursCompleteBefore()).isEqualTo(H);
    a.abort();

    Plan b = rollups.plan();
    assertThat(b.hourRecomputeKeys()).containsExactly(new MinuteRollups.Hour(1, 0));
    b.finish();
    assertThat(b.hoursCompleteBefore()).isEqualTo(H); // moved again, by the next transaction that commits
    assertThat(b.recoverHoursFrom()).isEqualTo(0);
    b.committed();
    assertThat(rollups.plan().hourRecomputeKeys()).isEmpty();
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
  void anIdleFlushWritesEachUnwrittenOpenMinuteOnceAfterManyMinutesOfManySeries() {
    MinuteRollups rollups = closingOnly();
    int series = 3_000;
    for (int minute = 0; minute < 6; minute++) { // each minute: every series closes one and opens the next
      Plan p = rollups.plan();
      for (int id = 1; id <= series; id++) {
        if (minute == 0) {
          newSeries(p, id);
        }
        p.add(id, minute * M + id, minute);
      }
      p.finish();
      assertThat(p.rows()).hasSize(minute == 0 ? 0 : series);
      p.committed();
      assertThat(rollups.unwrittenOpenMinutes()).isEqualTo(series);
      // each series is listed once, however often its minute was written and reopened
      assertThat(rollups.unwrittenListSize()).isLessThanOrEqualTo(2 * series + 1024);
    }

    Plan idle = rollups.plan();
    idle.finishWritingOpenMinutes();

    assertThat(idle.rows()).hasSize(series).extracting(Row::minuteMillis).containsOnly(5 * M);
    assertThat(idle.rows()).extracting(Row::seriesId).doesNotHaveDuplicates();
    idle.committed();
    assertThat(rollups.unwrittenOpenMinutes()).isZero();
    Plan again = rollups.plan();
    again.finishWritingOpenMinutes();
    assertThat(again.rows()).isEmpty();
  }

  @Test
  void nanSamplesAreLeftOut() {
    MinuteRollups rollups = rollups(100, 100);
    Plan p = rollups.plan();
    newSeries(p, 1);
    p.add(1, 0, 1);
    p.add(1, 10_000, Double.NaN);
    p.add(1, 20_000, 4);
    p.finish();

    assertThat(p.rows()).singleElement().extracting(Row::count, Row::increase).containsExactly(2, 3.0);
  }
}
