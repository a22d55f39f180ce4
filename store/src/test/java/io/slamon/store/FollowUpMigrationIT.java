package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** V4_1 came after V5..V9 were released: a database already past V9 must still get it. */
class FollowUpMigrationIT {
  @Test
  void aDatabaseMigratedBeforeV4_1ExistedGetsItOutOfOrderOnTheNextOpen() throws SQLException {
    DatabaseSettings settings = SharedEmbeddedPostgres.freshDatabase();
    try {
      try (Database db = Database.open(settings, m -> {});
          Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        // back to the schema as V4..V9 left it, with V4_1 not recorded
        s.execute("ALTER TABLE rollups_1h DROP CONSTRAINT rollups_1h_pkey");
        s.execute("ALTER TABLE rollups_1h ADD CONSTRAINT rollups_1h_pkey PRIMARY KEY (series_id, hour)");
        s.execute("CREATE INDEX rollups_1h_series_covering ON rollups_1h (series_id, hour) INCLUDE (count, increase)");
        s.execute("DELETE FROM flyway_schema_history WHERE version = '4.1'");
      }

      try (Database db = Database.open(settings, m -> {});
          Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
              + " WHERE tablename = 'rollups_1h' ORDER BY indexname")) {
        List<String> indexes = new ArrayList<>();
        while (rs.next()) {
          indexes.add(rs.getString(1) + ": " + rs.getString(2));
        }
        assertThat(indexes).singleElement().asString()
            .startsWith("rollups_1h_pkey: ")
            .contains("(series_id, hour) INCLUDE (count, increase)");
      }
    } finally {
      SharedEmbeddedPostgres.drop(settings);
    }
  }
}
