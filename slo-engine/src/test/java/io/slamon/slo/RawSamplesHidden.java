package io.slamon.slo;

import io.slamon.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Failure injection for "never reads raw samples": renames the {@code samples} table while {@code
 * work} runs, so any raw read fails with "relation samples does not exist"; the rollups stay.
 * Renamed back afterwards, whatever happened.
 */
final class RawSamplesHidden {
  private RawSamplesHidden() {}

  static <T> T during(Database db, Supplier<T> work) {
    rename(db, "samples", "samples_hidden_by_test");
    try {
      return work.get();
    } finally {
      rename(db, "samples_hidden_by_test", "samples");
    }
  }

  private static void rename(Database db, String from, String to) {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + from + " RENAME TO " + to);
    } catch (SQLException e) {
      throw new IllegalStateException("could not rename " + from + " to " + to, e);
    }
  }
}
