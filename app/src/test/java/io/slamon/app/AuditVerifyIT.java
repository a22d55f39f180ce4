package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code slamon audit verify} against a real database, before and after someone edits a row. */
class AuditVerifyIT {
  private DatabaseSettings settings;
  private Database db;
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void openDatabase() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    Instant t = Instant.parse("2026-10-23T08:00:00Z");
    db.auditLog().append(t, "slamon", "INC-2026-000001", "opened", null, "P2 open", "SLO breach");
    db.auditLog().append(t.plusSeconds(60), "oncall@example.de", "INC-2026-000001", "state", "open", "acknowledged", null);
    db.auditLog().append(t.plusSeconds(90), "dpo@example.de", "INC-2026-000001", "classify", null, "DSGVO_CONTROLLER", "customer data");
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private int verify() {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    return cmd.execute("audit", "verify", "--db-url", settings.url(), "--db-user", settings.user(), "--db-password",
        settings.password() == null ? "" : settings.password());
  }

  @Test
  void anUntouchedLogVerifies() {
    assertThat(verify()).isZero();
    assertThat(out.toString()).startsWith("audit log intact: 3 entries, last #3 ");
  }

  @Test
  void aRowEditedBehindSlamonsBackIsNamedAndFailsVerification() throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      // A database superuser can switch off the append-only trigger; the chain still shows the edit.
      s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
      s.executeUpdate("UPDATE audit_log SET new_value = 'resolved' WHERE seq = 2");
      s.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
    }
    assertThat(verify()).isEqualTo(3);
    assertThat(out.toString()).contains("audit log BROKEN at entry #2", "(state on INC-2026-000001) was changed");
  }

  @Test
  void aDeletedRowIsNamedAsMissing() throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
      s.executeUpdate("DELETE FROM audit_log WHERE seq = 2");
      s.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
    }
    assertThat(verify()).isEqualTo(3);
    assertThat(out.toString()).contains("audit log BROKEN at entry #2: entry #2 is missing");
  }
}
