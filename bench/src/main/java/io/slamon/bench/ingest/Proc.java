package io.slamon.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about a process in {@code /proc}: CPU time and memory. Read as text, parsed
 * here, because the JDK's {@code ProcessHandle.Info.totalCpuDuration()} omits reaped children
 * and says nothing about memory.
 */
final class Proc {
  /** USER_HZ: the unit of the times in {@code /proc/<pid>/stat}; 100 on every Linux ABI we run on. */
  static final double TICKS_PER_SECOND = 100.0;

  private Proc() {}

  /**
   * utime + stime + cutime + cstime of {@code /proc/<pid>/stat} in seconds: the process's own
   * CPU (all threads) plus that of its children it has waited for. 0 when the process is gone.
   */
  static double cpuSeconds(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    return stat == null ? 0 : cpuSecondsOfStat(stat);
  }

  static double cpuSecondsOfStat(String stat) {
    // The command name (field 2) is in parentheses and may contain spaces and ')'.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state); utime..cstime are fields 14..17
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    return ticks / TICKS_PER_SECOND;
  }

  /** VmHWM (peak resident set) in bytes, 0 when the process is gone. */
  static long peakRssBytes(long pid) {
    return statusKilobytes(read(Path.of("/proc", Long.toString(pid), "status")), "VmHWM:") * 1024;
  }

  /**
   * Proportional set size in bytes ({@code smaps_rollup}): shared pages (PostgreSQL's shared
   * buffers) divided among the processes mapping them, so a sum over processes counts them once.
   */
  static long pssBytes(long pid) {
    return statusKilobytes(read(Path.of("/proc", Long.toString(pid), "smaps_rollup")), "Pss:") * 1024;
  }

  static long statusKilobytes(String text, String key) {
    if (text == null) {
      return 0;
    }
    for (String line : text.split("\n")) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
      }
    }
    return 0;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return null; // exited, or not ours to read
    }
  }
}
