package io.slamon.app;

import io.slamon.incident.IncidentService;
import io.slamon.incident.RegulatoryClocks.AwarenessResult;
import io.slamon.incident.RegulatoryClocks.NotifyResult;
import io.slamon.incident.RegulatoryClocks.RecordedNotification;
import io.slamon.incident.clock.AiActCase;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.BreachContent;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.DeadlineChange;
import io.slamon.incident.clock.DeadlineKind;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.incident.clock.NotificationRecord;
import io.slamon.incident.clock.NotificationRequest;
import io.slamon.incident.clock.Regime;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slamon incident classify|notify|awareness}: the regulatory clocks of an incident. */
final class IncidentClockCommands {
  private IncidentClockCommands() {}

  static final String REGIMES = "dsgvo-processor, dsgvo-controller, nis2, dora, ai-act";

  /** {@code dsgvo-controller} → DSGVO_CONTROLLER, or null. */
  static Regime regime(String text) {
    try {
      return Regime.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code NIS2/early-warning}, {@code nis2/early-warning} or {@code NIS2_EARLY_WARNING} → the kind, or null. */
  static DeadlineKind deadline(String text) {
    return io.slamon.app.web.IncidentForms.deadline(text);
  }

  static String deadlines() {
    return String.join(", ", Arrays.stream(DeadlineKind.values()).map(k -> k.key().toLowerCase(Locale.ROOT)).toList());
  }

  static void printStatuses(ClockPlan plan, Instant now, PrintWriter out) {
    for (DeadlineStatus status : plan.statuses(now)) {
      var d = status.deadline();
      out.printf("  %-34s %s%s%n", d.kind().label(), d.isWaiting() ? "" : "due " + plan.render(d.due()) + "  ", status.message());
    }
    plan.overdueAt(now).forEach(o -> out.println("  !! " + o.message()));
  }

  static void print(List<RecordedNotification> notifications, PrintWriter out) {
    for (RecordedNotification n : notifications) {
      NotificationRecord r = n.record();
      NotificationRequest q = r.request();
      out.printf("  %-34s phase %d  %s  sent %s%s by %s%s%n", q.deadline().label(), r.phase(),
          r.timeliness().name().toLowerCase(Locale.ROOT).replace('_', ' ') + (r.lateBy().isZero() ? "" : " by " + r.lateBy()),
          q.sentAt(), n.recipient() == null ? "" : " to " + n.recipient(), q.recordedBy(),
          q.reason() == null ? "" : "  (" + q.reason() + ")");
      if (q.content() != null) {
        BreachContent c = q.content();
        out.printf("  %-34s Art. 33(3): (a) %s | (b) %s | (c) %s | (d) %s%n", "", dash(c.nature()), dash(c.contact()),
            dash(c.likelyConsequences()), dash(c.measures()));
      }
      if (q.dataSubjectsInformed()) {
        out.printf("  %-34s data subjects informed (Art. 34)%n", "");
      }
    }
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

  @Command(name = "classify", mixinStandardHelpOptions = true,
      description = {
        "Classify an incident under a regulatory regime, which starts its clock at the time of awareness"
            + " (which may lie before the incident was opened, and may already be overdue).",
        "Regimes: dsgvo-processor (needs the tenant's AVV deadline, from --config), dsgvo-controller, nis2, dora, ai-act.",
      })
  static final class Classify extends IncidentVerb {
    @Parameters(paramLabel = "ID", description = "e.g. INC-2026-000001")
    String id;

    @Option(names = "--regime", required = true, paramLabel = "REGIME")
    String regime;

    @Option(names = "--aware-at", paramLabel = "INSTANT", description = "when the provider became aware, ISO-8601 (default: now)")
    Instant awareAt;

    @Option(names = "--source", required = true, paramLabel = "TEXT", description = "how the provider became aware (ticket, alert, call)")
    String source;

    @Option(names = "--as", paramLabel = "WHO", defaultValue = "${sys:user.name}", description = "who classifies (default: ${DEFAULT-VALUE})")
    String actor;

    @Option(names = "--ai-act-case", paramLabel = "CASE", description = "ai-act only, repeatable: serious-incident (15 days),"
        + " widespread-or-critical-infrastructure (2 days), death (10 days); the shortest applies")
    List<String> aiActCases = new ArrayList<>();

    static AiActCase aiActCase(String text) {
      try {
        return AiActCase.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    @Override
    String checkArguments() {
      if (regime(regime) == null) {
        return "unknown regime '" + regime + "'; valid: " + REGIMES;
      }
      return aiActCases.stream().filter(c -> aiActCase(c) == null).findFirst()
          .map(c -> "unknown AI Act case '" + c + "'; valid: serious-incident, widespread-or-critical-infrastructure, death")
          .orElse(null);
    }

    @Override
    int run(IncidentService service, PrintWriter out) {
      Instant now = Instant.now();
      Instant aware = awareAt != null ? awareAt : now;
      Regime r = regime(regime);
      Set<AiActCase> cases = aiActCases.stream().map(Classify::aiActCase).collect(Collectors.toSet());
      ClockPlan plan = service.classify(IncidentCommand.SCOPE, id, r, new Awareness(aware, source, actor), actor, cases);
      out.printf("%s classified under %s, aware since %s%n", id, r, plan.render(aware));
      printStatuses(plan, now, out);
      return 0;
    }
  }

  @Command(name = "notify", mixinStandardHelpOptions = true,
      description = {
        "Record a notification sent for a deadline (GDPR Art. 33(4): in phases; the first is judged on time or late).",
        "A late first notification is refused without --reason (the reasons for the delay, GDPR Art. 33(1)).",
        "DSGVO notifications carry the Art. 33(3)(a)-(d) content; later phases may complete it.",
      })
  static final class Notify extends IncidentVerb {
    @Parameters(paramLabel = "ID", description = "e.g. INC-2026-000001")
    String id;

    @Option(names = "--deadline", required = true, paramLabel = "DEADLINE",
        description = "which deadline it answers, e.g. dsgvo_controller/authority-notification, nis2/early-warning")
    String deadline;

    @Option(names = "--sent-at", paramLabel = "INSTANT", description = "when it was sent, ISO-8601 (default: now)")
    Instant sentAt;

    @Option(names = "--to", paramLabel = "WHO", description = "recipient: the controller, the supervisory authority, the BSI, …")
    String recipient;

    @Option(names = "--reason", paramLabel = "TEXT", description = "reasons for the delay (required when late); with"
        + " --not-notified: why the breach is unlikely to result in a risk")
    String reason;

    @Option(names = "--nature", paramLabel = "TEXT", description = "Art. 33(3)(a): nature, categories and approximate numbers")
    String nature;

    @Option(names = "--contact", paramLabel = "TEXT", description = "Art. 33(3)(b): DPO or other contact point")
    String contact;

    @Option(names = "--consequences", paramLabel = "TEXT", description = "Art. 33(3)(c): likely consequences")
    String consequences;

    @Option(names = "--measures", paramLabel = "TEXT", description = "Art. 33(3)(d): measures taken or proposed")
    String measures;

    @Option(names = "--data-subjects-informed", description = "Art. 34: the data subjects were told (high risk)")
    boolean dataSubjectsInformed;

    @Option(names = "--not-notified", description = "Art. 33(5): documented, not notified (DSGVO controller only; needs --reason)")
    boolean notNotified;

    @Option(names = "--as", paramLabel = "WHO", defaultValue = "${sys:user.name}", description = "who records it (default: ${DEFAULT-VALUE})")
    String actor;

    @Override
    String checkArguments() {
      if (deadline(deadline) == null) {
        return "unknown deadline '" + deadline + "'; valid: " + deadlines();
      }
      return !notNotified && (recipient == null || recipient.isBlank()) ? "say to whom it was sent (--to)" : null;
    }

    @Override
    int run(IncidentService service, PrintWriter out) {
      Instant now = Instant.now();
      BreachContent content = nature == null && contact == null && consequences == null && measures == null
          ? null : new BreachContent(nature, contact, consequences, measures);
      var request = new NotificationRequest(deadline(deadline), sentAt != null ? sentAt : now,
          notNotified ? NotificationRequest.Outcome.NOT_NOTIFIED_DOCUMENTED : NotificationRequest.Outcome.NOTIFIED,
          actor, reason, content, dataSubjectsInformed);
      NotifyResult result = service.notify(IncidentCommand.SCOPE, id, request, recipient, actor);
      NotificationRecord r = result.record();
      out.printf("%s: %s recorded, phase %d, %s%s%n", id, request.deadline().label(), r.phase(),
          r.timeliness().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.lateBy().isZero() ? "" : " by " + r.lateBy());
      if (content != null && !content.isComplete()) {
        out.println("  Art. 33(3) content still missing (give it in a later phase): " + String.join(", ", content.missingItems()));
      }
      printStatuses(result.plan(), now, out);
      return 0;
    }
  }

  @Command(name = "awareness", mixinStandardHelpOptions = true,
      description = {
        "Correct when (and how) awareness arose, for one regime (--regime, repeatable) or all the incident is classified"
            + " under. Every deadline recomputes; the old and new value go to the audit log.",
        "To set awareness for the first time, classify the incident.",
      })
  static final class AwarenessCommand extends IncidentVerb {
    @Parameters(paramLabel = "ID", description = "e.g. INC-2026-000001")
    String id;

    @Option(names = "--at", required = true, paramLabel = "INSTANT", description = "when awareness arose, ISO-8601")
    Instant at;

    @Option(names = "--source", required = true, paramLabel = "TEXT", description = "how it arose (ticket, e-mail, alert)")
    String source;

    @Option(names = "--regime", paramLabel = "REGIME", description = "only this regime (repeatable; default: all)")
    List<String> regimes = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "why it is corrected; written to the audit log")
    String reason;

    @Option(names = "--as", paramLabel = "WHO", defaultValue = "${sys:user.name}", description = "who corrects it (default: ${DEFAULT-VALUE})")
    String actor;

    @Override
    String checkArguments() {
      return regimes.stream().filter(r -> regime(r) == null).findFirst()
          .map(r -> "unknown regime '" + r + "'; valid: " + REGIMES).orElse(null);
    }

    @Override
    int run(IncidentService service, PrintWriter out) {
      Instant now = Instant.now();
      AwarenessResult result = service.correctAwareness(IncidentCommand.SCOPE, id,
          regimes.stream().map(IncidentClockCommands::regime).toList(), new Awareness(at, source, actor), actor, reason);
      out.printf("%s: awareness corrected to %s (%s)%n", id, result.plan().render(at), source);
      for (var correction : result.corrections()) {
        for (DeadlineChange c : correction.changes()) {
          out.printf("  %-34s %s -> %s%n", c.kind().label(), c.dueBefore() == null ? "waiting" : result.plan().render(c.dueBefore()),
              c.dueAfter() == null ? "waiting" : result.plan().render(c.dueAfter()));
        }
      }
      printStatuses(result.plan(), now, out);
      result.warnings().forEach(w -> out.println("  !! " + w));
      return 0;
    }
  }
}
