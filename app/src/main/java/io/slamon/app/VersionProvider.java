package io.slamon.app;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (set by the build); "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"slamon " + (v == null ? "dev" : v), "Java " + Runtime.version()};
  }
}
