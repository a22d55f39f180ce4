package io.slamon.bench.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A measured process, optionally with its descendants (PostgreSQL: the postmaster and its
 * backends). CPU of a tree = each live process's own and reaped-children time, so a backend that
 * exits is counted once, through its parent.
 */
record ProcessGroup(String name, long pid, boolean withDescendants) {
  List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(pid);
    if (withDescendants) {
      ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
    }
    return pids;
  }

  double cpuSeconds() {
    return pids().stream().mapToDouble(Proc::cpuSeconds).sum();
  }

  /**
   * Memory now: the sum of PSS over the tree, or for a single process its peak RSS (VmHWM),
   * which the kernel tracks exactly, so sampling cannot miss the peak.
   */
  long memoryBytes() {
    return withDescendants ? pids().stream().mapToLong(Proc::pssBytes).sum() : Proc.peakRssBytes(pid);
  }

  boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
