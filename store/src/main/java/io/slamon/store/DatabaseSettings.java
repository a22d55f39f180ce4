package io.slamon.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the database is.
 *
 * @param url JDBC URL of an external PostgreSQL ({@code jdbc:postgresql://...}), or {@code null}
 *     to start the embedded PostgreSQL under {@code dataDirectory}
 * @param user database role, or {@code null} to take it from the URL (external) or use the
 *     embedded superuser
 * @param password password, or {@code null}
 * @param dataDirectory slamon's data directory; the embedded server keeps its files in
 *     {@code <dataDirectory>/postgres}. Required when {@code url} is {@code null}.
 */
public record DatabaseSettings(String url, String user, String password, Path dataDirectory) {
  public DatabaseSettings {
    url = blankToNull(url);
    user = blankToNull(user);
    if (url == null && dataDirectory == null) {
      throw new IllegalArgumentException(
          "no database configured: set SLAMON_DB_URL (jdbc:postgresql://host:port/db) or give a data"
              + " directory for the embedded PostgreSQL");
    }
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "database URL must start with jdbc:postgresql: (e.g. jdbc:postgresql://127.0.0.1:5432/slamon), got: "
              + url);
    }
  }

  /** Reads {@code SLAMON_DB_URL}, {@code SLAMON_DB_USER} and {@code SLAMON_DB_PASSWORD}. */
  public static DatabaseSettings fromEnvironment(Path dataDirectory) {
    return fromEnvironment(dataDirectory, System.getenv());
  }

  static DatabaseSettings fromEnvironment(Path dataDirectory, Map<String, String> env) {
    return new DatabaseSettings(
        env.get("SLAMON_DB_URL"), env.get("SLAMON_DB_USER"), env.get("SLAMON_DB_PASSWORD"), dataDirectory);
  }

  /** True when the embedded PostgreSQL is used. */
  public boolean embedded() {
    return url == null;
  }

  // The password must never reach a log line.
  @Override
  public String toString() {
    return "DatabaseSettings[url=" + (url == null ? "(embedded)" : url) + ", user=" + user
        + ", password=" + (password == null ? "(none)" : "****") + ", dataDirectory=" + dataDirectory + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
