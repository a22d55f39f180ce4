package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.events.InMemoryEventStore;
import io.slamon.store.Sample;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collector whose targets come from a file_sd file that is edited while it runs; real exporters over HTTP. */
class FileSdRefreshTest {
  @TempDir Path dir;
  final Vertx vertx = Vertx.vertx();
  final List<Sample> written = Collections.synchronizedList(new ArrayList<>());
  Collector collector;

  @AfterEach
  void stop() throws Exception {
    collector.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  int exporter(String page) throws Exception {
    return vertx.createHttpServer().requestHandler(r -> r.response().end(page)).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
  }

  boolean scraped(int port) {
    synchronized (written) {
      return written.stream().anyMatch(s -> s.metric().equals("up") && s.value() == 1
          && s.labels().get("instance").equals("127.0.0.1:" + port));
    }
  }

  long upSamples(int port) {
    synchronized (written) {
      return written.stream().filter(s -> s.metric().equals("up") && s.labels().get("instance").equals("127.0.0.1:"
          + port)).count();
    }
  }

  static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 15 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void targetsAreAddedAndRemovedWithoutRestartAndABrokenEditKeepsTheLastGoodList() throws Exception {
    int a = exporter("# TYPE a gauge\na 1\n");
    int b = exporter("# TYPE b gauge\nb 1\n");
    Path file = dir.resolve("targets.yaml");
    Files.writeString(file, "- targets: ['127.0.0.1:" + a + "']\n");
    FileSdWatcher watcher = new FileSdWatcher(dir, List.of("*.yaml"), Duration.ofMinutes(5), InstantSource.system());
    Supplier<List<ScrapeTarget>> discovery = () -> watcher.groups().stream()
        .flatMap(g -> g.targets().stream().map(hostPort -> new ScrapeTarget("sd",
            URI.create("http://" + hostPort + "/metrics"), Duration.ofMillis(100), Duration.ofMillis(100),
            g.labels(), false)))
        .toList();
    collector = new Collector(vertx, discovery.get(), TenantResolver.providerOnly(), written::addAll,
        new InMemoryEventStore(), new EventSources(Map.of()), Set.<String>of()::contains, CollectorSettings.defaults());
    collector.start();
    collector.discoverTargets(discovery, Duration.ofMillis(50));
    await(() -> scraped(a));

    Files.writeString(file, "- targets: ['127.0.0.1:" + b + "']\n  labels: {rack: r7}\n");
    await(() -> collector.targets().size() == 1 && collector.targets().get(0).url().getPort() == b);
    await(() -> scraped(b));
    Thread.sleep(300); // a scrape of the removed target that was already in flight lands now
    long fromA = upSamples(a);
    Thread.sleep(500); // five intervals of the removed target
    assertThat(upSamples(a)).as("removed target is no longer scraped").isEqualTo(fromA);
    assertThat(written).filteredOn(s -> s.metric().equals("b")).allSatisfy(s -> assertThat(s.labels())
        .containsEntry("rack", "r7"));

    Files.writeString(file, "- targets: ['127.0.0.1:" + a + "'\n"); // broken YAML
    Thread.sleep(300);
    assertThat(collector.targets()).extracting(t -> t.url().getPort()).containsExactly(b);
    assertThat(watcher.brokenFiles()).containsExactly(file);
  }
}
