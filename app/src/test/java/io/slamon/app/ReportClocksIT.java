package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.SlamonConfig;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.Regime;
import io.slamon.slo.period.PeriodJson;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.IncidentRecord;
import io.slamon.store.SharedEmbeddedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The period result lists an incident's regulatory deadlines from the incident module's clock plan. */
class ReportClocksIT {
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
  void aClassifiedIncidentCarriesItsDsgvoDeadlineIntoThePeriodResult() {
    SlamonConfig config = ConfigLoader.load(Path.of("..", "examples", "config")).config();
    Instant opened = Instant.parse("2026-10-20T08:00:00Z");
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-02T06:00:00Z"));
    db.incidentStore().openOrGet(new IncidentRecord("INC-2026-000009", "acme-logistik", "fp-9", "P1", "open", "Datenabfluss", opened, opened));
    ConfigMapping.regulatoryClocks(config, db, InstantSource.fixed(opened.plusSeconds(600)))
        .classify("INC-2026-000009", Regime.DSGVO_PROCESSOR, new Awareness(opened, "SIEM alert", "oncall"), "dpo");

    Reporting reporting = new Reporting(config, db, clock);
    var stored = reporting.periodJob().compute(reporting.setup(config.tenant("acme-logistik").orElseThrow()), YearMonth.of(2026, 10));
    var incident = PeriodJson.read(stored.result()).incidents().getFirst();

    assertThat(incident.id()).isEqualTo("INC-2026-000009");
    assertThat(incident.clocks()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.regime()).isEqualTo("DSGVO_PROCESSOR");
      assertThat(c.deadline()).isNotNull();
      assertThat(c.notifiedAt()).isNull();
      assertThat(c.status()).isEqualTo("OVERDUE");
    });
  }
}
