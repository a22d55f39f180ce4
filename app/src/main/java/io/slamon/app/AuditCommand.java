package io.slamon.app;

import io.slamon.core.audit.AuditChain;
import io.slamon.core.audit.AuditEntry;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code slamon audit …}: the tamper-evident audit log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Work with the tamper-evident audit log (incident timelines, notifications, issued reports).",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

  /** {@code slamon audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Recompute the SHA-256 chain of the whole audit log and name the first entry that was changed,"
            + " removed or reordered.",
        "Database: --db-url, else SLAMON_DB_URL, else storage.url of --config, else the embedded server under"
            + " --data-dir.",
      },
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:the chain is intact", "1:the database could not be read", "2:invalid configuration", "3:the chain is broken"})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DatabaseSettings settings = database.settings(spec.commandLine().getErr());
      if (settings == null) {
        return 2;
      }
      try (Database db = Database.open(settings, msg -> {})) {
        List<AuditEntry> entries = db.auditLog().all();
        Optional<AuditChain.Break> broken = AuditChain.verify(entries);
        if (broken.isPresent()) {
          out.println("audit log BROKEN at entry #" + broken.get().seq() + ": " + broken.get().problem());
          return 3;
        }
        out.println("audit log intact: " + entries.size() + " entries"
            + (entries.isEmpty() ? "" : ", last #" + entries.getLast().seq() + " " + entries.getLast().hash()));
        return 0;
      }
    }
  }
}
