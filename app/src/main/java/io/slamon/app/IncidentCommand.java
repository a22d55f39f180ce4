package io.slamon.app;

import io.slamon.core.audit.AuditChain;
import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.IncidentLifecycle;
import io.slamon.incident.IncidentState;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.IncidentRecord;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slamon incident …}: list, show and work incidents from the command line. */
@Command(
    name = "incident",
    mixinStandardHelpOptions = true,
    description = "List, show and work incidents. Every state change is written to the audit log with who and why.",
    subcommands = {
      IncidentCommand.ListIncidents.class,
      IncidentCommand.Show.class,
      IncidentCommand.Classify.class,
    })
final class IncidentCommand {

  /** A state-changing verb: the subcommand name, the state it leads to, its help line. */
  private record Verb(String name, IncidentState target, String description) {}

  private static final List<Verb> VERBS = List.of(
      new Verb("ack", IncidentState.ACKNOWLEDGED, "Acknowledge: someone is on it."),
      new Verb("mitigate", IncidentState.MITIGATED, "Mitigated: the impact is contained, the cause may remain."),
      new Verb("resolve", IncidentState.RESOLVED, "Resolved: service restored."),
      new Verb("close", IncidentState.CLOSED, "Close a resolved incident for good (after review)."),
      new Verb("cancel", IncidentState.CANCELLED, "Cancel an incident opened in error; the record is kept. Needs --reason."),
      new Verb("reopen", IncidentState.OPEN, "Reopen a resolved (not closed) incident. Needs --reason."));

  /**
   * Adds one {@link Transition} subcommand per verb to the {@code incident} command: the verbs
   * differ only in name, target state and help line, so they are one class, not six.
   */
  static void addTransitions(CommandLine incident) {
    for (Verb verb : VERBS) {
      CommandLine sub = new CommandLine(new Transition(verb.target()));
      sub.getCommandSpec().usageMessage().description(verb.description());
      incident.addSubcommand(verb.name(), sub);
    }
  }

  /** Opens the database the options name, or returns null after printing why not. */
  private static Database open(DatabaseOptions options, CommandSpec spec) {
    DatabaseSettings settings = options.settings(spec.commandLine().getErr());
    return settings == null ? null : Database.open(settings, msg -> {});
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Incidents, newest first.")
  static final class ListIncidents implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions database;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "only this tenant's incidents")
    String tenant;

    @Option(names = "--live", description = "only open, acknowledged and mitigated incidents")
    boolean live;

    @Override
    public Integer call() {
      try (Database db = open(database, spec)) {
        if (db == null) {
          return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        List<IncidentRecord> incidents = db.incidentStore().list(tenant).stream()
            .filter(i -> !live || IncidentState.fromWireName(i.state()).live())
            .toList();
        out.printf("%-16s %-3s %-13s %-16s %-20s %s%n", "ID", "SEV", "STATE", "TENANT", "OPENED", "TITLE");
        for (IncidentRecord i : incidents) {
          out.printf("%-16s %-3s %-13s %-16s %-20s %s%n", i.id(), i.severity(), i.state(),
              i.tenant() == null ? "(provider)" : i.tenant(), i.openedAt().toString().substring(0, 19) + "Z", i.title());
        }
        out.printf("%d incident%s%n", incidents.size(), incidents.size() == 1 ? "" : "s");
        return 0;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One incident with its audited timeline.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions database;

    @Parameters(paramLabel = "ID", description = "e.g. INC-2026-000001")
    String id;

    @Override
    public Integer call() {
      try (Database db = open(database, spec)) {
        if (db == null) {
          return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        var incident = db.incidentStore().find(id);
        if (incident.isEmpty()) {
          spec.commandLine().getErr().println("no incident " + id);
          return 1;
        }
        IncidentRecord i = incident.get();
        out.printf("%s  %s  %s%n", i.id(), i.severity(), i.title());
        out.printf("tenant:   %s%nstate:    %s%nopened:   %s%nupdated:  %s%nfingerprint: %s%n",
            i.tenant() == null ? "(provider)" : i.tenant(), i.state(), i.openedAt(), i.updatedAt(), i.fingerprint());
        out.println("timeline:");
        for (AuditEntry e : db.auditLog().forSubject(id)) {
          out.printf("  #%-5d %s  %-22s %-8s %s -> %s%s%n", e.seq(), e.at(), e.actor(), e.action(),
              e.oldValue() == null ? "" : e.oldValue(), e.newValue() == null ? "" : e.newValue(),
              e.reason() == null ? "" : "  (" + e.reason() + ")");
        }
        var clocks = ConfigMapping.regulatoryClocks(config(database, spec), db, InstantSource.system()).plan(id);
        if (clocks.isPresent()) {
          out.println("regulatory clocks:");
          for (var status : clocks.get().statuses(java.time.Instant.now())) {
            var d = status.deadline();
            out.printf("  %-34s due %s (legal reading %s)  %s%n", d.kind().label(), clocks.get().render(d.due()),
                clocks.get().render(d.legalDue()), status.message());
          }
        }
        var broken = AuditChain.verify(db.auditLog().all());
        out.println("audit chain: " + broken.map(b -> "BROKEN at #" + b.seq() + " — run slamon audit verify").orElse("intact"));
        return 0;
      }
    }
  }

  /** The configuration named by --config, or null (clocks then use Europe/Berlin and no AVV deadline). */
  private static io.slamon.core.config.SlamonConfig config(DatabaseOptions options, CommandSpec spec) {
    return options.configDir == null ? null : ConfigCommand.loadOrReport(options.configDir, spec.commandLine().getErr());
  }

  @Command(name = "classify", mixinStandardHelpOptions = true,
      description = {
        "Classify an incident under a regulatory regime, which starts its clock at the time of awareness"
            + " (which may lie before the incident was opened, and may already be overdue).",
        "Regimes: dsgvo-processor (needs the tenant's AVV deadline, from --config), dsgvo-controller, nis2, dora, ai-act.",
      })
  static final class Classify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions database;

    @Parameters(paramLabel = "ID", description = "e.g. INC-2026-000001")
    String id;

    @Option(names = "--regime", required = true, paramLabel = "REGIME")
    String regime;

    @Option(names = "--aware-at", paramLabel = "INSTANT", description = "when the provider became aware, ISO-8601 (default: now)")
    java.time.Instant awareAt;

    @Option(names = "--source", required = true, paramLabel = "TEXT", description = "how the provider became aware (ticket, alert, call)")
    String source;

    @Option(names = "--as", paramLabel = "WHO", defaultValue = "${sys:user.name}", description = "who classifies (default: ${DEFAULT-VALUE})")
    String actor;

    @Override
    public Integer call() {
      io.slamon.incident.clock.Regime r;
      try {
        r = io.slamon.incident.clock.Regime.valueOf(regime.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("slamon: unknown regime '" + regime + "'; valid: dsgvo-processor, dsgvo-controller, nis2, dora, ai-act");
        return 2;
      }
      try (Database db = open(database, spec)) {
        if (db == null) {
          return 2;
        }
        var clocks = ConfigMapping.regulatoryClocks(config(database, spec), db, InstantSource.system());
        java.time.Instant aware = awareAt != null ? awareAt : java.time.Instant.now();
        try {
          var plan = clocks.classify(id, r, new io.slamon.incident.clock.Awareness(aware, source, actor), actor);
          PrintWriter out = spec.commandLine().getOut();
          out.printf("%s classified under %s, aware since %s%n", id, r, plan.render(aware));
          for (var status : plan.statuses(java.time.Instant.now())) {
            out.printf("  %-34s due %s  %s%n", status.deadline().kind().label(), plan.render(status.deadline().due()), status.message());
          }
          plan.overdueAt(java.time.Instant.now()).forEach(o -> out.println("  !! " + o.message()));
          return 0;
        } catch (NoSuchElementException | IllegalArgumentException | IllegalStateException | io.slamon.store.StoreException e) {
          spec.commandLine().getErr().println("slamon: " + e.getMessage());
          return 1;
        }
      }
    }
  }

  /** A state-changing subcommand ({@code ack}, {@code resolve}, …), registered by {@link #addTransitions}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Transition implements Callable<Integer> {
    private final IncidentState target;
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions database;

    @Parameters(paramLabel = "ID", description = "e.g. INC-2026-000001")
    String id;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (required to cancel or reopen); written to the audit log")
    String reason;

    @Option(names = "--as", paramLabel = "WHO", description = "who does it (default: the OS user, ${DEFAULT-VALUE})",
        defaultValue = "${sys:user.name}")
    String actor;

    Transition(IncidentState target) {
      this.target = target;
    }

    @Override
    public Integer call() {
      try (Database db = open(database, spec)) {
        if (db == null) {
          return 2;
        }
        var lifecycle = new IncidentLifecycle(db.incidentStore(), db.auditLog(), InstantSource.system());
        try {
          IncidentRecord r = lifecycle.transition(id, target, actor, reason);
          spec.commandLine().getOut().printf("%s is now %s%n", r.id(), r.state());
          return 0;
        } catch (NoSuchElementException | IllegalStateException | IllegalArgumentException e) {
          spec.commandLine().getErr().println("slamon: " + e.getMessage());
          return 1;
        }
      }
    }
  }
}
