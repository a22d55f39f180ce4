package io.slamon.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.AvailabilityClass;
import io.slamon.core.config.Asset;
import io.slamon.core.config.Contract;
import io.slamon.core.config.IncidentTargets;
import io.slamon.core.config.PatchRule;
import io.slamon.incident.ObligationScanner.TenantContract;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Event;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Missed RPOs and overdue patches from events stored in a real database. */
class ObligationScannerIT {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Contract CONTRACT = new Contract(AvailabilityClass.VK2, ZoneId.of("Europe/Berlin"), List.of(),
      List.of(new Asset("object-storage", Duration.ofHours(1), Duration.ofMinutes(15)),
          new Asset("model-registry", Duration.ofHours(2), Duration.ofHours(1)),
          new Asset("control-plane", Duration.ofMinutes(30), Duration.ofMinutes(5))),
      List.of(new PatchRule(9.0, null, Duration.ofHours(24)), new PatchRule(7.0, 8.9, Duration.ofDays(7))),
      List.of(), IncidentTargets.DEFAULT, List.of());

  private DatabaseSettings settings;
  private Database db;
  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private ObligationScanner scanner;

  @BeforeEach
  void openDatabase() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {}, () -> NOW);
    scanner = new ObligationScanner(db.eventStore(), now::get, Duration.ofMinutes(2));
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private void event(String tenant, String type, Instant at, Map<String, Object> attributes) {
    db.eventStore().append(new Event(UUID.randomUUID().toString(), tenant, type, at, "test", attributes));
  }

  private List<String> scan(String tenant) {
    return scanner.scan(List.of(new TenantContract(tenant, CONTRACT))).stream()
        .map(s -> s.kind() + " " + s.subject() + " " + s.component()).toList();
  }

  @Test
  void anAssetWhoseNewestSuccessfulBackupIsOlderThanItsRpoOpensAnIncident() {
    // object-storage: RPO 15 m, newest success 20 min ago (a later one failed)
    event("hanse-bank", "backup.completed", NOW.minus(Duration.ofMinutes(20)), Map.of("asset", "object-storage"));
    event("hanse-bank", "backup.failed", NOW.minus(Duration.ofMinutes(5)), Map.of("asset", "object-storage", "reason", "disk full"));
    // model-registry: RPO 1 h, backed up 30 min ago
    event("hanse-bank", "backup.completed", NOW.minus(Duration.ofMinutes(30)), Map.of("asset", "model-registry"));
    // control-plane: no backup events at all, so no evidence source and no page
    // another tenant's fresh backup does not help
    event("acme-logistik", "backup.completed", NOW.minus(Duration.ofMinutes(1)), Map.of("asset", "object-storage"));

    List<Signal> signals = scanner.scan(List.of(new TenantContract("hanse-bank", CONTRACT)));
    assertThat(signals).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(Signal.Kind.RPO_MISSED);
      assertThat(s.subject()).isEqualTo("object-storage");
      assertThat(s.detail()).isEqualTo("newest successful backup of object-storage is from 2026-11-24T11:40:00Z, PT20M old; RPO PT15M");
    });
    assertThat(scan("acme-logistik")).isEmpty();

    // only failures: missed too
    event("hanse-bank", "backup.failed", NOW.minus(Duration.ofMinutes(10)), Map.of("asset", "control-plane", "reason", "x"));
    assertThat(scan("hanse-bank")).containsExactly("RPO_MISSED object-storage backup", "RPO_MISSED control-plane backup");
  }

  @Test
  void aBackupJustPastItsRpoIsWithinTheGraceForLateEvents() {
    event("hanse-bank", "backup.completed", NOW.minus(Duration.ofMinutes(16)), Map.of("asset", "object-storage"));
    assertThat(scan("hanse-bank")).isEmpty();
    now.set(NOW.plus(Duration.ofMinutes(2)));
    assertThat(scan("hanse-bank")).containsExactly("RPO_MISSED object-storage backup");
  }

  @Test
  void aCvePastItsBandsDeadlineWithoutAPatchOpensAnIncident() {
    // provider-wide critical CVE, 30 h old: the 24 h band is overdue
    event(null, "cve.published", NOW.minus(Duration.ofHours(30)),
        Map.of("cve", "CVE-2026-11111", "cvss", 9.8, "component", "nvidia-driver"));
    // tenant's high CVE, 2 days old: 7 d band, still open
    event("hanse-bank", "cve.published", NOW.minus(Duration.ofDays(2)),
        Map.of("cve", "CVE-2026-22222", "cvss", 7.5, "component", "kubernetes"));
    // critical CVE patched in time
    event(null, "cve.published", NOW.minus(Duration.ofHours(40)), Map.of("cve", "CVE-2026-33333", "cvss", 9.1, "component", "vllm"));
    event(null, "patch.applied", NOW.minus(Duration.ofHours(30)), Map.of("cve", "CVE-2026-33333", "component", "vllm"));
    // critical CVE, a patch of another component does not count
    event("hanse-bank", "cve.published", NOW.minus(Duration.ofHours(25)),
        Map.of("cve", "CVE-2026-44444", "cvss", 10.0, "component", "containerd"));
    event("hanse-bank", "patch.applied", NOW.minus(Duration.ofHours(1)), Map.of("component", "linux-kernel"));
    // medium CVE: no band in this contract
    event(null, "cve.published", NOW.minus(Duration.ofDays(100)), Map.of("cve", "CVE-2026-55555", "cvss", 5.0, "component", "kernel"));

    List<Signal> signals = scanner.scan(List.of(new TenantContract("hanse-bank", CONTRACT)));
    assertThat(signals).extracting(s -> s.kind() + " " + s.subject() + " " + s.component())
        .containsExactlyInAnyOrder("PATCH_OVERDUE CVE-2026-11111 nvidia-driver", "PATCH_OVERDUE CVE-2026-44444 containerd");
    assertThat(signals).filteredOn(s -> s.subject().equals("CVE-2026-11111")).singleElement()
        .satisfies(s -> assertThat(s.detail()).isEqualTo("CVE-2026-11111 (CVSS 9.8) on nvidia-driver published 2026-11-23T06:00:00Z,"
            + " patch due 2026-11-24T06:00:00Z, overdue by PT6H"));

    // the late patch arrives: no more signal for it
    event(null, "patch.applied", NOW.minus(Duration.ofMinutes(10)), Map.of("cve", "CVE-2026-11111", "component", "nvidia-driver"));
    assertThat(scan("hanse-bank")).containsExactly("PATCH_OVERDUE CVE-2026-44444 containerd");
  }

  @Test
  void repeatedScansJoinTheOpenIncidentInsteadOfOpeningAnother() {
    event("hanse-bank", "backup.completed", NOW.minus(Duration.ofHours(3)), Map.of("asset", "model-registry"));
    var opener = new IncidentOpener(db.incidentStore(), db.auditLog(), now::get);
    var first = scanner.scan(List.of(new TenantContract("hanse-bank", CONTRACT))).stream().map(opener::open).toList();
    var second = scanner.scan(List.of(new TenantContract("hanse-bank", CONTRACT))).stream().map(opener::open).toList();
    assertThat(first).singleElement().satisfies(o -> {
      assertThat(o.opened()).isTrue();
      assertThat(o.incident().severity()).isEqualTo("P2");
      assertThat(o.incident().title()).isEqualTo("RPO of model-registry missed (hanse-bank)");
    });
    assertThat(second).singleElement().satisfies(o -> assertThat(o.opened()).isFalse());
    assertThat(db.incidentStore().activity(first.getFirst().incident().id()).repeats()).isEqualTo(1);
  }
}
