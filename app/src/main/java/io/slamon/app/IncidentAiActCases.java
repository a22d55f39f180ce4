package io.slamon.app;

import io.slamon.incident.IncidentService;
import io.slamon.incident.RegulatoryClocks.CasesResult;
import io.slamon.incident.clock.AiActCase;
import io.slamon.incident.clock.DeadlineChange;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slamon incident ai-act-cases}: change the AI Act Art. 73 cases of an incident after classification. */
@Command(name = "ai-act-cases", mixinStandardHelpOptions = true,
    description = {
      "Change the AI Act Art. 73 cases of an incident classified under ai-act (what is known changed, e.g. a person died"
          + " after an injury was reported). The deadline recomputes from the same awareness; old and new cases go to the"
          + " audit log.",
      "Cases: serious-incident (15 days), widespread-or-critical-infrastructure (2 days), death (10 days); the shortest applies.",
    })
final class IncidentAiActCases extends IncidentVerb {
  @Parameters(paramLabel = "ID", description = "e.g. INC-2026-000001")
  String id;

  @Option(names = "--ai-act-case", required = true, paramLabel = "CASE", description = "the cases that apply now (repeatable)")
  List<String> cases = new ArrayList<>();

  @Option(names = "--reason", paramLabel = "TEXT", description = "why the cases change; written to the audit log")
  String reason;

  @Option(names = "--as", paramLabel = "WHO", defaultValue = "${sys:user.name}", description = "who changes them (default: ${DEFAULT-VALUE})")
  String actor;

  @Override
  String checkArguments() {
    return cases.stream().filter(c -> IncidentClockCommands.Classify.aiActCase(c) == null).findFirst()
        .map(c -> "unknown AI Act case '" + c + "'; valid: serious-incident, widespread-or-critical-infrastructure, death")
        .orElse(null);
  }

  @Override
  int run(IncidentService service, PrintWriter out) {
    Instant now = Instant.now();
    Set<AiActCase> chosen = cases.stream().map(IncidentClockCommands.Classify::aiActCase).collect(Collectors.toSet());
    CasesResult result = service.changeAiActCases(IncidentCommand.SCOPE, id, chosen, actor, reason);
    out.printf("%s: AI Act Art. 73 cases now %s%n", id, result.plan().facts().aiActCases().stream().map(Enum::name).sorted().toList());
    if (result.changes().isEmpty()) {
      out.println("  nothing moved");
    }
    for (DeadlineChange c : result.changes()) {
      out.printf("  %-34s %s -> %s%n", c.kind().label(), c.dueBefore() == null ? "waiting" : result.plan().render(c.dueBefore()),
          c.dueAfter() == null ? "waiting" : result.plan().render(c.dueAfter()));
    }
    IncidentClockCommands.printStatuses(result.plan(), now, out);
    result.warnings().forEach(w -> out.println("  !! " + w));
    return 0;
  }
}
