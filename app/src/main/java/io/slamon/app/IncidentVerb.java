package io.slamon.app;

import io.slamon.core.config.SlamonConfig;
import io.slamon.incident.IncidentService;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.StoreException;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * An {@code incident} subcommand: opens the database its options name, builds the {@link
 * IncidentService} the HTTP API uses too (the CLI acts in the provider scope), and turns the
 * service's errors into a message and exit code 1.
 */
abstract class IncidentVerb implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOptions database;

  /** Does the work; returns the exit code. */
  abstract int run(IncidentService service, PrintWriter out);

  /** Checks the arguments before the database is opened; returns an error message or null. */
  String checkArguments() {
    return null;
  }

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String problem = checkArguments();
    if (problem != null) {
      err.println("slamon: " + problem);
      return 2;
    }
    DatabaseSettings settings = database.settings(err);
    if (settings == null) {
      return 2;
    }
    try (Database db = Database.open(settings, msg -> {})) {
      return run(service(config(), db, InstantSource.system()), spec.commandLine().getOut());
    } catch (NoSuchElementException | IllegalArgumentException | IllegalStateException | StoreException e) {
      err.println("slamon: " + e.getMessage());
      return 1;
    }
  }

  /** The configuration named by --config, or null (clocks then use Europe/Berlin and no AVV deadline). */
  SlamonConfig config() {
    return database.configDir == null ? null : ConfigCommand.loadOrReport(database.configDir, spec.commandLine().getErr());
  }

  /** The incident service over a database, with the tenants' clock settings from the configuration. */
  static IncidentService service(SlamonConfig config, Database db, InstantSource clock) {
    return IncidentService.over(db, tenantId -> ConfigMapping.clockSettings(config, tenantId), clock);
  }
}
