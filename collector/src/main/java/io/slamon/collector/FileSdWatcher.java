package io.slamon.collector;

import io.slamon.collector.FileDiscovery.TargetGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code file_sd_configs} entry kept current, as Prometheus does: {@link #groups()} re-reads a
 * file when its modification time or size changed, or when {@code refreshInterval} has passed since
 * it was last read; new files matching the globs are picked up and deleted files drop their
 * targets. A file that fails to parse keeps the <em>last good</em> target groups of that file and
 * the problem is logged once per file version, naming file and line.
 */
public final class FileSdWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(FileSdWatcher.class);

  private record Version(long modifiedMillis, long size) {}

  private record Known(Version version, long readAt, List<TargetGroup> lastGood, boolean broken) {}

  private final Path baseDir;
  private final List<String> globs;
  private final Duration refreshInterval;
  private final InstantSource clock;
  private final Map<Path, Known> files = new HashMap<>();
  private final Set<String> reportedGlobProblems = new HashSet<>();

  public FileSdWatcher(Path baseDir, List<String> globs, Duration refreshInterval, InstantSource clock) {
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    this.globs = List.copyOf(globs);
    this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
    this.clock = clock;
  }

  /** The current target groups of all matching files (last good ones for broken files). Blocks on file I/O. */
  public synchronized List<TargetGroup> groups() {
    long now = clock.millis();
    List<String> globProblems = new ArrayList<>();
    List<Path> current = FileDiscovery.files(baseDir, globs, globProblems);
    for (String p : globProblems) {
      if (reportedGlobProblems.add(p)) {
        LOG.warn("file_sd: {}", p);
      }
    }
    files.keySet().retainAll(Set.copyOf(current)); // a deleted file takes its targets with it
    List<TargetGroup> out = new ArrayList<>();
    for (Path file : current) {
      Known known = files.get(file);
      Version version = version(file);
      if (known == null || !known.version().equals(version) || now - known.readAt() >= refreshInterval.toMillis()) {
        known = read(file, version, known, now);
        files.put(file, known);
      }
      out.addAll(known.lastGood());
    }
    return out;
  }

  /** Files whose latest version could not be used (their last good targets are still served). */
  public synchronized List<Path> brokenFiles() {
    return files.entrySet().stream().filter(e -> e.getValue().broken()).map(Map.Entry::getKey).sorted().toList();
  }

  private Known read(Path file, Version version, Known before, long now) {
    FileDiscovery.Result r = FileDiscovery.readFile(file);
    if (r.problems().isEmpty()) {
      if (before != null && before.broken()) {
        LOG.info("file_sd: {} is valid again", file);
      }
      return new Known(version, now, r.groups(), false);
    }
    List<TargetGroup> lastGood = before == null ? List.of() : before.lastGood();
    if (before == null || !before.version().equals(version) || !before.broken()) {
      // once per file version, not every refresh
      LOG.warn("file_sd: {} — keeping its last good {} target group(s)", String.join("; ", r.problems()),
          lastGood.size());
    }
    return new Known(version, now, lastGood, true);
  }

  private static Version version(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Version(a.lastModifiedTime().toMillis(), a.size());
    } catch (IOException e) {
      return new Version(-1, -1);
    }
  }
}
