package io.slamon.app;

import io.slamon.core.config.SlamonConfig;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slamon serve}: collector and SLO evaluation for a configuration, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run slamon for a configuration: scrape its targets, receive events, evaluate every tenant SLO"
          + " on the configured interval and open incidents.",
      "Uses SLAMON_DB_URL, else storage.url from slamon.yaml; without either, an embedded PostgreSQL"
          + " under the data directory.",
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "DIR", required = true, description = "configuration directory")
  Path configDir;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "data directory (embedded database); default: storage.dataDirectory from slamon.yaml")
  Path dataDir;

  @Option(names = "--no-db-roles", description = "do not apply the tenant database roles at start (see 'slamon db roles')")
  boolean noDbRoles;

  @Option(names = "--port", paramLabel = "PORT", description = "HTTP port; default: http.port from slamon.yaml")
  Integer port;

  @Option(names = "--print-backend", description = "connect, migrate, print the detected database backend and its features, then exit")
  boolean printBackend;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Console console = new Console(out);
    SlamonConfig config = ConfigCommand.loadOrReport(configDir, spec.commandLine().getErr());
    if (config == null) {
      return 2;
    }
    Path data = dataDir != null ? dataDir : config.storage().dataDirectory();
    if (printBackend) {
      try (Database db = Database.open(databaseSettings(config, data), msg -> console.step("%s", msg))) {
        out.println(db.backend().describe());
      }
      return 0;
    }
    Shutdown shutdown = new Shutdown();
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(databaseSettings(config, data), msg -> console.step("%s", msg))) {
      int httpPort = port != null ? port : config.http().port();
      RolesAtStart.apply(config, db, noDbRoles, System.getenv(), console);
      try (SlamonRuntime runtime = SlamonRuntime.start(config, db, vertx, InstantSource.system(), httpPort, data);
          var portal = PortalWiring.start(config, db, vertx, InstantSource.system(), -1, false, msg -> console.step("%s", msg))) {
        console.step("configuration %s: %s", configDir, ConfigCommand.summary(config));
        console.step("listening on http://127.0.0.1:%d (events API /api/v1/events, /metrics, /health, /ready)", runtime.collector().port());
        console.step("portal and API on http://%s:%d (sign in at /login; API /api/v1; docs/portal.md)", config.portal().bind(), portal.port());
        runtime.scheduleEvaluations(config.evaluation().interval(), round -> {
          round.opened().forEach(inc -> console.step("INCIDENT %s %s opened: %s", inc.id(), inc.severity(), inc.title()));
          round.escalations().forEach(e -> console.step("%s", SlamonRuntime.describe(e)));
          round.significance().forEach(f -> console.step("%s", f.describe()));
        });
        shutdown.awaitRequest();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
      shutdown.finished();
    }
    return 0;
  }

  /** SLAMON_DB_URL wins over storage.url in slamon.yaml; neither means the embedded server. */
  static DatabaseSettings databaseSettings(SlamonConfig config, Path dataDir) {
    DatabaseSettings fromEnv = DatabaseSettings.fromEnvironment(dataDir);
    if (fromEnv.url() != null) {
      return fromEnv;
    }
    var storage = config.storage();
    return new DatabaseSettings(storage.url(), storage.user(), storage.password(), dataDir);
  }
}
