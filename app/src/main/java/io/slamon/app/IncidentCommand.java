package io.slamon.app;

import io.slamon.core.Severity;
import io.slamon.core.audit.AuditEntry;
import io.slamon.incident.IncidentFilter;
import io.slamon.incident.IncidentService;
import io.slamon.incident.IncidentState;
import io.slamon.incident.IncidentView;
import io.slamon.incident.ManualIncident;
import io.slamon.incident.Scope;
import io.slamon.store.IncidentRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slamon incident …}: list, show and work incidents from the command line. Every verb goes
 * through {@link IncidentService} in the provider scope, the same logic the HTTP API uses.
 */
@Command(
    name = "incident",
    mixinStandardHelpOptions = true,
    description = "List, show and work incidents. Every change is written to the audit log with who and why.",
    subcommands = {
      IncidentCommand.ListIncidents.class,
      IncidentCommand.Show.class,
      IncidentCommand.Open.class,
      IncidentCommand.Merge.class,
      IncidentClockCommands.Classify.class,
      IncidentClockCommands.Notify.class,
      IncidentClockCommands.AwarenessCommand.class,
      IncidentAiActCases.class,
    })
final class IncidentCommand {

  /** The CLI is the provider's operator tool: it sees every tenant. */
  static final Scope SCOPE = Scope.provider();

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

  static String owner(String tenant) {
    return tenant == null ? "(provider)" : tenant;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Incidents, newest first.")
  static final class ListIncidents extends IncidentVerb {
    @Option(names = "--tenant", paramLabel = "TENANT", description = "only this tenant's incidents")
    String tenant;

    @Option(names = "--live", description = "only open, acknowledged and mitigated incidents")
    boolean live;

    @Option(names = "--state", paramLabel = "STATE", description = "only incidents in this state (open, acknowledged, …)")
    String state;

    @Override
    String checkArguments() {
      try {
        if (state != null) {
          IncidentState.fromWireName(state);
        }
        return null;
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }

    @Override
    int run(IncidentService service, PrintWriter out) {
      List<IncidentRecord> incidents = service.list(SCOPE,
          new IncidentFilter(tenant, live, state == null ? null : IncidentState.fromWireName(state)));
      out.printf("%-16s %-3s %-13s %-16s %-20s %s%n", "ID", "SEV", "STATE", "TENANT", "OPENED", "TITLE");
      for (IncidentRecord i : incidents) {
        out.printf("%-16s %-3s %-13s %-16s %-20s %s%n", i.id(), i.severity(), i.state(), owner(i.tenant()),
            i.openedAt().toString().substring(0, 19) + "Z", i.title());
      }
      out.printf("%d incident%s%n", incidents.size(), incidents.size() == 1 ? "" : "s");
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "One incident: details, audited timeline, regulatory clocks (strict and legal deadlines, status,"
          + " escalations) and recorded notifications.")
  static final class Show extends IncidentVerb {
    @Parameters(paramLabel = "ID", description = "e.g. INC-2026-000001")
    String id;

    @Override
    int run(IncidentService service, PrintWriter out) {
      IncidentView v = service.show(SCOPE, id);
      IncidentRecord i = v.incident();
      out.printf("%s  %s  %s%n", i.id(), i.severity(), i.title());
      out.printf("tenant:   %s%nstate:    %s%nopened:   %s%nupdated:  %s%nfingerprint: %s%n",
          owner(i.tenant()), i.state(), i.openedAt(), i.updatedAt(), i.fingerprint());
      if (v.activity().repeats() > 0) {
        out.printf("repeats:  %d (last seen %s)%n", v.activity().repeats(), v.activity().lastSeenAt());
      }
      if (v.activity().mergedInto() != null) {
        out.printf("merged into: %s%n", v.activity().mergedInto());
      }
      if (v.significance().significant()) {
        out.printf("!! NIS2 significant (Implementing Regulation (EU) 2024/2690 Art. 7):%s%s%n",
            v.significance().completeAt() == null ? "" : " completely unavailable > 30 min, crossed " + v.significance().completeAt(),
            v.significance().limitedAt() == null ? "" : " limited for > 5 % of users > 1 h, crossed " + v.significance().limitedAt());
      }
      var r = v.response();
      java.time.Instant now = java.time.Instant.now();
      out.printf("targets:  acknowledge by %s%s, restore by %s%s%s%n", r.deadlines().acknowledgeBy(),
          r.acknowledgeMissed(now) ? " (MISSED)" : "", r.deadlines().restoreBy(), r.restoreMissed(now) ? " (MISSED)" : "",
          r.deadlines().businessHours() ? "  [business hours]" : "");
      out.println("timeline:");
      for (AuditEntry e : v.timeline()) {
        out.printf("  #%-5d %s  %-22s %-8s %s -> %s%s%n", e.seq(), e.at(), e.actor(), e.action(),
            e.oldValue() == null ? "" : e.oldValue(), e.newValue() == null ? "" : e.newValue(),
            e.reason() == null ? "" : "  (" + e.reason() + ")");
      }
      if (!v.clocks().isEmpty()) {
        out.println("regulatory clocks (strict deadline; " + IncidentView.LEGAL_READING_NOTE + "):");
        for (IncidentView.Clock c : v.clocks()) {
          if (c.deadline().isWaiting()) {
            out.printf("  %-34s %s%n", c.deadline().kind().label(), c.status().message());
            continue;
          }
          out.printf("  %-34s due %s (legal reading %s)  %s%n", c.deadline().kind().label(), c.due(), c.legalDue(),
              c.status().message());
          out.printf("  %-34s escalations %s%n", "", c.escalations().stream()
              .map(e -> e.step().percent() + "%" + (e.fired() ? " fired" : "")).collect(Collectors.joining(", ")));
        }
        v.overdue().forEach(c -> out.println("  !! " + c.status().message()));
      }
      if (!v.notifications().isEmpty()) {
        out.println("notifications:");
        IncidentClockCommands.print(v.notifications(), out);
      }
      out.println("timeline hashes: " + v.timelineProblem().map(p -> "BROKEN, " + p + " — run slamon audit verify")
          .orElse("intact (whole chain: slamon audit verify)"));
      return 0;
    }
  }

  @Command(name = "open", mixinStandardHelpOptions = true,
      description = "Open an incident by hand (something no signal caught). Never merged with signal incidents; use merge.")
  static final class Open extends IncidentVerb {
    @Option(names = "--tenant", paramLabel = "TENANT", description = "affected tenant (omit for a provider incident)")
    String tenant;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "what happened, one line")
    String title;

    @Option(names = "--severity", required = true, paramLabel = "P1..P4")
    Severity severity;

    @Option(names = "--component", paramLabel = "NAME", description = "affected component (default: manual)")
    String component;

    @Option(names = "--detail", paramLabel = "TEXT", description = "why it is opened; the first timeline entry")
    String detail;

    @Option(names = "--as", paramLabel = "WHO", defaultValue = "${sys:user.name}", description = "who opens it (default: ${DEFAULT-VALUE})")
    String actor;

    @Override
    int run(IncidentService service, PrintWriter out) {
      IncidentRecord r = service.open(SCOPE, new ManualIncident(tenant, title, severity, component, detail), actor);
      out.printf("opened %s  %s  %s (%s)%n", r.id(), r.severity(), r.title(), owner(r.tenant()));
      return 0;
    }
  }

  @Command(name = "merge", mixinStandardHelpOptions = true,
      description = "Merge duplicate incident B into A: A keeps the earliest opening and awareness times and takes over"
          + " B's classifications and notifications; B is cancelled with a reference to A. Audited on both.")
  static final class Merge extends IncidentVerb {
    @Parameters(index = "0", paramLabel = "A", description = "the incident that remains")
    String survivor;

    @Parameters(index = "1", paramLabel = "B", description = "the duplicate, cancelled afterwards")
    String absorbed;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why they are one incident; written to the audit log")
    String reason;

    @Option(names = "--as", paramLabel = "WHO", defaultValue = "${sys:user.name}", description = "who merges (default: ${DEFAULT-VALUE})")
    String actor;

    @Override
    int run(IncidentService service, PrintWriter out) {
      IncidentRecord r = service.merge(SCOPE, survivor, absorbed, actor, reason);
      out.printf("merged %s into %s (opened %s); %s is cancelled%n", absorbed, r.id(), r.openedAt(), absorbed);
      return 0;
    }
  }

  /** A state-changing subcommand ({@code ack}, {@code resolve}, …), registered by {@link #addTransitions}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Transition extends IncidentVerb {
    private final IncidentState target;

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
    int run(IncidentService service, PrintWriter out) {
      IncidentRecord r = service.transition(SCOPE, id, target, actor, reason);
      out.printf("%s is now %s%n", r.id(), r.state());
      return 0;
    }
  }
}
