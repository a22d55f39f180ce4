package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSdWatcherTest {
  @TempDir Path dir;
  final AtomicLong now = new AtomicLong(1_000_000);
  final InstantSource clock = () -> Instant.ofEpochMilli(now.get());

  List<String> targets(FileSdWatcher w) {
    return w.groups().stream().flatMap(g -> g.targets().stream()).toList();
  }

  void write(String name, String content, long mtime) throws Exception {
    Path f = dir.resolve("sd").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, content);
    Files.setLastModifiedTime(f, FileTime.fromMillis(mtime));
  }

  @Test
  void changedAddedAndDeletedFilesAreSeenOnTheNextCall() throws Exception {
    write("a.yaml", "- targets: ['10.0.0.1:9400']\n", 1000);
    FileSdWatcher w = new FileSdWatcher(dir, List.of("sd/*.yaml"), Duration.ofMinutes(5), clock);
    assertThat(targets(w)).containsExactly("10.0.0.1:9400");

    write("a.yaml", "- targets: ['10.0.0.1:9400', '10.0.0.2:9400']\n  labels: {rack: r1}\n", 2000);
    write("b.yaml", "- targets: ['10.0.1.1:9400']\n", 2000);
    assertThat(targets(w)).containsExactly("10.0.0.1:9400", "10.0.0.2:9400", "10.0.1.1:9400");
    assertThat(w.groups().get(0).labels()).containsEntry("rack", "r1");

    Files.delete(dir.resolve("sd/a.yaml"));
    assertThat(targets(w)).containsExactly("10.0.1.1:9400");
  }

  @Test
  void aBrokenFileKeepsItsLastGoodTargetsUntilItIsFixed() throws Exception {
    write("a.yaml", "- targets: ['10.0.0.1:9400']\n", 1000);
    write("b.yaml", "- targets: ['10.0.1.1:9400']\n", 1000);
    FileSdWatcher w = new FileSdWatcher(dir, List.of("sd/*.yaml"), Duration.ofMinutes(5), clock);
    assertThat(targets(w)).hasSize(2);

    write("a.yaml", "- targets: ['10.0.0.1:9400'\n  labels: [oops\n", 2000); // half-written edit
    assertThat(targets(w)).containsExactly("10.0.0.1:9400", "10.0.1.1:9400");
    assertThat(w.brokenFiles()).containsExactly(dir.resolve("sd/a.yaml"));

    write("a.yaml", "- targets: ['10.0.0.9:9400']\n", 3000);
    assertThat(targets(w)).containsExactly("10.0.0.9:9400", "10.0.1.1:9400");
    assertThat(w.brokenFiles()).isEmpty();
  }

  @Test
  void aBrokenFileSeenFirstContributesNothingAndItsProblemNamesFileAndLine() throws Exception {
    write("a.json", "[{\"targets\": [\"10.0.0.1:9400\"]},\n {\"targets\": [\"x\"}]", 1000);
    write("b.yaml", "- targets: ['10.0.0.1:9400']\n- labels: {a: b}\n", 1000);
    FileSdWatcher w = new FileSdWatcher(dir, List.of("sd/*.json", "sd/*.yaml"), Duration.ofMinutes(5), clock);
    assertThat(targets(w)).isEmpty();
    assertThat(FileDiscovery.readFile(dir.resolve("sd/a.json")).problems()).singleElement().asString()
        .startsWith(dir.resolve("sd/a.json") + ":2: not valid JSON/YAML");
    assertThat(FileDiscovery.readFile(dir.resolve("sd/b.yaml")).problems()).singleElement().asString()
        .isEqualTo(dir.resolve("sd/b.yaml") + ":2: [1].targets: missing or not a list");
  }

  @Test
  void anUnchangedLookingFileIsReReadAfterTheRefreshInterval() throws Exception {
    write("a.yaml", "- targets: ['10.0.0.1:9400']\n", 1000);
    FileSdWatcher w = new FileSdWatcher(dir, List.of("sd/*.yaml"), Duration.ofMinutes(5), clock);
    assertThat(targets(w)).containsExactly("10.0.0.1:9400");
    // same size and mtime: only the interval reveals the change
    write("a.yaml", "- targets: ['10.0.0.2:9400']\n", 1000);
    assertThat(targets(w)).containsExactly("10.0.0.1:9400");

    now.addAndGet(Duration.ofMinutes(5).toMillis());

    assertThat(targets(w)).containsExactly("10.0.0.2:9400");
  }

}
