package io.slamon.core.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where data goes. Without {@code url} slamon starts an embedded PostgreSQL under {@code
 * dataDirectory}.
 *
 * @param url JDBC URL ({@code jdbc:postgresql://...}) or null for the embedded database
 * @param user database user or null
 * @param password database password or null
 * @param dataDirectory embedded database and spool directory; relative paths are relative to the
 *     working directory of the slamon process
 */
public record Storage(
    String url, String user, String password, Path dataDirectory, Retention retention) {
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data");

  public Storage {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(retention, "retention");
  }

  public Optional<String> jdbcUrl() {
    return Optional.ofNullable(url);
  }

  public boolean embedded() {
    return url == null;
  }

  @Override
  public String toString() {
    // never print the password
    return "Storage[url=" + url + ", user=" + user + ", dataDirectory=" + dataDirectory + "]";
  }
}
