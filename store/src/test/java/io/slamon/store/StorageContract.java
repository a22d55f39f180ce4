package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Every storage test, run once per backend by a subclass (embedded PostgreSQL always,
 * TimescaleDB when reachable). Subclasses open a fresh database through the production path
 * ({@link Database#open}: Flyway migrations plus backend-specific DDL). Tests stay independent
 * through unique tenant ids.
 */
public abstract class StorageContract {
  private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

  /** The database under test, opened once per subclass. */
  protected abstract Database database();

  /** Which backend kind this run must have detected. */
  protected abstract Backend.Kind expectedKind();

  /** The rollup contract on the same database. */
  @org.junit.jupiter.api.Nested
  class Rollups extends RollupContract {
    @Override
    protected Database database() {
      return StorageContract.this.database();
    }
  }

  private static String tenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Sample sample(String tenant, String metric, Map<String, String> labels, Instant at, double value) {
    return new Sample(tenant, metric, labels, at.toEpochMilli(), value);
  }

  private List<SampleReader.Series> read(String tenant, String metric, Instant from, Instant to) {
    return database().sampleStore().query(tenant, metric, Map.of(), from, to);
  }

  @Test
  void samplesComeBackPerSeriesInTimeOrder() {
    String tenant = tenant();
    Instant t0 = NOW.minusSeconds(60);
    database().sampleStore().write(List.of(
        sample(tenant, "DCGM_FI_DEV_GPU_UTIL", Map.of("gpu", "1"), t0.plusSeconds(30), 80),
        sample(tenant, "DCGM_FI_DEV_GPU_UTIL", Map.of("gpu", "0"), t0, 10),
        sample(tenant, "DCGM_FI_DEV_GPU_UTIL", Map.of("gpu", "0"), t0.plusSeconds(30), 20)));

    List<SampleReader.Series> series = read(tenant, "DCGM_FI_DEV_GPU_UTIL", t0, t0.plusSeconds(60));

    assertThat(series).hasSize(2);
    SampleReader.Series gpu0 = series.stream().filter(s -> s.labels().equals(Map.of("gpu", "0"))).findFirst().orElseThrow();
    assertThat(gpu0.tenant()).isEqualTo(tenant);
    assertThat(gpu0.points()).containsExactly(
        new SampleReader.Point(t0.toEpochMilli(), 10), new SampleReader.Point(t0.plusSeconds(30).toEpochMilli(), 20));
  }

  @Test
  void theQueryWindowIncludesItsStartAndExcludesItsEnd() {
    String tenant = tenant();
    Instant t0 = NOW.minusSeconds(120);
    database().sampleStore().write(List.of(
        sample(tenant, "m", Map.of(), t0, 1), sample(tenant, "m", Map.of(), t0.plusSeconds(10), 2)));

    assertThat(read(tenant, "m", t0, t0.plusSeconds(10)).getFirst().points())
        .containsExactly(new SampleReader.Point(t0.toEpochMilli(), 1));
  }

  @Test
  void aSampleDeliveredTwiceIsStoredOnce() {
    String tenant = tenant();
    Sample s = sample(tenant, "vllm:num_requests_running", Map.of("model", "llama"), NOW.minusSeconds(5), 3);
    database().sampleStore().write(List.of(s, s));
    database().sampleStore().write(List.of(s));

    assertThat(read(tenant, s.metric(), NOW.minusSeconds(10), NOW).getFirst().points()).hasSize(1);
  }

  @Test
  void aTenantNeverSeesAnotherTenantsSamples() {
    String a = tenant();
    String b = tenant();
    database().sampleStore().write(List.of(
        sample(a, "tokens_total", Map.of("model", "m"), NOW.minusSeconds(5), 100),
        sample(b, "tokens_total", Map.of("model", "m"), NOW.minusSeconds(5), 999)));

    List<SampleReader.Series> seenByA = read(a, "tokens_total", NOW.minusSeconds(10), NOW);

    assertThat(seenByA).hasSize(1);
    assertThat(seenByA.getFirst().tenant()).isEqualTo(a);
    assertThat(seenByA.getFirst().points()).extracting(SampleReader.Point::value).containsExactly(100.0);
  }

  @Test
  void providerScopeSeriesAreSeparateFromTenantSeries() {
    String tenant = tenant();
    String metric = "DCGM_FI_DEV_XID_ERRORS_" + UUID.randomUUID().toString().substring(0, 6);
    database().sampleStore().write(List.of(
        sample(null, metric, Map.of("gpu", "3"), NOW.minusSeconds(5), 79),
        sample(tenant, metric, Map.of("gpu", "3"), NOW.minusSeconds(5), 0)));

    List<SampleReader.Series> provider = read(null, metric, NOW.minusSeconds(10), NOW);

    assertThat(provider).singleElement().satisfies(s -> {
      assertThat(s.tenant()).isNull();
      assertThat(s.points()).extracting(SampleReader.Point::value).containsExactly(79.0);
    });
    assertThat(read(tenant, metric, NOW.minusSeconds(10), NOW).getFirst().points())
        .extracting(SampleReader.Point::value).containsExactly(0.0);
  }

  @Test
  void labelMatchersSelectSeriesContainingAllGivenLabels() {
    String tenant = tenant();
    database().sampleStore().write(List.of(
        sample(tenant, "ttft", Map.of("model", "a", "endpoint", "chat"), NOW.minusSeconds(5), 1),
        sample(tenant, "ttft", Map.of("model", "b", "endpoint", "chat"), NOW.minusSeconds(5), 2)));

    List<SampleReader.Series> series =
        database().sampleStore().query(tenant, "ttft", Map.of("model", "b"), NOW.minusSeconds(10), NOW);

    assertThat(series).singleElement().satisfies(s -> assertThat(s.labels()).containsEntry("model", "b"));
  }

  @Test
  void nanAndInfinitiesAreStoredAsSuch() {
    String tenant = tenant();
    Instant t = NOW.minusSeconds(30);
    database().sampleStore().write(List.of(
        sample(tenant, "nan", Map.of(), t, Double.NaN),
        sample(tenant, "nan", Map.of(), t.plusSeconds(1), Double.POSITIVE_INFINITY),
        sample(tenant, "nan", Map.of(), t.plusSeconds(2), Double.NEGATIVE_INFINITY)));

    assertThat(read(tenant, "nan", t, NOW).getFirst().points()).extracting(SampleReader.Point::value)
        .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  @Test
  void samplesWithTimestampsFarOutsideTheCurrentPartitionsAreNotLost() {
    String tenant = tenant();
    Instant old = Instant.parse("2001-07-14T10:00:00Z");
    Instant future = Instant.parse("2090-01-01T00:00:00Z");
    database().sampleStore().write(List.of(
        sample(tenant, "gpu_temp", Map.of(), old, 61), sample(tenant, "gpu_temp", Map.of(), future, 62),
        sample(tenant, "gpu_temp", Map.of(), NOW.minusSeconds(1), 63)));

    assertThat(read(tenant, "gpu_temp", Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"))
        .getFirst().points()).extracting(SampleReader.Point::value).containsExactly(61.0, 63.0, 62.0);
  }

  @Test
  void aBatchWithAnInvalidSampleIsRejectedWhole() {
    String tenant = tenant();
    List<Sample> batch = List.of(
        sample(tenant, "m", Map.of(), NOW.minusSeconds(3), 1), sample("", "m", Map.of(), NOW.minusSeconds(3), 2));

    assertThatThrownBy(() -> database().sampleStore().write(batch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample #1")
        .hasMessageContaining("empty tenant");
    assertThat(read(tenant, "m", NOW.minusSeconds(10), NOW)).isEmpty();
  }

  @Test
  void eventsAreIdempotentByIdAndListedPerTenantAndTypePrefix() {
    String a = tenant();
    String b = tenant();
    String id = UUID.randomUUID().toString();
    Instant t = NOW.minusSeconds(600);
    EventStore events = database().eventStore();
    Event backup = new Event(id, a, "backup.completed", t, "backup-agent",
        Map.of("asset", "object-storage", "bytes", 12345, "verified", true, "ratio", 0.5));

    assertThat(events.append(backup)).isTrue();
    assertThat(events.append(backup)).isFalse();
    events.append(new Event(UUID.randomUUID().toString(), a, "patch.applied", t, "ops", Map.of()));
    events.append(new Event(UUID.randomUUID().toString(), b, "backup.failed", t, "backup-agent", Map.of()));
    events.append(new Event(UUID.randomUUID().toString(), a, "backupXcompleted", t, "x", Map.of()));

    List<Event> listed = events.list(a, "backup.", t, NOW);

    assertThat(listed).containsExactly(backup);
    assertThat(events.list(b, "backup.", t, NOW)).extracting(Event::type).containsExactly("backup.failed");
    assertThat(events.list(a, "", t, NOW)).hasSize(3);
  }

  @Test
  void theLatestSloStatusIsTheNewestEvaluationOfEachSlo() {
    String tenant = tenant();
    SloStatusStore store = database().sloStatusStore();
    Instant t = NOW.minus(Duration.ofHours(2));
    store.append(status(tenant, "availability", t, 0.9995));
    store.append(status(tenant, "availability", t.plusSeconds(60), 0.9991));
    store.append(status(tenant, "ttft-p95", t, 0.97));
    store.append(status(tenant(), "availability", t.plusSeconds(120), 0.5));

    assertThat(store.latest(tenant, "availability")).map(SloStatus::attainment).contains(0.9991);
    assertThat(store.latest(tenant)).extracting(SloStatus::slo, SloStatus::attainment)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("availability", 0.9991), org.assertj.core.groups.Tuple.tuple("ttft-p95", 0.97));
    assertThat(store.latest(tenant, "unknown")).isEmpty();
  }

  private static SloStatus status(String tenant, String slo, Instant at, double attainment) {
    return new SloStatus(tenant, slo, at, at.minus(Duration.ofDays(30)), at, 1000, 1000, 0.999, attainment, 0.4);
  }

  @Test
  void openOrGetReturnsTheLiveIncidentWithTheSameFingerprint() throws SQLException {
    String tenant = tenant();
    IncidentStore store = database().incidentStore();
    IncidentRecord first = incident(store.nextId(2026), tenant, "slo:availability:gpu-nodes");
    IncidentRecord duplicate = incident(store.nextId(2026), tenant, "slo:availability:gpu-nodes");
    IncidentRecord otherTenant = incident(store.nextId(2026), tenant(), "slo:availability:gpu-nodes");

    assertThat(store.openOrGet(first)).isEqualTo(first);
    assertThat(store.openOrGet(duplicate)).isEqualTo(first);
    assertThat(store.openOrGet(otherTenant)).isEqualTo(otherTenant);
    assertThat(store.find(first.id())).contains(first);
    assertThat(store.list(tenant)).containsExactly(first);
    assertThat(store.findLive(tenant, "slo:availability:gpu-nodes")).contains(first);
    assertThat(store.findLive(tenant, "slo:other")).isEmpty();

    assertThat(store.updateState(first.id(), "resolved", "closed", first.openedAt())).as("stale expected state").isEmpty();
    Instant ackedAt = first.openedAt().plusSeconds(300);
    assertThat(store.updateState(first.id(), "open", "acknowledged", ackedAt)).hasValueSatisfying(r -> {
      assertThat(r.state()).isEqualTo("acknowledged");
      assertThat(r.updatedAt()).isEqualTo(ackedAt);
    });
    assertThat(store.findLive(tenant, "slo:availability:gpu-nodes")).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo("acknowledged"));

    resolve(first.id());
    assertThat(store.findLive(tenant, "slo:availability:gpu-nodes")).isEmpty();
    IncidentRecord reopened = incident(store.nextId(2026), tenant, "slo:availability:gpu-nodes");
    assertThat(store.openOrGet(reopened)).isEqualTo(reopened);
  }

  private void resolve(String id) throws SQLException {
    try (Connection c = database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE incidents SET state = 'resolved' WHERE id = ?")) {
      ps.setString(1, id);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static IncidentRecord incident(String id, String tenant, String fingerprint) {
    Instant at = NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    return new IncidentRecord(id, tenant, fingerprint, "P2", "open", "GPU nodes unavailable", at, at);
  }

  @Test
  void incidentIdsAreGapFreeEvenUnderConcurrency() throws Exception {
    IncidentStore store = database().incidentStore();
    int year = 2400 + (int) (Math.random() * 5000); // a year no other test uses
    List<Future<String>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 40; i++) {
        futures.add(pool.submit(() -> store.nextId(year)));
      }
    }
    Set<String> ids = new HashSet<>();
    for (Future<String> f : futures) {
      ids.add(f.get());
    }
    Set<String> expected = new HashSet<>();
    for (int n = 1; n <= 40; n++) {
      expected.add("INC-%d-%06d".formatted(year, n));
    }
    assertThat(ids).isEqualTo(expected);
  }

  @Test
  void theAuditLogChainsEntriesAndRefusesUpdatesAndDeletes() throws SQLException {
    String subject = "INC-" + tenant();
    AuditLog log = database().auditLog();
    Instant t = Instant.parse("2026-10-23T08:00:00.123456789Z");
    io.slamon.core.audit.AuditEntry opened = log.append(t, "slamon", subject, "opened", null, "open", "SLO breach");
    io.slamon.core.audit.AuditEntry acked = log.append(t.plusSeconds(60), "oncall@example.de", subject, "state", "open", "acknowledged", null);

    assertThat(acked.prevHash()).isEqualTo(opened.hash());
    assertThat(log.forSubject(subject)).containsExactly(opened, acked);
    assertThat(io.slamon.core.audit.AuditChain.verify(log.all())).isEmpty();
    try (Connection c = database().dataSource().getConnection();
        PreparedStatement update = c.prepareStatement("UPDATE audit_log SET new_value = 'resolved' WHERE hash = ?")) {
      update.setString(1, acked.hash());
      assertThatThrownBy(update::executeUpdate).hasMessageContaining("audit_log is append-only: UPDATE refused");
    }
  }

  @Test
  void retentionDropsDataEntirelyOlderThanTheCutoffAndKeepsTheRest() {
    String tenant = tenant();
    Instant old = Instant.parse("1999-03-01T12:00:00Z");
    Instant kept = Instant.parse("1999-03-05T12:00:00Z");
    database().sampleStore().write(List.of(
        sample(tenant, "retained", Map.of(), old, 1), sample(tenant, "retained", Map.of(), kept, 2),
        sample(tenant, "retained", Map.of(), NOW.minusSeconds(1), 3)));

    List<String> dropped = database().retention().dropOlderThan("samples", Instant.parse("1999-03-03T00:00:00Z"));

    assertThat(dropped).isNotEmpty();
    assertThat(read(tenant, "retained", Instant.parse("1990-01-01T00:00:00Z"), NOW.plusSeconds(1)).getFirst().points())
        .extracting(SampleReader.Point::value).containsExactly(2.0, 3.0);
    // a late sample for the dropped day is stored again, not lost
    database().sampleStore().write(List.of(sample(tenant, "retained", Map.of(), old, 4)));
    assertThat(read(tenant, "retained", old, old.plusSeconds(1)).getFirst().points()).hasSize(1);
  }

  @Test
  void retentionRejectsTablesThatAreNotTimeSeries() {
    assertThatThrownBy(() -> database().retention().dropOlderThan("incidents", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("samples, slo_status");
  }

  @Test
  void theBackendIsDetectedAndTheTablesHaveTheMatchingLayout() throws SQLException {
    Backend backend = database().backend();

    assertThat(backend.kind()).isEqualTo(expectedKind());
    assertThat(backend.hypertables()).isEqualTo(expectedKind() != Backend.Kind.POSTGRES);
    assertThat(backend.compression()).isEqualTo(expectedKind() == Backend.Kind.TIMESCALE_COMMUNITY);
    assertThat(database().check()).isTrue();
    try (Connection c = database().dataSource().getConnection()) {
      for (String table : List.of("samples", "slo_status", "rollups_1m", "rollups_1h")) {
        if (backend.hypertables()) {
          assertThat(count(c, "SELECT count(*) FROM timescaledb_information.hypertables WHERE hypertable_name = '"
              + table + "'")).as(table + " is a hypertable").isEqualTo(1);
        } else {
          assertThat(count(c, "SELECT count(*) FROM pg_class WHERE relkind = 'p' AND relname = '" + table + "'"))
              .as(table + " is range-partitioned").isEqualTo(1);
        }
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
