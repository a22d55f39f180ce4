package io.slamon.app;

import io.slamon.core.config.SlamonConfig;
import io.slamon.store.DatabaseSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which database a command works on, shared by the commands that only read or change stored data:
 * {@code --db-url}, else {@code SLAMON_DB_URL}, else {@code storage.url} of {@code --config}, else
 * the embedded server under {@code --data-dir}.
 */
final class DatabaseOptions {
  @Option(names = "--config", paramLabel = "DIR", description = "configuration directory (for its storage settings)")
  Path configDir;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo",
      description = "data directory of the embedded database (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--db-url", paramLabel = "JDBC-URL", description = "PostgreSQL/TimescaleDB to use instead")
  String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER")
  String dbUser;

  @Option(names = "--db-password", paramLabel = "PASSWORD", description = "prefer SLAMON_DB_PASSWORD: arguments show in process lists")
  String dbPassword;

  /** The settings, or null after printing configuration problems to {@code err}. */
  DatabaseSettings settings(PrintWriter err) {
    if (dbUrl != null) {
      return new DatabaseSettings(dbUrl, dbUser, dbPassword != null ? dbPassword : System.getenv("SLAMON_DB_PASSWORD"), dataDir);
    }
    if (configDir != null) {
      SlamonConfig config = ConfigCommand.loadOrReport(configDir, err);
      return config == null ? null : ServeCommand.databaseSettings(config, dataDir);
    }
    return DatabaseSettings.fromEnvironment(dataDir);
  }
}
