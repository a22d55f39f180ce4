package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.RollupReader.SliceTotal;
import io.slamon.store.RollupReader.SlicedTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sliceTotals} summed in the database equals the interface's own definition (the minute rows
 * of {@code rollups} summed per slice in Java), for aligned and unaligned windows and slices, a
 * counter with resets and a gap; and one tenant never sees another's slices.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SliceTotalsIT {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private DatabaseSettings settings;
  private Database db;

  @BeforeAll
  void write() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, m -> {});
    Random random = new Random(11);
    double counter = 0;
    List<Sample> batch = new ArrayList<>();
    for (int second = 0; second < 6 * 3600; second += 15) {
      if (second > 7200 && second < 7200 + 1800) {
        continue; // half an hour without scrapes
      }
      counter = random.nextInt(500) == 0 ? 0 : counter + random.nextInt(20); // now and then a restart
      long t = T0.plusSeconds(second).toEpochMilli();
      batch.add(new Sample("acme", "req_total", Map.of("pod", "a"), t, counter));
      batch.add(new Sample("acme", "req_total", Map.of("pod", "b"), t, counter / 2));
      batch.add(new Sample("acme", "queue", Map.of("pod", "a"), t, random.nextInt(30)));
      batch.add(new Sample("other", "req_total", Map.of("pod", "a"), t, 1e9 + second));
      if (batch.size() >= 4000) {
        db.sampleStore().write(batch);
        batch.clear();
      }
    }
    db.sampleStore().write(batch);
  }

  @AfterAll
  void close() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  /** The interface's default: the minute rows summed in Java. */
  private List<SlicedTotals> reference(String tenant, String metric, Map<String, String> m, Instant from, Instant to, Duration slice) {
    RollupReader definition = new RollupReader() {
      @Override
      public List<RollupSeries> rollups(String t, String me, Map<String, String> l, Instant f, Instant u) {
        return db.rollupReader().rollups(t, me, l, f, u);
      }

      @Override
      public List<SeriesTotal> totals(String t, String me, Map<String, String> l, Instant f, Instant u) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Map<String, List<SeriesTotal>> totalsOfAllTenants(String me, Instant f, Instant u) {
        throw new UnsupportedOperationException();
      }
    };
    return definition.sliceTotals(tenant, metric, m, from, to, slice);
  }

  /** Window start and end in seconds after T0, slice in seconds. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "one-minute slices over an hour                | 0     | 3600  | 60",
        "hour slices over six hours, across the gap    | 0     | 21600 | 3600",
        "unaligned start: its minute goes to slice 0   | 90    | 7290  | 300",
        "unaligned slices                              | 45    | 21600 | 1234",
        "a window in the gap has no slices             | 7300  | 8900  | 60",
      })
  void theDatabaseSumsEqualTheMinuteRowsSummedPerSlice(String why, int from, int to, int slice) {
    for (String metric : List.of("req_total", "queue")) {
      Instant f = T0.plusSeconds(from);
      Instant t = T0.plusSeconds(to);
      Duration d = Duration.ofSeconds(slice);
      List<SlicedTotals> db = this.db.rollupReader().sliceTotals("acme", metric, Map.of(), f, t, d);
      List<SlicedTotals> expected = reference("acme", metric, Map.of(), f, t, d);
      assertThat(db).as(why + " " + metric).hasSameSizeAs(expected);
      for (int i = 0; i < db.size(); i++) {
        assertThat(db.get(i).labels()).isEqualTo(expected.get(i).labels());
        assertThat(db.get(i).slices()).extracting(SliceTotal::slice, SliceTotal::count, SliceTotal::min, SliceTotal::max, SliceTotal::minutes)
            .as(why).isEqualTo(expected.get(i).slices().stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.slice(), s.count(), s.min(),
                s.max(), s.minutes())).toList());
        for (int j = 0; j < db.get(i).slices().size(); j++) {
          assertThat(db.get(i).slices().get(j).increase()).as(why).isCloseTo(expected.get(i).slices().get(j).increase(),
              org.assertj.core.api.Assertions.within(1e-6));
          assertThat(db.get(i).slices().get(j).sum()).as(why).isCloseTo(expected.get(i).slices().get(j).sum(),
              org.assertj.core.api.Assertions.within(1e-6));
        }
      }
    }
  }

  @Test
  void hourSlicesHoldSixtyMinutesOfFourScrapesAndTheGapShows() {
    List<SlicedTotals> hours = db.rollupReader().sliceTotals("acme", "queue", Map.of(), T0, T0.plusSeconds(4 * 3600), Duration.ofHours(1));
    assertThat(hours).singleElement().satisfies(s -> assertThat(s.slices())
        .extracting(SliceTotal::slice, SliceTotal::minutes, SliceTotal::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 60, 240L), org.assertj.core.groups.Tuple.tuple(1, 60, 240L),
            // 02:00:00 is scraped, then nothing until 02:30:00: 1 + 30 minutes and 1 + 120 scrapes
            org.assertj.core.groups.Tuple.tuple(2, 31, 1L + 120), org.assertj.core.groups.Tuple.tuple(3, 60, 240L)));
  }

  @Test
  void aTenantSeesOnlyItsOwnSlices() {
    List<SlicedTotals> acme = db.rollupReader().sliceTotals("acme", "req_total", Map.of("pod", "a"), T0, T0.plusSeconds(600), Duration.ofMinutes(5));
    assertThat(acme).singleElement().satisfies(s -> assertThat(s.tenant()).isEqualTo("acme"));
    assertThat(acme.getFirst().slices()).allSatisfy(s -> assertThat(s.max()).isLessThan(1e9));
    assertThat(db.rollupReader().sliceTotals("nobody", "req_total", Map.of(), T0, T0.plusSeconds(600), Duration.ofMinutes(5))).isEmpty();
    assertThat(db.rollupReader().sliceTotals(null, "req_total", Map.of(), T0, T0.plusSeconds(600), Duration.ofMinutes(5))).isEmpty();
  }
}
