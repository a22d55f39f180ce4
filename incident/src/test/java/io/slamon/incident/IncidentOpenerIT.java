package io.slamon.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IncidentOpenerIT {
  private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
  private static DatabaseSettings settings;
  private static Database db;

  @BeforeAll
  static void openDatabase() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
  }

  @AfterAll
  static void closeDatabase() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  @Test
  void stateChangesAreStoredAndAuditedAndAResolvedIncidentNoLongerAbsorbsItsSignal() {
    var clock = InstantSource.fixed(T);
    var opener = new IncidentOpener(db.incidentStore(), db.auditLog(), clock);
    var lifecycle = new IncidentLifecycle(db.incidentStore(), db.auditLog(), clock);
    var down = new Signal("stadtwerke-nord", Signal.Kind.TARGET_DOWN, "127.0.0.1:18002", "vllm", "up == 0", T);
    String id = opener.open(down).incident().id();

    lifecycle.transition(id, IncidentState.ACKNOWLEDGED, "oncall@example.de", null);
    var resolved = lifecycle.transition(id, IncidentState.RESOLVED, "oncall@example.de", "restarted the pod");

    assertThat(resolved.state()).isEqualTo("resolved");
    assertThat(db.auditLog().forSubject(id)).extracting(e -> e.action() + ":" + e.oldValue() + "->" + e.newValue())
        .containsExactly("opened:null->P1 open", "state:open->acknowledged", "state:acknowledged->resolved");
    assertThat(opener.open(down).opened()).as("the signal again after resolution opens a new incident").isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.transition(id, IncidentState.CANCELLED, "x", "oops"))
        .hasMessageContaining("cannot make " + id + " cancelled");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.transition("INC-2026-999999", IncidentState.CLOSED, "x", null))
        .hasMessage("no incident INC-2026-999999");
  }

  @Test
  void aRepeatedSignalJoinsTheOpenIncidentAndUsesNoNewId() {
    var opener = new IncidentOpener(db.incidentStore(), db.auditLog(), InstantSource.fixed(T));
    var breach = new Signal("hanse-bank", Signal.Kind.SLO_BREACH, "chat-ttft", "inference", "attainment 80 %", T);

    var first = opener.open(breach);
    var again = opener.open(breach);
    var other = opener.open(new Signal("hanse-bank", Signal.Kind.GPU_XID, "gpu-node-01/3", "gpu", "XID 79", T));

    assertThat(first.opened()).isTrue();
    assertThat(first.incident().severity()).isEqualTo("P2");
    assertThat(first.incident().title()).isEqualTo("SLO chat-ttft breached (hanse-bank)");
    assertThat(again.opened()).isFalse();
    assertThat(again.incident()).isEqualTo(first.incident());
    assertThat(other.opened()).isTrue();
    // ids stay consecutive: the repeat did not consume one
    long firstNo = Long.parseLong(first.incident().id().substring("INC-2026-".length()));
    assertThat(other.incident().id()).isEqualTo("INC-2026-%06d".formatted(firstNo + 1));
    assertThat(db.incidentStore().list("hanse-bank")).hasSize(2);
    // the repeat is counted on the open incident, not lost
    assertThat(db.incidentStore().activity(first.incident().id()).repeats()).isEqualTo(1);
    assertThat(db.incidentStore().activity(first.incident().id()).lastSeenAt()).isEqualTo(T);
    assertThat(db.incidentStore().activity(other.incident().id()).repeats()).isZero();
    assertThat(db.incidentStore().list("acme-logistik")).isEmpty();
    assertThat(db.auditLog().forSubject(first.incident().id())).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("opened");
      assertThat(e.newValue()).isEqualTo("P2 open");
      assertThat(e.reason()).isEqualTo("attainment 80 %");
    });
  }
}
