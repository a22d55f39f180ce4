package io.slamon.app;

import picocli.CommandLine.Command;

/** The top-level {@code slamon} command. */
@Command(
    name = "slamon",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "SRE observability and SLA monitoring for managed GPU / LLM hosting: collects GPU and inference"
          + " metrics and operational events, evaluates each tenant's SLA, opens incidents.",
    },
    subcommands = {ServeCommand.class, DemoCommand.class, ConfigCommand.class, IncidentCommand.class, AuditCommand.class,
        ReportCommand.class, DbCommand.class, RulesCommand.class},
    footer = {
      "",
      "Environment:",
      "  SLAMON_DB_URL, SLAMON_DB_USER, SLAMON_DB_PASSWORD",
      "                 use this PostgreSQL/TimescaleDB instead of the embedded one",
      "  SLAMON_DEBUG   print stack traces on errors",
      "",
      "Exit codes: 0 ok, 1 runtime error, 2 invalid configuration or usage, 3 audit log broken.",
      "Docs: README.md and docs/ in the source tree.",
    })
public final class SlamonCommand {}
