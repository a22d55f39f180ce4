package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import io.slamon.store.RollupReader.SeriesTotal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The 1-minute rollup contract, run on every backend through {@link StorageContract}'s nested
 * class. Timestamps are fixed days in the past (partitions are created on demand).
 */
public abstract class RollupContract {
  private static final Instant T0 = Instant.parse("2011-05-03T10:00:00Z");

  protected abstract Database database();

  private static String tenant() {
    return "r-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private void write(Sample... samples) {
    database().sampleStore().write(List.of(samples));
  }

  private static Sample at(String tenant, String metric, int second, double value) {
    return new Sample(tenant, metric, Map.of("job", "vllm"), T0.plusSeconds(second).toEpochMilli(), value);
  }

  private List<Minute> minutes(String tenant, String metric) {
    List<RollupSeries> series = database().rollupReader().rollups(tenant, metric, Map.of(), T0.minusSeconds(3600),
        T0.plusSeconds(3600));
    assertThat(series).hasSize(1);
    return series.getFirst().minutes();
  }

  @Test
  void aMinuteHoldsCountSumMinMaxFirstAndLastOfItsSamples() {
    String t = tenant();
    write(at(t, "gpu_util", 5, 40), at(t, "gpu_util", 20, 90), at(t, "gpu_util", 35, 10), at(t, "gpu_util", 50, 60),
        at(t, "gpu_util", 65, 70));

    List<Minute> minutes = minutes(t, "gpu_util");

    assertThat(minutes).hasSize(2);
    Minute first = minutes.getFirst();
    assertThat(first.minute()).isEqualTo(T0);
    assertThat(first).extracting(Minute::count, Minute::sum, Minute::min, Minute::max, Minute::first, Minute::last)
        .containsExactly(4, 200.0, 10.0, 90.0, 40.0, 60.0);
    assertThat(minutes.get(1).minute()).isEqualTo(T0.plusSeconds(60));
    assertThat(minutes.get(1).count()).isEqualTo(1);
  }

  @Test
  void counterIncreaseIsResetAwareAndIncludesTheStepFromThePreviousMinute() {
    String t = tenant();
    // minute 0: 10 -> 15 -> 20 (+10); minute 1: 26 (+6 from 20), reset to 3 (+3), 5 (+2); minute 2: 9 (+4)
    write(at(t, "req_total", 0, 10), at(t, "req_total", 20, 15), at(t, "req_total", 40, 20),
        at(t, "req_total", 60, 26), at(t, "req_total", 80, 3), at(t, "req_total", 100, 5),
        at(t, "req_total", 130, 9));

    assertThat(minutes(t, "req_total")).extracting(Minute::increase).containsExactly(10.0, 11.0, 4.0);
  }

  @Test
  void deliveringTheSameSamplesAgainNeverCountsTwice() {
    String t = tenant();
    List<Sample> batch = new ArrayList<>();
    for (int s = 0; s < 180; s += 15) {
      batch.add(at(t, "req_total", s, s * 2));
    }
    database().sampleStore().write(batch);
    List<Minute> once = minutes(t, "req_total");

    database().sampleStore().write(batch); // a spool replay of an acknowledged-but-unconfirmed batch
    database().sampleStore().write(batch.subList(3, 9)); // and a partly overlapping one
    database().sampleStore().write(batch.reversed());

    assertThat(minutes(t, "req_total")).isEqualTo(once);
    assertThat(once).extracting(Minute::count).containsExactly(4, 4, 4);
    assertThat(once).extracting(Minute::increase).containsExactly(90.0, 120.0, 120.0);
  }

  @Test
  void aLateSampleIsFoldedIntoItsMinuteAndTheStepIntoTheNextMinuteFollows() {
    String t = tenant();
    write(at(t, "req_total", 0, 100), at(t, "req_total", 70, 130));
    assertThat(minutes(t, "req_total")).extracting(Minute::increase).containsExactly(0.0, 30.0);

    write(at(t, "req_total", 30, 110)); // late, between the two: minute 0 gains 10, minute 1's step shrinks

    List<Minute> minutes = minutes(t, "req_total");
    assertThat(minutes).extracting(Minute::increase).containsExactly(10.0, 20.0);
    assertThat(minutes).extracting(Minute::count).containsExactly(2, 1);
    assertThat(minutes.getFirst().last()).isEqualTo(110.0);
  }

  @Test
  void rollupsEqualTheirRawSamplesWhateverTheDeliveryOrderReplaysResetsAndGaps() {
    PostgresSampleStore store = database().sampleStore();
    deliverRandomlyAndCompare(42, batch -> store.write(batch));
  }

  @Test
  void withoutAProvisionalBudgetEveryMinuteReachesTheRollupsWhenItCloses() {
    PostgresSampleStore store = database().sampleStore().with(database().dataSource(), closingOnly());
    String t = tenant();
    store.write(List.of(at(t, "req_total", 0, 1), at(t, "req_total", 20, 4), at(t, "req_total", 70, 9)));

    assertThat(minutes(t, "req_total")).extracting(Minute::minute).containsExactly(T0); // minute 1 is still open

    store.write(List.of(at(t, "req_total", 80, 10))); // same minute: still open
    store.write(List.of(at(t, "req_total", 130, 12))); // next minute: minute 1 closes
    assertThat(minutes(t, "req_total")).extracting(Minute::count, Minute::increase)
        .containsExactly(tuple(2, 3.0), tuple(2, 6.0));

    store.write(List.of(at(null, "other_total", 400, 1))); // newer data: the silent series' last minute closes too
    assertThat(minutes(t, "req_total")).extracting(Minute::count, Minute::increase)
        .containsExactly(tuple(2, 3.0), tuple(2, 6.0), tuple(1, 2.0));
  }

  @Test
  void anIdleWriterWritesItsOpenMinutesSoFar() {
    PostgresSampleStore store = database().sampleStore().with(database().dataSource(), closingOnly());
    String t = tenant();
    store.write(List.of(at(t, "req_total", 0, 1), at(t, "req_total", 20, 4), at(t, "req_total", 70, 9)));

    store.idle();

    assertThat(minutes(t, "req_total")).extracting(Minute::count, Minute::increase)
        .containsExactly(tuple(2, 3.0), tuple(1, 5.0));
    store.write(List.of(at(t, "req_total", 90, 10)));
    store.idle();
    store.idle(); // nothing new: nothing written twice
    assertThat(minutes(t, "req_total")).extracting(Minute::count, Minute::increase)
        .containsExactly(tuple(2, 3.0), tuple(2, 6.0));
    assertThat(database().rollupReader().totals(t, "req_total", Map.of(), T0, T0.plusSeconds(3600)))
        .singleElement().extracting(SeriesTotal::count, SeriesTotal::increase).containsExactly(4L, 9.0);
  }

  @Test
  void restartsClosingOnlyWritersAndFailedTransactionsLeaveRollupsEqualToTheirRawSamples() {
    hoursCompleteBefore(T0); // so that the writers below write the hours as they close
    Random random = new Random(7);
    FailingDataSource failing = new FailingDataSource(database().dataSource());
    PostgresSampleStore[] store = {database().sampleStore().with(failing, closingOnly())};
    deliverRandomlyAndCompare(11, batch -> {
      int dice = random.nextInt(10);
      if (dice == 0) {
        store[0] = store[0].with(failing, closingOnly()); // a restart: the memory is gone
      } else if (dice == 1) {
        failing.failNextCommit();
        assertThatThrownBy(() -> store[0].write(batch)).isInstanceOf(StoreException.class);
      }
      store[0].write(batch); // (again: what the spool replays after a failure)
    });
  }

  @Test
  void anHourRowIsWrittenOnceItsHourClosesAndTotalsReadItsMinutesUntilThen() {
    Instant hour = Instant.parse("2011-07-01T10:00:00Z");
    hoursCompleteBefore(hour);
    PostgresSampleStore store = database().sampleStore().with(database().dataSource(), closingOnly());
    String t = tenant();
    List<Sample> samples = new ArrayList<>();
    for (int s = 0; s < 3600; s += 30) {
      samples.add(new Sample(t, "busy_total", Map.of(), hour.plusSeconds(s).toEpochMilli(), s / 30));
      if (s <= 1800) {
        samples.add(new Sample(t, "quiet_total", Map.of(), hour.plusSeconds(s).toEpochMilli(), s / 30));
      }
    }
    store.write(samples);
    store.idle(); // the open minute too

    assertThat(hourRow(t, "busy_total", hour)).isNull();
    assertThat(totalCount(t, "busy_total", hour, hour.plusSeconds(7200))).isEqualTo(120); // from the minutes

    store.write(List.of(new Sample(t, "busy_total", Map.of(), hour.plusSeconds(3610).toEpochMilli(), 121)));
    assertThat(hourRow(t, "busy_total", hour)).containsExactly(120L, 119.0); // it moved on: written once
    assertThat(hourRow(t, "quiet_total", hour)).isNull(); // silent, but the newest data is not 2 minutes on
    assertThat(storedHoursCompleteBefore()).isEqualTo(hour);

    store.write(List.of(new Sample(t, "busy_total", Map.of(), hour.plusSeconds(3780).toEpochMilli(), 122)));
    assertThat(storedHoursCompleteBefore()).isEqualTo(hour.plusSeconds(3600));
    assertThat(hourRow(t, "quiet_total", hour)).containsExactly(61L, 60.0);
    assertThat(totalCount(t, "busy_total", hour, hour.plusSeconds(7200))).isEqualTo(121); // minute 11:03 is open
    assertThat(totalCount(t, "busy_total", hour, hour.plusSeconds(3600))).isEqualTo(120); // the hour row
  }

  @Test
  void aWriterThatTakesOverWritesTheHoursItsPredecessorLeftOpen() {
    Instant hour = Instant.parse("2011-07-02T13:00:00Z");
    hoursCompleteBefore(hour);
    String t = tenant();
    PostgresSampleStore first = database().sampleStore().with(database().dataSource(), closingOnly());
    List<Sample> before = new ArrayList<>();
    for (int s = 0; s < 2400; s += 60) {
      before.add(new Sample(t, "left_total", Map.of(), hour.plusSeconds(s).toEpochMilli(), s));
    }
    first.write(before);
    first.idle(); // then it stops: its memory, with the open hour, is gone

    PostgresSampleStore second = database().sampleStore().with(database().dataSource(), closingOnly());
    second.write(List.of(new Sample(t, "other_total", Map.of(), hour.plusSeconds(2500).toEpochMilli(), 1),
        new Sample(t, "other_total", Map.of(), hour.plusSeconds(3900).toEpochMilli(), 2)));

    assertThat(storedHoursCompleteBefore()).isEqualTo(hour.plusSeconds(3600));
    assertThat(hourRow(t, "left_total", hour)).containsExactly(40L, 2340.0);
    assertThat(totalCount(t, "left_total", hour, hour.plusSeconds(3600))).isEqualTo(40);
  }

  @Test
  void aTransactionThatFailsMidHourLeavesThatHoursRowComplete() {
    Instant hour = Instant.parse("2011-07-03T08:00:00Z");
    hoursCompleteBefore(hour.minusSeconds(3600));
    String t = tenant();
    FailingDataSource failing = new FailingDataSource(database().dataSource());
    PostgresSampleStore store = database().sampleStore().with(failing, closingOnly());
    // moves the watermark to `hour` first: a writer's later moves recover nothing, so the hour
    // below must be right from the failure handling alone
    store.write(List.of(new Sample(t, "tick_total", Map.of(), hour.plusSeconds(180).toEpochMilli(), 1)));
    assertThat(storedHoursCompleteBefore()).isEqualTo(hour);
    java.util.function.IntFunction<List<Sample>> minutes = from -> java.util.stream.IntStream
        .range(from, from + 10).mapToObj(m -> new Sample(t, "req_total", Map.of(), hour.plusSeconds(m * 60L).toEpochMilli(), m * 2))
        .toList();
    store.write(minutes.apply(0));
    store.write(minutes.apply(10));
    failing.failNextCommit();
    assertThatThrownBy(() -> store.write(minutes.apply(20))).isInstanceOf(StoreException.class);
    store.write(minutes.apply(20)); // the spool's replay
    store.write(minutes.apply(30));
    store.write(minutes.apply(40));
    store.write(minutes.apply(50));
    store.write(List.of(new Sample(t, "req_total", Map.of(), hour.plusSeconds(3900).toEpochMilli(), 200)));

    assertThat(storedHoursCompleteBefore()).isEqualTo(hour.plusSeconds(3600));
    assertThat(hourRow(t, "req_total", hour)).containsExactly(60L, 118.0);
  }

  @Test
  void aMinuteRowThatExistsWhereMemoryExpectedNoneIsReplacedInsteadOfFailingTheWrite() {
    String t = tenant();
    Instant minute = Instant.parse("2011-07-04T09:00:00Z");
    database().sampleStore().write(List.of(new Sample(t, "req_total", Map.of(), minute.toEpochMilli(), 1),
        new Sample(t, "req_total", Map.of(), minute.plusSeconds(20).toEpochMilli(), 2)));
    database().sampleStore().idle();
    try (java.sql.Connection c = database().dataSource().getConnection();
        java.sql.Statement s = c.createStatement()) { // raw samples gone, the minute row kept (as retention does)
      s.executeUpdate("DELETE FROM samples WHERE series_id IN (SELECT id FROM series WHERE tenant = '" + t + "')");
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    PostgresSampleStore restarted = database().sampleStore().with(database().dataSource(), closingOnly());

    restarted.write(List.of(new Sample(t, "req_total", Map.of(), minute.plusSeconds(40).toEpochMilli(), 3)));
    restarted.idle();

    List<RollupSeries> series = database().rollupReader().rollups(t, "req_total", Map.of(), minute, minute.plusSeconds(60));
    assertThat(series.getFirst().minutes()).singleElement().extracting(Minute::count, Minute::last).containsExactly(1, 3.0);
  }

  @Test
  void aWriterSkipsTheRecoveryScanWhenNoWriterLeftHoursOpen() {
    Instant hour = Instant.parse("2011-07-05T10:00:00Z");
    hoursCompleteBefore(hour);
    String t = tenant();
    PostgresSampleStore first = database().sampleStore().with(database().dataSource(), closingOnly());
    first.write(List.of(new Sample(t, "seen_total", Map.of(), hour.plusSeconds(60).toEpochMilli(), 1)));
    assertThat(openHours()).isTrue(); // set by the first writer's first transaction
    // a minute row whose hour row is missing, then the flag cleared as if every open hour were written:
    // a writer that recomputed the hours anyway would write that hour row
    sql("INSERT INTO series (tenant, metric) VALUES ('" + t + "', 'orphan_total')");
    sql("INSERT INTO rollups_1m (series_id, minute, count, sum, min, max, first, last, last_ts, increase)"
        + " SELECT id, '" + hour.plusSeconds(300) + "', 1, 1, 1, 1, 1, 1, '" + hour.plusSeconds(300) + "', 0"
        + " FROM series WHERE tenant = '" + t + "' AND metric = 'orphan_total'");
    sql("UPDATE rollup_progress SET open_hours = false");

    PostgresSampleStore second = database().sampleStore().with(database().dataSource(), closingOnly());
    second.write(List.of(new Sample(t, "next_total", Map.of(), hour.plusSeconds(3900).toEpochMilli(), 1)));

    assertThat(storedHoursCompleteBefore()).isEqualTo(hour.plusSeconds(3600));
    assertThat(hourRow(t, "orphan_total", hour)).isNull();
    assertThat(openHours()).isTrue();
  }

  private boolean openHours() {
    try (java.sql.Connection c = database().dataSource().getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT open_hours FROM rollup_progress")) {
      assertThat(rs.next()).isTrue();
      return rs.getBoolean(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private void sql(String statement) {
    try (java.sql.Connection c = database().dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private void hoursCompleteBefore(Instant watermark) {
    try (java.sql.Connection c = database().dataSource().getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement("UPDATE rollup_progress SET hours_complete_before = ?")) {
      ps.setObject(1, java.time.OffsetDateTime.ofInstant(watermark, java.time.ZoneOffset.UTC));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private Instant storedHoursCompleteBefore() {
    try (java.sql.Connection c = database().dataSource().getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT hours_complete_before FROM rollup_progress")) {
      assertThat(rs.next()).isTrue();
      return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** (count, increase) of the stored hour row, or null when there is none. */
  private List<Object> hourRow(String tenant, String metric, Instant hour) {
    try (java.sql.Connection c = database().dataSource().getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement("SELECT h.count, h.increase FROM rollups_1h h"
            + " JOIN series s ON s.id = h.series_id WHERE s.tenant = ? AND s.metric = ? AND h.hour = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, metric);
      ps.setObject(3, java.time.OffsetDateTime.ofInstant(hour, java.time.ZoneOffset.UTC));
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        return rs.next() ? List.of(rs.getLong(1), rs.getDouble(2)) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private long totalCount(String tenant, String metric, Instant from, Instant to) {
    return database().rollupReader().totals(tenant, metric, Map.of(), from, to).stream()
        .mapToLong(SeriesTotal::count).sum();
  }

  private static io.slamon.store.internal.MinuteRollups closingOnly() {
    return new io.slamon.store.internal.MinuteRollups(0, 0, System::nanoTime);
  }

  /**
   * Random counter samples with resets and a gap longer than the step lookback, delivered in batches
   * with late samples, replays and everything once more at the end, through {@code write}; then the
   * minutes and hour totals must equal the computation from raw samples. Ends with a sample far
   * after the others so a writer without provisional rows closes every minute.
   */
  private void deliverRandomlyAndCompare(long seed, java.util.function.Consumer<List<Sample>> write) {
    String t = tenant();
    Random random = new Random(seed);
    TreeMap<Integer, Double> raw = new TreeMap<>(); // second -> value; integers, so every sum is exact
    double value = 0;
    for (int second = 0; second < 5400; second += 1 + random.nextInt(20)) {
      if (second >= 900 && second < 5000) {
        continue; // silent for longer than the step lookback: the counter starts over after the gap
      }
      value = random.nextInt(25) == 0 ? random.nextInt(5) : value + random.nextInt(10); // resets now and then
      raw.put(second, value);
    }
    List<Sample> all = raw.entrySet().stream().map(e -> at(t, "req_total", e.getKey(), e.getValue())).toList();
    List<Sample> inOrder = new ArrayList<>();
    List<Sample> late = new ArrayList<>();
    all.forEach(sample -> (random.nextInt(8) == 0 ? late : inOrder).add(sample));

    Collections.shuffle(late, random);
    for (int i = 0; i < inOrder.size(); ) {
      List<Sample> next = inOrder.subList(i, Math.min(inOrder.size(), i + 1 + random.nextInt(12)));
      i += next.size();
      List<Sample> batch = new ArrayList<>(next);
      if (random.nextInt(5) == 0 && late.size() > 3) {
        batch.add(late.removeLast()); // late and in-order samples of the series in one batch
      }
      write.accept(batch);
      if (random.nextInt(4) == 0) {
        write.accept(batch.reversed()); // a spool replay
      }
    }
    for (int i = 0; i < late.size(); i += 3) {
      write.accept(late.subList(i, Math.min(late.size(), i + 3)));
    }
    write.accept(all); // and everything once more
    write.accept(List.of(at(t, "req_total", 5400 + 600, value + 1)));

    List<Minute> expected = expectedMinutes(raw);
    assertThat(database().rollupReader().rollups(t, "req_total", Map.of(), T0, T0.plusSeconds(5400)))
        .singleElement().extracting(RollupSeries::minutes).isEqualTo(expected);
    assertThat(database().rollupReader().totals(t, "req_total", Map.of(), T0, T0.plusSeconds(5400)))
        .singleElement().satisfies(total -> { // whole hours: read from the hourly tier
          assertThat(total.count()).isEqualTo(raw.size());
          assertThat(total.increase()).isEqualTo(expected.stream().mapToDouble(Minute::increase).sum());
        });
  }

  /** The rollup definition of docs/storage.md "Rollups", computed in Java from the raw samples. */
  private static List<Minute> expectedMinutes(TreeMap<Integer, Double> raw) {
    TreeMap<Integer, List<Integer>> byMinute = new TreeMap<>();
    raw.keySet().forEach(second -> byMinute.computeIfAbsent(second / 60 * 60, m -> new ArrayList<>()).add(second));
    List<Minute> minutes = new ArrayList<>();
    byMinute.forEach((start, seconds) -> {
      double increase = 0;
      for (int second : seconds) {
        Map.Entry<Integer, Double> prev = raw.lowerEntry(second);
        double v = raw.get(second);
        if (prev != null && prev.getKey() >= start - 3600) {
          increase += v >= prev.getValue() ? v - prev.getValue() : v;
        }
      }
      List<Double> values = seconds.stream().map(raw::get).toList();
      minutes.add(new Minute(T0.plusSeconds(start), values.size(), values.stream().mapToDouble(d -> d).sum(),
          Collections.min(values), Collections.max(values), values.getFirst(), values.getLast(), increase));
    });
    return minutes;
  }

  @Test
  void histogramBucketSeriesGiveTheBucketDeltaPerMinute() {
    String t = tenant();
    String bucket = "vllm:e2e_request_latency_seconds_bucket";
    List<Sample> samples = new ArrayList<>();
    for (int s = 0; s <= 120; s += 30) {
      samples.add(new Sample(t, bucket, Map.of("le", "0.5"), T0.plusSeconds(s).toEpochMilli(), s / 30 * 3));
      samples.add(new Sample(t, bucket, Map.of("le", "+Inf"), T0.plusSeconds(s).toEpochMilli(), s / 30 * 5));
    }
    database().sampleStore().write(samples);

    List<SeriesTotal> fast = database().rollupReader().totals(t, bucket, Map.of("le", "0.5"), T0, T0.plusSeconds(180));
    List<SeriesTotal> all = database().rollupReader().totals(t, bucket, Map.of("le", "+Inf"), T0, T0.plusSeconds(180));

    assertThat(fast).singleElement().satisfies(s -> {
      assertThat(s.increase()).isEqualTo(12.0);
      assertThat(s.count()).isEqualTo(5);
    });
    assertThat(all).singleElement().extracting(SeriesTotal::increase).isEqualTo(20.0);
    assertThat(database().rollupReader().rollups(t, bucket, Map.of("le", "0.5"), T0, T0.plusSeconds(180))
        .getFirst().minutes()).extracting(Minute::increase).containsExactly(3.0, 6.0, 3.0);
  }

  @Test
  void nanSamplesAreLeftOutOfTheRollup() {
    String t = tenant();
    write(at(t, "req_total", 0, 1), at(t, "req_total", 10, Double.NaN), at(t, "req_total", 20, 4));

    Minute m = minutes(t, "req_total").getFirst();

    assertThat(m.count()).isEqualTo(2);
    assertThat(m.increase()).isEqualTo(3.0);
    assertThat(m.max()).isEqualTo(4.0);
  }

  @Test
  void aTenantNeverReadsAnotherTenantsRollups() {
    String a = tenant();
    String b = tenant();
    write(at(a, "tokens_total", 0, 5), at(a, "tokens_total", 30, 9), at(null, "tokens_total", 0, 1000));

    assertThat(database().rollupReader().rollups(b, "tokens_total", Map.of(), T0, T0.plusSeconds(60))).isEmpty();
    assertThat(database().rollupReader().totals(b, "tokens_total", Map.of(), T0, T0.plusSeconds(60))).isEmpty();
    assertThat(database().rollupReader().totals(a, "tokens_total", Map.of(), T0, T0.plusSeconds(60)))
        .singleElement().extracting(SeriesTotal::increase).isEqualTo(4.0);
    assertThat(database().rollupReader().totals(null, "tokens_total", Map.of("job", "vllm"), T0, T0.plusSeconds(60)))
        .extracting(SeriesTotal::tenant, SeriesTotal::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 1L));
  }

  @Test
  void rollupsOutliveRawRetentionAndALateSampleForADroppedDayDoesNotShrinkThem() {
    String t = tenant();
    Instant day = Instant.parse("2003-02-01T08:00:00Z");
    List<Sample> samples = new ArrayList<>();
    for (int s = 0; s < 60; s += 10) {
      samples.add(new Sample(t, "req_total", Map.of(), day.plusSeconds(s).toEpochMilli(), s));
    }
    database().sampleStore().write(samples);

    database().retention().dropOlderThan("samples", Instant.parse("2003-02-03T00:00:00Z"));
    // in time order after the stored minute: folded into the stored row, raw samples not needed
    database().sampleStore().write(List.of(new Sample(t, "req_total", Map.of(), day.plusSeconds(55).toEpochMilli(), 55)));
    // late, between two dropped samples: a recompute from raw would see one sample, the stored row stays
    database().sampleStore().write(List.of(new Sample(t, "req_total", Map.of(), day.plusSeconds(25).toEpochMilli(), 25)));

    assertThat(database().sampleStore().query(t, "req_total", Map.of(), day, day.plusSeconds(50)))
        .singleElement().satisfies(series -> assertThat(series.points()).hasSize(1));
    List<RollupSeries> rollups = database().rollupReader().rollups(t, "req_total", Map.of(), day, day.plusSeconds(60));
    assertThat(rollups.getFirst().minutes()).singleElement().satisfies(m -> {
      assertThat(m.count()).isEqualTo(7);
      assertThat(m.increase()).isCloseTo(55.0, within(1e-9));
    });
  }

  @Test
  void configuredRetentionDropsRawSamplesEarlyAndRollupsLate() {
    String t = tenant();
    Instant day = Instant.parse("1995-03-01T08:00:00Z");
    database().sampleStore().write(List.of(new Sample(t, "req_total", Map.of(), day.toEpochMilli(), 1),
        new Sample(t, "req_total", Map.of(), day.plusSeconds(30).toEpochMilli(), 3)));
    java.time.Duration raw = java.time.Duration.ofDays(7);
    java.time.Duration rollups = java.time.Duration.ofDays(400);

    database().retention().apply(day.plus(java.time.Duration.ofDays(30)), raw, rollups);

    assertThat(database().sampleStore().query(t, "req_total", Map.of(), day, day.plusSeconds(60))).isEmpty();
    assertThat(database().rollupReader().totals(t, "req_total", Map.of(), day, day.plusSeconds(60)))
        .singleElement().extracting(SeriesTotal::increase).isEqualTo(2.0);

    database().retention().apply(day.plus(java.time.Duration.ofDays(500)), raw, rollups);

    assertThat(database().rollupReader().totals(t, "req_total", Map.of(), day, day.plusSeconds(60))).isEmpty();
  }

  @Test
  void totalsOverHoursReadTheHourlyTierAndEqualTheSumOfTheirMinutes() {
    String t = tenant();
    Instant start = Instant.parse("2011-06-01T10:00:00Z");
    List<Sample> samples = new ArrayList<>();
    double value = 0;
    for (int s = 0; s < 4 * 3600; s += 30) {
      value = s == 7200 ? 3 : value + s % 7; // a reset in the third hour
      samples.add(new Sample(t, "req_total", Map.of(), start.plusSeconds(s).toEpochMilli(), value));
    }
    database().sampleStore().write(samples);
    database().sampleStore().write(List.of(new Sample(t, "req_total", Map.of(), start.plusSeconds(3615).toEpochMilli(), 1e6)));

    for (Instant[] w : new Instant[][] {
        {start, start.plusSeconds(4 * 3600)},
        {start.plusSeconds(17 * 60), start.plusSeconds(3 * 3600 + 41 * 60)},
        {start.plusSeconds(3600), start.plusSeconds(2 * 3600)},
        {start.plusSeconds(3540), start.plusSeconds(3720)}}) {
      List<Minute> minutes = database().rollupReader().rollups(t, "req_total", Map.of(), w[0], w[1]).getFirst().minutes();
      assertThat(database().rollupReader().totals(t, "req_total", Map.of(), w[0], w[1])).singleElement()
          .satisfies(total -> {
            assertThat(total.count()).isEqualTo(minutes.stream().mapToLong(Minute::count).sum());
            assertThat(total.increase()).isCloseTo(minutes.stream().mapToDouble(Minute::increase).sum(), within(1e-6));
          });
    }
  }

  @Test
  void totalsOfAllTenantsKeepEachTenantsSeriesApartAndLeaveTheProviderOut() {
    String a = tenant();
    String b = tenant();
    String metric = "all_" + a;
    write(at(a, metric, 0, 1), at(a, metric, 30, 4), at(b, metric, 0, 10), at(b, metric, 30, 30),
        at(null, metric, 0, 0), at(null, metric, 30, 500));

    Map<String, List<SeriesTotal>> all = database().rollupReader().totalsOfAllTenants(metric, T0, T0.plusSeconds(60));

    assertThat(all).containsOnlyKeys(a, b);
    assertThat(all.get(a)).isEqualTo(database().rollupReader().totals(a, metric, Map.of(), T0, T0.plusSeconds(60)));
    assertThat(all.get(b)).singleElement().extracting(SeriesTotal::tenant, SeriesTotal::increase)
        .containsExactly(b, 20.0);
  }
}
