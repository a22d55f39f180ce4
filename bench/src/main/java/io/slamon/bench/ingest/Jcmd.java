package io.slamon.bench.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a running JVM (same user, same JDK family) for its live heap with the JDK's {@code jcmd}. */
final class Jcmd {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private Jcmd() {}

  /** Runs a full GC in {@code pid}, then reads the heap's "used" figure; empty if jcmd fails. */
  static OptionalLong liveHeapBytes(long pid) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      run(jcmd, Long.toString(pid), "GC.run");
      return usedKilobytes(run(jcmd, Long.toString(pid), "GC.heap_info")).stream().map(k -> k * 1024).findFirst();
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  /** The first "used NK" of {@code GC.heap_info} (the whole heap for G1, Parallel and Serial). */
  static OptionalLong usedKilobytes(String heapInfo) {
    Matcher m = USED.matcher(heapInfo);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
