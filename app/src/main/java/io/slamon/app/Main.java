package io.slamon.app;

import picocli.CommandLine;

/** Entry point of {@code slamon.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run it in-process. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new SlamonCommand());
    // Before the settings below, which picocli copies only to subcommands that already exist.
    IncidentCommand.addTransitions(cmd.getSubcommands().get("incident"));
    cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      // An operator wants the reason, not a stack trace; --verbose (SLAMON_DEBUG=1) shows it.
      commandLine.getErr().println("slamon: " + describe(ex));
      if (System.getenv("SLAMON_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      }
      return 1;
    });
    return cmd;
  }

  static String describe(Throwable ex) {
    StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage()));
    Throwable cause = ex.getCause();
    while (cause != null && cause != ex) {
      if (cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
        sb.append(": ").append(cause.getMessage());
      }
      ex = cause;
      cause = cause.getCause();
    }
    return sb.toString();
  }
}
