package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.SlamonConfig;
import io.slamon.incident.Nis2Watch;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.IncidentRecord;
import io.slamon.store.Sample;
import io.slamon.store.SharedEmbeddedPostgres;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation round of {@code serve}/{@code demo} on a real database: an SLO without data opens a
 * NO_DATA incident when its alert policy asks for it (and the next round attaches to it), and a
 * NIS2 entity's outage of more than 30 minutes flags the incidents it opened as significant.
 */
class EvaluationRoundIncidentsIT {
  @Test
  void noDataOpensIncidentsAndARunningCompleteOutageIsFlaggedNis2Significant(@TempDir Path dir) throws Exception {
    ConfigMappingTest.copyExample(dir);
    Files.delete(dir.resolve("scrape/fleet.yaml")); // no scrapes: up == 0 of unreachable targets would blur the picture
    Path alerting = dir.resolve("slos/alerting.yaml");
    String fastBurn = "  description: 2 % of a 30-day budget within one hour pages the on-call engineer.\n";
    Files.writeString(alerting, Files.readString(alerting).replace(fastBurn, fastBurn + "  alertWhenNoData: true\n"));
    SlamonConfig config = ConfigLoader.load(dir).config();
    assertThat(config).isNotNull();

    DatabaseSettings settings = SharedEmbeddedPostgres.freshDatabase();
    Database db = Database.open(settings, m -> {});
    Vertx vertx = Vertx.vertx();
    try {
      // stadtwerke-nord (a NIS2 essential entity): every chat request failed for the last 41 minutes
      Instant now = Instant.now();
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i <= 82; i++) {
        samples.add(new Sample("stadtwerke-nord", "http_requests_total", Map.of("status", "5xx", "handler", "/v1/chat/completions"),
            now.minus(Duration.ofSeconds(30L * (82 - i))).toEpochMilli(), 50.0 * i));
      }
      db.sampleStore().write(samples);

      try (SlamonRuntime runtime = SlamonRuntime.start(config, db, vertx, InstantSource.system(), 0, dir.resolve("data"))) {
        SlamonRuntime.Round first = runtime.evaluate();
        List<IncidentRecord> noData = first.opened().stream().filter(i -> i.fingerprint().contains("/no_data/")).toList();
        assertThat(noData).extracting(IncidentRecord::fingerprint)
            .contains("hanse-bank/no_data/hanse-bank-chat-availability/slo")
            .as("the TTFT SLOs only use ticket-on-slow-burn, which does not ask for no-data alerts")
            .noneMatch(f -> f.contains("ttft"))
            .as("stadtwerke-nord has data").noneMatch(f -> f.startsWith("stadtwerke-nord/"));
        assertThat(noData).allMatch(i -> i.severity().equals("P3"));

        List<IncidentRecord> outage = first.opened().stream().filter(i -> "stadtwerke-nord".equals(i.tenant())).toList();
        assertThat(outage).isNotEmpty();
        assertThat(first.significance()).extracting(Nis2Watch.Flag::incidentId)
            .containsExactlyInAnyOrderElementsOf(outage.stream().map(IncidentRecord::id).toList());
        assertThat(first.significance()).allSatisfy(f -> {
          assertThat(f.criterion()).isEqualTo(Nis2Watch.Criterion.COMPLETE);
          assertThat(f.regulated()).isTrue();
        });

        SlamonRuntime.Round second = runtime.evaluate();
        assertThat(second.opened()).as("repeats attach to the open incidents").isEmpty();
        assertThat(second.significance()).as("flagged once").isEmpty();
        assertThat(db.incidentStore().activity(noData.getFirst().id()).repeats()).isEqualTo(1);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
      db.close();
      SharedEmbeddedPostgres.drop(settings);
    }
  }
}
