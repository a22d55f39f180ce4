package io.slamon.app;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.ConfigProblem;
import io.slamon.core.config.ConfigResult;
import io.slamon.core.config.SlamonConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slamon config …}: work with configuration directories. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Work with a configuration directory.",
    subcommands = {ConfigCommand.Check.class})
final class ConfigCommand {

  /** {@code slamon config check DIR}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a configuration directory: slamon.yaml, tenants/*.yaml, scrape/*.yaml, slos/*.yaml."
            + " Every problem is printed as FILE:LINE: FIELD: MESSAGE; unknown fields are errors.",
      },
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:the configuration is valid", "2:the configuration has errors (all are listed)"})
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the configuration directory, e.g. examples/config")
    Path dir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isDirectory(dir)) {
        err.println(dir + ": not a directory");
        return 2;
      }
      ConfigResult result = ConfigLoader.load(dir);
      for (ConfigProblem p : result.problems()) {
        err.println(p);
      }
      if (!result.ok()) {
        err.printf("%s: %d problem%s%n", dir, result.problems().size(), result.problems().size() == 1 ? "" : "s");
        return 2;
      }
      out.println(dir + ": OK — " + summary(result.config()));
      return 0;
    }
  }

  /** The configuration, or null after printing every problem to {@code err}. */
  static SlamonConfig loadOrReport(Path dir, PrintWriter err) {
    if (!Files.isDirectory(dir)) {
      err.println(dir + ": not a directory (give a configuration directory, e.g. --config examples/config)");
      return null;
    }
    ConfigResult result = ConfigLoader.load(dir);
    result.problems().forEach(err::println);
    return result.ok() ? result.config() : null;
  }

  static String summary(SlamonConfig c) {
    int targets = c.scrapeConfigs().stream().mapToInt(j -> j.staticConfigs().stream().mapToInt(s -> s.targets().size()).sum()).sum();
    return String.format(
        "%d tenants, %d scrape jobs (%d static targets), %d SLOs",
        c.tenants().size(), c.scrapeConfigs().size(), targets, c.slos().size());
  }
}
