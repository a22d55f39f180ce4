package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.SlamonConfig;
import io.slamon.slo.SliCounts;
import io.slamon.slo.SliSource;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.StoredSliSource;
import io.slamon.slo.period.PeriodJson;
import io.slamon.slo.period.PeriodResult;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Event;
import io.slamon.store.Sample;
import io.slamon.store.SharedEmbeddedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The period results (what reports read) judge every SLO with the live engine's SLI source: the
 * time-based kinds (here RAG freshness) and maintenance exclusion included, so a report never
 * disagrees with the dashboards.
 */
class ReportSliSourceIT {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String TENANT = "hanse-bank";
  private static final String RAG_SLO = "hanse-bank-rag-freshness";
  private DatabaseSettings settings;
  private Database db;

  @BeforeEach
  void open() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
  }

  @AfterEach
  void close() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  @Test
  void aRagFreshnessSloInTheReportHasTheEnginesNumbersWithAnnouncedMaintenanceExcluded() {
    SlamonConfig config = ConfigLoader.load(Path.of("..", "examples", "config")).config();
    Instant monthStart = berlin("2026-10-01T00:00");
    Instant monthEnd = berlin("2026-11-01T00:00");
    // Saturday 10 Oct 03:00-05:00 is hanse-bank's agreed window, announced 20 days ahead: excluded.
    Instant maintenanceStart = berlin("2026-10-10T03:00");
    Instant maintenanceEnd = berlin("2026-10-10T05:00");
    // Wednesday 14 Oct 12:00-13:00: the index is stale outside any window: bad.
    Instant staleStart = berlin("2026-10-14T12:00");
    Instant staleEnd = berlin("2026-10-14T13:00");
    List<Sample> samples = new ArrayList<>();
    for (Instant t = monthStart; t.isBefore(monthEnd); t = t.plusSeconds(300)) {
      boolean stale = inside(t, maintenanceStart, maintenanceEnd) || inside(t, staleStart, staleEnd);
      samples.add(new Sample(TENANT, "rag_index_freshness_seconds", Map.of("index", "kundenakten"), t.toEpochMilli(), stale ? 7200 : 60));
    }
    db.sampleStore().write(samples);
    String mid = "mw-2026-10-10";
    event("maintenance.announced", berlin("2026-09-20T10:00"),
        Map.of("maintenanceId", mid, "plannedStart", maintenanceStart.toString(), "plannedEnd", maintenanceEnd.toString()));
    event("maintenance.started", maintenanceStart, Map.of("maintenanceId", mid));
    event("maintenance.ended", maintenanceEnd, Map.of("maintenanceId", mid));
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-02T06:00:00Z"));

    Reporting reporting = new Reporting(config, db, clock);
    var stored = reporting.periodJob().compute(reporting.setup(config.tenant(TENANT).orElseThrow()), YearMonth.of(2026, 10));
    PeriodResult result = PeriodJson.read(stored.result());

    SliSource engine = EngineSlis.of(config, db, clock, db.rollupReader(), new StoredSliSource(db.rollupReader()));
    List<SloDefinition> slos = ConfigMapping.sloDefinitions(config).stream().filter(s -> s.tenant().equals(TENANT)).toList();
    assertThat(result.slos()).extracting(PeriodResult.SloOutcome::name)
        .containsExactlyInAnyOrderElementsOf(slos.stream().map(SloDefinition::name).toList());
    for (SloDefinition slo : slos) {
      SliCounts live = engine.counts(slo, monthStart, monthEnd);
      PeriodResult.SloOutcome reported = outcome(result, slo.name());
      assertThat(reported.total()).as(slo.name()).isCloseTo(live.total(), within(1e-6));
      assertThat(reported.good()).as(slo.name()).isCloseTo(live.good(), within(1e-6));
    }

    PeriodResult.SloOutcome rag = outcome(result, RAG_SLO);
    long slices = (monthEnd.getEpochSecond() - monthStart.getEpochSecond()) / 300; // 745 h of 5-minute slices
    assertThat(rag.kind()).isEqualTo("RAG_FRESHNESS_UNDER");
    assertThat(rag.total()).as("the 2 h of announced maintenance are left out").isEqualTo(slices - 24);
    assertThat(rag.total() - rag.good()).as("the stale hour outside the window counts bad").isEqualTo(12);
    assertThat(rag.daily()).filteredOn(d -> d.date().equals("2026-10-10")).singleElement()
        .satisfies(d -> assertThat(d.attainment()).isEqualTo(1.0));
  }

  @Test
  void theMonthsOutagesCapacityCompletenessAndComponentAvailabilityComeFromTheRollupsAndOutliveTheRawSamples() throws Exception {
    SlamonConfig config = ConfigLoader.load(Path.of("..", "examples", "config")).config();
    // Wednesday 28 to Saturday 31 October 2026 (CET), one scrape a minute at :30
    Instant from = berlin("2026-10-28T00:00");
    Instant to = berlin("2026-11-01T00:00");
    Instant dcgmFails = berlin("2026-10-29T12:00");
    Instant vllmDownFrom = berlin("2026-10-30T10:00");
    Instant vllmDownTo = berlin("2026-10-30T10:10");
    Instant gpuGoneFrom = berlin("2026-10-31T08:00");
    Instant gpuGoneTo = berlin("2026-10-31T09:00");
    List<Sample> batch = new ArrayList<>();
    for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
      long t = minute.plusSeconds(30).toEpochMilli();
      // the shared GPU nodes' dcgm-exporter, scraped without a tenant (what hanse-bank-gpu-nodes reads)
      batch.add(new Sample(null, "up", Map.of("job", "dcgm", "instance", "127.0.0.1:19401", "cluster", "fra-gpu-1"), t,
          minute.equals(dcgmFails) ? 0 : 1));
      batch.add(new Sample(TENANT, "up", Map.of("job", "vllm", "instance", "127.0.0.1:18003", "tenant", TENANT), t,
          inside(minute, vllmDownFrom, vllmDownTo) ? 0 : 1));
      for (int gpu = 0; gpu < 8; gpu++) {
        if (gpu == 7 && inside(minute, gpuGoneFrom, gpuGoneTo)) {
          continue;
        }
        batch.add(new Sample(TENANT, "DCGM_FI_DEV_GPU_UTIL", Map.of("gpu", String.valueOf(gpu), "UUID", "GPU-hb-" + gpu,
            "namespace", TENANT), t, 40));
      }
      if (batch.size() >= 6000) {
        db.sampleStore().write(batch);
        batch.clear();
      }
    }
    db.sampleStore().write(batch);
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-02T06:00:00Z"));
    Reporting reporting = new Reporting(config, db, clock);
    var setup = reporting.setup(config.tenant(TENANT).orElseThrow());
    PeriodResult before = PeriodJson.read(reporting.periodJob().compute(setup, YearMonth.of(2026, 10)).result());

    PeriodResult.SloOutcome gpuNodes = outcome(before, "hanse-bank-gpu-nodes");
    assertThat(gpuNodes.kind()).isEqualTo("COMPONENT_AVAILABILITY");
    assertThat(gpuNodes.total()).as("minutes with a dcgm scrape").isEqualTo(4 * 1440);
    assertThat(gpuNodes.good()).as("one minute with a failed scrape").isEqualTo(4 * 1440 - 1);
    assertThat(before.availability().downtimeMinutes()).as("the vLLM target's ten failed scrapes").isEqualTo(10.0);
    assertThat(before.completeness().scrapes()).isEqualTo(4 * 1440);
    assertThat(before.completeness().successfulScrapes()).isEqualTo(4 * 1440 - 10);

    try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
      st.execute("DELETE FROM samples"); // raw retention took everything; the rollups stay
    }
    PeriodResult after = PeriodJson.read(reporting.periodJob().compute(setup, YearMonth.of(2026, 10)).result());
    assertThat(after.slos()).isEqualTo(before.slos());
    assertThat(after.availability()).isEqualTo(before.availability());
    assertThat(after.capacity()).isEqualTo(before.capacity());
    assertThat(after.completeness()).isEqualTo(before.completeness());
    assertThat(after.snapshot().samples()).as("only the data snapshot counts raw samples").isZero();
  }

  private static PeriodResult.SloOutcome outcome(PeriodResult r, String name) {
    return r.slos().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private void event(String type, Instant time, Map<String, Object> attributes) {
    db.eventStore().append(new Event(UUID.randomUUID().toString(), TENANT, type, time, "test", attributes));
  }

  private static boolean inside(Instant t, Instant from, Instant to) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  private static Instant berlin(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }
}
