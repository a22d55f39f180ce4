package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.config.AlertReceiver;
import io.slamon.core.config.AlertRoute;
import io.slamon.core.config.Alerting;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against a real PostgreSQL and real signature-checking HTTP receivers. */
class OutboxIT {
  static final String SECRET = "outbox-it-secret-0123456789";
  static final RetryPolicy BACKOFF = new RetryPolicy(1, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(40), Duration.ofHours(1));

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T10:00:00Z"));
  private final InstantSource clock = now::get;
  private DatabaseSettings settings;
  private Database db;
  private TestReceiver oncall;
  private TestReceiver provider;

  @BeforeEach
  void start() throws Exception {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    oncall = new TestReceiver(SECRET, clock);
    provider = new TestReceiver(SECRET, clock);
  }

  @AfterEach
  void stop() {
    oncall.close();
    provider.close();
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private Alerting config() {
    return new Alerting(Duration.ofMinutes(1), Duration.ofMinutes(15),
        List.of(new AlertReceiver("oncall", AlertReceiver.Kind.WEBHOOK, List.of(oncall.url()), AlertReceiver.WebhookFormat.GENERIC, SECRET),
            new AlertReceiver("provider", AlertReceiver.Kind.WEBHOOK, List.of(provider.url()), AlertReceiver.WebhookFormat.GENERIC, SECRET)),
        List.of(new AlertRoute(List.of("hanse-bank"), List.of(), List.of(), List.of("oncall"), null),
            new AlertRoute(List.of(), List.of(), List.of(), List.of("provider"), null)));
  }

  private AlertPipeline pipeline(Database database, Function<AlertReceiver, Channel> channels) {
    return new AlertPipeline(config(), database.dataSource(), t -> ZoneId.of("Europe/Berlin"), clock, channels, BACKOFF);
  }

  private AlertPipeline pipeline() {
    return pipeline(db, r -> new WebhookChannel(r, Duration.ofSeconds(5), clock));
  }

  static Notification page(String id, String tenant) {
    return new Notification(id, Notification.Kind.ALERT, Notification.Status.FIRING, "burn " + id,
        Map.of("alertname", "SloErrorBudgetBurn", "severity", "page", "tenant", tenant, "slo", "chat-availability"),
        Map.of(), Instant.parse("2026-03-02T09:55:00Z"), null, null, null, null, null);
  }

  @Test
  void aNotificationQueuedTwiceIsDeliveredOnceWithOneRecordedAttempt() {
    AlertPipeline p = pipeline();
    assertThat(p.notify(page("evt-1", "hanse-bank"))).isEqualTo(2);
    assertThat(p.notify(page("evt-1", "hanse-bank"))).as("same idempotency key").isZero();
    assertThat(p.dispatcher().runOnce()).isEqualTo(2);
    assertThat(p.dispatcher().runOnce()).isZero();
    assertThat(oncall.wire).containsExactlyEntriesOf(Map.of("evt-1", 1));
    assertThat(provider.wire).containsExactlyEntriesOf(Map.of("evt-1", 1));
    assertThat(oncall.refusals).isEmpty();
    Outbox.Entry e = p.outbox().entries().get(0);
    assertThat(e.state()).isEqualTo("delivered");
    assertThat(p.outbox().attempts(e.id())).singleElement().satisfies(a -> assertThat(a.httpStatus()).isEqualTo(200));
  }

  @Test
  void failedAttemptsAreRetriedAfterTheBackoffAndEveryAttemptIsRecorded() {
    AlertPipeline p = pipeline();
    p.notify(page("evt-2", "acme"));
    provider.script.addAll(List.of(503, 503));
    p.dispatcher().runOnce();
    assertThat(p.dispatcher().runOnce()).as("not due before the backoff").isZero();
    now.set(now.get().plusSeconds(60));
    p.dispatcher().runOnce();
    now.set(now.get().plusSeconds(60));
    p.dispatcher().runOnce();
    assertThat(provider.wire).containsEntry("evt-2", 3);
    assertThat(provider.processed).containsExactly("evt-2");
    assertThat(oncall.wire).as("hanse-bank's receiver never sees acme's alert").isEmpty();
    Outbox.Entry e = p.outbox().entries().get(0);
    assertThat(e.state()).isEqualTo("delivered");
    assertThat(p.outbox().attempts(e.id())).extracting(Outbox.RecordedAttempt::httpStatus).containsExactly(503, 503, 200);
    assertThat(p.outbox().attempts(e.id()).get(0).error()).startsWith("HTTP 503");
  }

  @Test
  void aDeliveryFailingLongerThanConfiguredRaisesOneProviderAlertToTheOtherReceivers() {
    AlertPipeline p = pipeline();
    p.notify(page("evt-3", "hanse-bank"));
    for (int i = 0; i < 50; i++) {
      oncall.script.add(500);
    }
    for (int minute = 0; minute <= 20; minute++) {
      p.dispatcher().runOnce();
      now.set(now.get().plusSeconds(60));
    }
    assertThat(oncall.processed).isEmpty();
    assertThat(provider.processed).containsExactly("evt-3", "delivery-failing-1");
    assertThat(provider.bodies.get(1)).contains("\"alertname\":\"SlamonDeliveryFailing\"", "\"receiver\":\"oncall\"", "evt-3");
    // Still retried after the alert, with the backoff capped at 40 s.
    assertThat(oncall.wire.get("evt-3")).isGreaterThan(20);

    oncall.script.clear(); // the receiver is back: the row goes out and the provider alert resolves
    now.set(now.get().plusSeconds(60));
    p.dispatcher().runOnce();
    p.dispatcher().runOnce();
    assertThat(oncall.processed).containsExactly("evt-3");
    assertThat(provider.processed).containsExactly("evt-3", "delivery-failing-1", "delivery-failing-1-resolved");
    assertThat(provider.bodies.get(2)).contains("\"status\":\"resolved\"", "recovered");
  }

  @Test
  void aRefusedDeliveryIsNotRetriedAndRaisesTheProviderAlert() {
    AlertPipeline p = pipeline();
    p.notify(page("evt-4", "hanse-bank"));
    oncall.script.add(400);
    p.dispatcher().runOnce();
    now.set(now.get().plusSeconds(600));
    p.dispatcher().runOnce();
    assertThat(oncall.wire).containsEntry("evt-4", 1);
    assertThat(p.outbox().entries()).filteredOn(e -> e.receiver().equals("oncall")).singleElement()
        .satisfies(e -> assertThat(e.state()).isEqualTo("rejected"));
    assertThat(provider.processed).contains("delivery-failing-1");
  }

  @Test
  void twoDispatchersOnTheSameOutboxNeverSendTheSameEntry() throws Exception {
    AlertPipeline p = pipeline();
    for (int i = 0; i < 40; i++) {
      p.notify(page("evt-c" + i, "acme"));
    }
    try (Database second = Database.open(settings, msg -> {}); var pool = Executors.newFixedThreadPool(2)) {
      AlertPipeline other = pipeline(second, r -> new WebhookChannel(r, Duration.ofSeconds(5), clock));
      List<Future<Integer>> runs = new ArrayList<>();
      runs.add(pool.submit(() -> p.dispatcher().runOnce()));
      runs.add(pool.submit(() -> other.dispatcher().runOnce()));
      int total = 0;
      for (Future<Integer> f : runs) {
        total += f.get();
      }
      assertThat(total).isEqualTo(40);
    }
    assertThat(provider.wire).hasSize(40).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
  }

  /** Thrown by a channel after the receiver got the request: the process "dies" before it can commit. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void aCrashMidDeliveryResendsTheSameKeyAfterRestartAndTheReceiverProcessesItOnce() {
    pipeline().notify(page("evt-5", "acme"));
    try (Database crashing = Database.open(settings, msg -> {})) {
      AlertPipeline dying = pipeline(crashing, r -> n -> {
        new WebhookChannel(r, Duration.ofSeconds(5), clock).deliver(n);
        throw new Crash();
      });
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.dispatcher().runOnce()).isInstanceOf(Crash.class);
    }
    AlertPipeline restarted = pipeline();
    assertThat(restarted.dispatcher().runOnce()).isEqualTo(1);
    assertThat(restarted.dispatcher().runOnce()).isZero();
    assertThat(provider.wire).containsEntry("evt-5", 2);
    assertThat(provider.processed).containsExactly("evt-5");
    assertThat(restarted.outbox().entries()).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo("delivered"));
  }

  @Test
  void aHangingReceiverDoesNotDelayAnotherReceiversEntries() throws Exception {
    var release = new java.util.concurrent.CountDownLatch(1);
    AlertPipeline p = pipeline(db, r -> {
      Channel real = new WebhookChannel(r, Duration.ofSeconds(5), clock);
      return "oncall".equals(r.name()) ? n -> {
        try {
          release.await(); // hangs like a receiver that does not answer, until the test lets it go
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return real.deliver(n);
      } : real;
    });
    try {
      p.notify(page("evt-h1", "hanse-bank")); // oncall's row is queued first, so one queue would block on it
      p.notify(page("evt-h2", "acme"));
      var pool = Executors.newSingleThreadExecutor();
      Future<Integer> pass = pool.submit(() -> p.dispatcher().runOnce());
      awaitUntil(() -> provider.processed.size() == 2 && !p.dispatcher().draining("provider"));
      assertThat(provider.processed).containsExactlyInAnyOrder("evt-h1", "evt-h2");
      assertThat(pass).isNotDone();
      assertThat(oncall.wire).isEmpty();

      // The runtime's path: oncall is still being drained, so it gets no second task; new work for provider does.
      assertThat(p.dispatcher().dispatchInBackground()).as("only oncall is due, and busy").isZero();
      p.notify(page("evt-h3", "acme"));
      assertThat(p.dispatcher().dispatchInBackground()).isEqualTo(1);
      awaitUntil(() -> provider.processed.contains("evt-h3"));
      assertThat(oncall.wire).isEmpty();

      release.countDown();
      assertThat(pass.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
      pool.shutdown();
      assertThat(oncall.processed).containsExactly("evt-h1");
      assertThat(oncall.wire).containsExactlyEntriesOf(Map.of("evt-h1", 1));
      assertThat(provider.wire).containsExactlyInAnyOrderEntriesOf(Map.of("evt-h1", 1, "evt-h2", 1, "evt-h3", 1));
      assertThat(p.dispatcher().runOnce()).isZero();
    } finally {
      release.countDown();
      p.dispatcher().close();
    }
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(20);
    }
  }
}
