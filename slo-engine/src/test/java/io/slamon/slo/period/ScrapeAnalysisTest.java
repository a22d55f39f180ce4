package io.slamon.slo.period;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.slo.TimeInterval;
import io.slamon.slo.internal.Intervals;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrapeAnalysisTest {
  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

  /**
   * One target's minutes as "minute:successful/scrapes[:last]" (last defaults to 1 when every scrape
   * succeeded, else 0). Expected: outage seconds, scrapes, successful scrapes, gaps, gap minutes.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "all scrapes succeed                      | 0:4/4 1:4/4 2:4/4          | 0   | 12 | 12 | 0 | 0",
        "one failed scrape of four: 15 s down      | 0:4/4 1:3/4:1 2:4/4        | 15  | 12 | 11 | 0 | 0",
        "a whole minute failed                    | 0:4/4 1:0/4 2:4/4          | 60  | 12 | 8  | 0 | 0",
        "failed last scrape, then silence: down until the next scrape | 0:4/4 1:3/4:0 4:4/4 5:4/4 6:4/4 | 135 | 20 | 19 | 1 | 2",
        "silence after a good scrape is a gap, not an outage | 0:4/4 1:4/4 2:4/4 5:4/4 6:4/4 | 0 | 20 | 20 | 1 | 2",
        "one silent minute at 15 s scrapes is a gap (75 s > 3 x 15 s) | 0:4/4 1:4/4 2:4/4 4:4/4 5:4/4 | 0 | 20 | 20 | 1 | 1",
        "one scrape every other minute: no gap    | 0:1/1 2:1/1 4:1/1 6:1/1    | 0   | 4  | 4  | 0 | 0",
        "no scrapes at all                         |                            | 0   | 0  | 0  | 0 | 0",
      })
  void outagesAndCompletenessFromTheMinutesOfUp(String why, String minutes, long outageSeconds, long scrapes, long ok, int gaps,
      double gapMinutes) {
    List<RollupSeries> up = List.of(series(minutes));
    List<TimeInterval> outages = ScrapeAnalysis.outages(up);
    assertThat(Intervals.total(Intervals.normalize(outages))).as(why).isEqualTo(Duration.ofSeconds(outageSeconds));
    PeriodInputs.ScrapeFacts facts = ScrapeAnalysis.facts(up);
    assertThat(facts.scrapes()).as(why).isEqualTo(scrapes);
    assertThat(facts.successful()).as(why).isEqualTo(ok);
    assertThat(facts.gaps()).as(why).isEqualTo(gaps);
    assertThat(facts.gapMinutes()).as(why).isEqualTo(gapMinutes);
  }

  private static RollupSeries series(String spec) {
    List<Minute> out = new ArrayList<>();
    if (spec != null && !spec.isBlank()) {
      for (String m : spec.trim().split("\\s+")) {
        String[] p = m.split("[:/]");
        int good = Integer.parseInt(p[1]);
        int count = Integer.parseInt(p[2]);
        double last = p.length > 3 ? Double.parseDouble(p[3]) : good == count ? 1 : 0;
        out.add(new Minute(T0.plusSeconds(60L * Integer.parseInt(p[0])), count, good, good == count ? 1 : 0, good > 0 ? 1 : 0,
            1, last, 0));
      }
    }
    return new RollupSeries("acme", "up", Map.of("job", "vllm", "instance", "127.0.0.1:18001"), out);
  }
}
