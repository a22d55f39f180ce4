package io.slamon.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus file-based service discovery: reads target-group files ({@code .json}, {@code .yml},
 * {@code .yaml}; a list of {@code {targets: [host:port…], labels: {…}}}) matched by a glob whose
 * last path element may contain {@code *}. A file that cannot be read or parsed is reported and
 * skipped; the other files still count, as Prometheus does.
 */
public final class FileDiscovery {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()); // YAML is a superset of JSON

  private FileDiscovery() {}

  /** One group of targets sharing labels. */
  public record TargetGroup(List<String> targets, Map<String, String> labels, Path source) {
    public TargetGroup {
      targets = List.copyOf(targets);
      labels = Map.copyOf(labels);
    }
  }

  /** Groups found and problems met, each problem naming its file. */
  public record Result(List<TargetGroup> groups, List<String> problems) {
    public Result {
      groups = List.copyOf(groups);
      problems = List.copyOf(problems);
    }
  }

  /** Reads every file matching each glob, resolved against {@code baseDir} when relative. */
  public static Result read(Path baseDir, List<String> globs) {
    List<TargetGroup> groups = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path file : files(baseDir, globs, problems)) {
      readFile(file, groups, problems);
    }
    return new Result(groups, problems);
  }

  /** The files matching the globs, sorted per glob; unreadable directories are reported in {@code problems}. */
  public static List<Path> files(Path baseDir, List<String> globs, List<String> problems) {
    List<Path> all = new ArrayList<>();
    for (String glob : globs) {
      Path pattern = baseDir.resolve(glob);
      Path dir = pattern.getParent();
      String name = pattern.getFileName().toString();
      if (dir == null || !Files.isDirectory(dir)) {
        problems.add(glob + ": directory " + dir + " does not exist");
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name)) {
        List<Path> sorted = new ArrayList<>();
        files.forEach(sorted::add);
        sorted.sort(null);
        all.addAll(sorted);
      } catch (IOException e) {
        problems.add(glob + ": " + e.getMessage());
      }
    }
    return all;
  }

  /** The groups of one file; a file with a problem gives no groups (the problem names file and line). */
  public static Result readFile(Path file) {
    List<TargetGroup> groups = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    readFile(file, groups, problems);
    return new Result(problems.isEmpty() ? groups : List.of(), problems);
  }

  private static void readFile(Path file, List<TargetGroup> groups, List<String> problems) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      problems.add(file + ":" + e.getLocation().getLineNr() + ": not valid JSON/YAML: " + e.getOriginalMessage());
      return;
    } catch (IOException e) {
      problems.add(file + ": cannot be read: " + e.getMessage());
      return;
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return; // an empty file is an empty list of groups
    }
    if (!root.isArray()) {
      problems.add(file + ":1: expected a list of target groups ({targets: [...], labels: {...}})");
      return;
    }
    for (int i = 0; i < root.size(); i++) {
      JsonNode g = root.get(i);
      JsonNode targets = g.get("targets");
      if (targets == null || !targets.isArray()) {
        problems.add(file + ":" + lineOfGroup(file, i) + ": [" + i + "].targets: missing or not a list");
        continue;
      }
      List<String> ts = new ArrayList<>();
      targets.forEach(t -> ts.add(t.asText()));
      Map<String, String> labels = new LinkedHashMap<>();
      JsonNode l = g.get("labels");
      if (l != null && l.isObject()) {
        l.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      } else if (l != null && !l.isNull()) {
        problems.add(file + ":" + lineOfGroup(file, i) + ": [" + i + "].labels: expected a mapping of label names to values");
        continue;
      }
      groups.add(new TargetGroup(ts, labels, file));
    }
  }

  /** The line where the {@code index}-th element of the top-level list starts (the tree keeps no locations). */
  private static int lineOfGroup(Path file, int index) {
    try (com.fasterxml.jackson.core.JsonParser p = YAML.createParser(file.toFile())) {
      int depth = 0;
      int seen = -1;
      for (var t = p.nextToken(); t != null; t = p.nextToken()) {
        if (depth == 1 && (t.isStructStart() || t.isScalarValue()) && ++seen == index) {
          return p.currentTokenLocation().getLineNr();
        }
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        }
      }
    } catch (IOException e) {
      // fall through: the tree was readable, so this cannot really happen
    }
    return 1;
  }
}
