package io.slamon.store;

import io.slamon.store.internal.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One embedded PostgreSQL per test JVM (started on first use, stopped by zonky's shutdown hook),
 * so suites do not pay a server start each. Tests get throw-away databases on it.
 */
public final class SharedEmbeddedPostgres {
  private static EmbeddedPostgresServer server;

  private SharedEmbeddedPostgres() {}

  public static synchronized EmbeddedPostgresServer server() {
    if (server == null) {
      // under target/, kept between runs so initdb runs once per checkout
      server = EmbeddedPostgresServer.start(Path.of("target", "it-postgres", "shared"), System.out::println);
    }
    return server;
  }

  /** Creates a fresh, empty database and returns settings pointing at it. */
  public static DatabaseSettings freshDatabase() {
    String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    server().createDatabaseIfMissing(name);
    return new DatabaseSettings(server().jdbcUrl(name), EmbeddedPostgresServer.SUPERUSER, null, null);
  }

  /** Drops a database made by {@link #freshDatabase()}. */
  public static void drop(DatabaseSettings settings) {
    String url = settings.url();
    server().dropDatabase(url.substring(url.lastIndexOf('/') + 1));
  }
}
