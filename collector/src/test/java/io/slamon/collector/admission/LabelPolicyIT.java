package io.slamon.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.Collector;
import io.slamon.collector.CollectorSettings;
import io.slamon.collector.EventSources;
import io.slamon.collector.IngestOptions;
import io.slamon.collector.ScrapeTarget;
import io.slamon.collector.SeriesRelabeler;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SampleReader.Series;
import io.slamon.store.SharedEmbeddedPostgres;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Dropped and pseudonymised labels as they arrive in a real PostgreSQL after a real scrape. */
class LabelPolicyIT {
  @Test
  void storedSeriesCarryPseudonymsNotTheOriginalsAndAttributionStillUsesTheOriginalPod() throws Exception {
    DatabaseSettings settings = SharedEmbeddedPostgres.freshDatabase();
    Database database = Database.open(settings, m -> {});
    Vertx vertx = Vertx.vertx();
    String page = """
        # TYPE llm_requests_total counter
        llm_requests_total{pod="acme-chat-0",user_id="alice@acme.example",client_ip="10.0.0.7"} 12
        llm_requests_total{pod="acme-chat-0",user_id="bob@acme.example",client_ip="10.0.0.8"} 3
        """;
    int port = vertx.createHttpServer().requestHandler(r -> r.response().end(page)).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
    ScrapeTarget target = new ScrapeTarget("gateway", URI.create("http://127.0.0.1:" + port + "/metrics"),
        Duration.ofHours(1), Duration.ofSeconds(5), Map.of(), false);
    byte[] key = "it-pseudonym-key-0123456789".getBytes(StandardCharsets.UTF_8);
    LabelPolicy policy = new LabelPolicy(Set.of("client_ip"), Set.of("user_id", "pod"), key);
    Collector collector = new Collector(vertx, List.of(target),
        (t, labels) -> Optional.ofNullable(labels.get("pod")).filter(p -> p.startsWith("acme-")).map(p -> "acme"),
        SeriesRelabeler.NONE, database.sampleStore(), database.eventStore(), new EventSources(Map.of()),
        Set.of("acme")::contains, CollectorSettings.defaults(), IngestOptions.defaults().withLabelPolicy(policy),
        database::check, InstantSource.system());
    try {
      collector.start();
      collector.scrapeNow().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

      List<Series> stored = database.sampleStore().query("acme", "llm_requests_total", Map.of(),
          Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600));
      assertThat(stored).hasSize(2).allSatisfy(s -> assertThat(s.labels())
          .doesNotContainKey("client_ip")
          .containsEntry("pod", policy.pseudonym("acme-chat-0"))
          .doesNotContainValue("alice@acme.example").doesNotContainValue("bob@acme.example"));
      assertThat(stored).extracting(s -> s.labels().get("user_id"))
          .containsExactlyInAnyOrder(policy.pseudonym("alice@acme.example"), policy.pseudonym("bob@acme.example"));
    } finally {
      collector.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      database.close();
      SharedEmbeddedPostgres.drop(settings);
    }
  }
}
