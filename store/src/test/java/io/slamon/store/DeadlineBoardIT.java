package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stored snapshot of regulatory deadlines: replaced whole, and a failed replace keeps the old one. */
class DeadlineBoardIT {
  private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
  private DatabaseSettings settings;
  private Database db;

  @BeforeEach
  void open() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, m -> {});
  }

  @AfterEach
  void close() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  @Test
  void a_replace_swaps_the_whole_snapshot() throws Exception {
    db.deadlineBoard().replace(List.of(
        new DeadlineBoard.Row("INC-1", "NIS2/early-warning", "NIS2", T.plusSeconds(86_400), T.plusSeconds(90_000), "RUNNING"),
        new DeadlineBoard.Row("INC-2", "DORA/initial", "DORA", T.plusSeconds(14_400), null, "RUNNING")), T);
    db.deadlineBoard().replace(List.of(
        new DeadlineBoard.Row("INC-2", "DORA/initial", "DORA", T.plusSeconds(14_400), null, "OVERDUE")), T.plusSeconds(60));
    assertThat(rows()).containsExactly("INC-2 DORA/initial OVERDUE");
  }

  @Test
  void a_replace_that_fails_keeps_the_previous_snapshot() throws Exception {
    var row = new DeadlineBoard.Row("INC-1", "NIS2/early-warning", "NIS2", T, null, "RUNNING");
    db.deadlineBoard().replace(List.of(row), T);
    // the same key twice violates the primary key half-way through
    assertThatThrownBy(() -> db.deadlineBoard().replace(List.of(
        new DeadlineBoard.Row("INC-9", "NIS2/early-warning", "NIS2", T, null, "RUNNING"), row, row), T))
        .isInstanceOf(StoreException.class).hasMessageContaining("could not store the regulatory deadlines");
    assertThat(rows()).containsExactly("INC-1 NIS2/early-warning RUNNING");
  }

  private List<String> rows() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT incident_id, kind, state FROM regulatory_deadlines ORDER BY due")) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
    }
    return out;
  }
}
