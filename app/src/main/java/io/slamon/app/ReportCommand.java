package io.slamon.app;

import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
import io.slamon.reports.ReportService;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slamon report}: issue a tenant's monthly report and write its PDF and JSON twin. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Issue the monthly contractual report of a tenant: computes the month's period result if none is stored,"
          + " renders the PDF, archives it (a new version only when the data changed) and writes"
          + " <report id>.pdf and <report id>.json to --out.",
      "Database: --db-url, else SLAMON_DB_URL, else storage.url of --config, else the embedded server under --data-dir.",
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:issued (or the archived one for unchanged data written)", "1:runtime error", "2:invalid usage or configuration"})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatabaseOptions database;

  @Option(names = "--tenant", required = true, paramLabel = "TENANT", description = "tenant id")
  String tenant;

  @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "calendar month in the tenant's time zone, e.g. 2026-10")
  String month;

  @Option(names = "--lang", paramLabel = "de|en", defaultValue = "de", description = "language (default: ${DEFAULT-VALUE})")
  String lang;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "where to write the PDF and JSON (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--reason", paramLabel = "TEXT", description = "why, when this corrects an issued report")
  String reason;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    YearMonth m;
    try {
      m = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      err.println("--month '" + month + "' is not a month; expecting YYYY-MM, e.g. 2026-10");
      return 2;
    }
    if (!ReportService.LANGUAGES.contains(lang)) {
      err.println("--lang '" + lang + "' is not supported; expecting one of " + ReportService.LANGUAGES);
      return 2;
    }
    Path configDir = database.configDir != null ? database.configDir : Path.of("examples", "config");
    SlamonConfig config = ConfigCommand.loadOrReport(configDir, err);
    if (config == null) {
      return 2;
    }
    Optional<Tenant> t = config.tenant(tenant);
    if (t.isEmpty()) {
      err.println("unknown tenant '" + tenant + "' in " + configDir + "; tenants: "
          + config.tenants().stream().map(Tenant::id).toList());
      return 2;
    }
    DatabaseSettings settings = database.settings(err);
    if (settings == null) {
      return 2;
    }
    try (Database db = Database.open(settings, msg -> {})) {
      Reporting reporting = new Reporting(config, db, InstantSource.system());
      ReportService.Issued issued = reporting.reports().issue(reporting.setup(t.get()), m, lang, reason);
      Path pdf = Reporting.write(issued, out);
      var s = issued.summary();
      o.println((issued.reused() ? "unchanged data, archived " : "issued ") + s.reportId() + " (version " + s.version()
          + (s.supersedes() == null ? "" : ", supersedes " + s.supersedes()) + ")");
      o.println("  PDF   " + pdf.toAbsolutePath());
      o.println("  JSON  " + pdf.resolveSibling(s.reportId() + ".json").toAbsolutePath() + "  sha256 " + s.jsonSha256());
      o.println("  data  " + s.snapshot());
      return 0;
    }
  }
}
