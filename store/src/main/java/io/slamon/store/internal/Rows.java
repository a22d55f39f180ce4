package io.slamon.store.internal;

import io.slamon.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reading rows into records: the one loop every store shares. */
public final class Rows {
  private Rows() {}

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Runs the prepared statement and maps every row. */
  public static <T> List<T> read(PreparedStatement ps, Mapper<T> mapper) throws SQLException {
    List<T> result = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        result.add(mapper.map(rs));
      }
    }
    return result;
  }

  /**
   * Runs {@code sql} with the string parameters on a pooled connection; failures become a
   * {@link StoreException} saying "could not read {@code what}".
   */
  public static <T> List<T> query(DataSource dataSource, String what, String sql, Mapper<T> mapper, String... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setString(i + 1, parameters[i]);
      }
      return read(ps, mapper);
    } catch (SQLException e) {
      throw new StoreException("could not read " + what + ": " + e.getMessage(), e);
    }
  }
}
