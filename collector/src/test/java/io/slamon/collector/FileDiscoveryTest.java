package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscoveryTest {

  @Test
  void readsJsonAndYamlTargetGroupsMatchedByTheGlobInNameOrder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("targets"));
    Files.writeString(dir.resolve("targets/b.yaml"), """
        - targets: [10.0.0.2:9400]
          labels: {tenant: acme-logistik}
        """);
    Files.writeString(dir.resolve("targets/a.json"), """
        [{"targets": ["10.0.0.1:9400", "10.0.0.3:9400"], "labels": {"rack": "r1"}}]
        """);
    Files.writeString(dir.resolve("targets/ignored.txt"), "not a target file");

    var result = FileDiscovery.read(dir, List.of("targets/*.json", "targets/*.yaml"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.groups()).hasSize(2);
    assertThat(result.groups().get(0).targets()).containsExactly("10.0.0.1:9400", "10.0.0.3:9400");
    assertThat(result.groups().get(0).labels()).containsEntry("rack", "r1");
    assertThat(result.groups().get(1).labels()).containsEntry("tenant", "acme-logistik");
  }

  @Test
  void aBrokenFileIsReportedWithItsNameAndTheOtherFilesStillCount(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("good.yaml"), "- targets: [127.0.0.1:1]\n");
    Files.writeString(dir.resolve("broken.yaml"), "- targets: [127.0.0.1:2\n  labels: {\n");
    Files.writeString(dir.resolve("shape.yaml"), "targets: [127.0.0.1:3]\n");
    Files.writeString(dir.resolve("notargets.yaml"), "- labels: {a: b}\n");

    var result = FileDiscovery.read(dir, List.of("*.yaml"));

    assertThat(result.groups()).extracting(g -> g.targets().get(0)).containsExactly("127.0.0.1:1");
    assertThat(result.problems()).hasSize(3);
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("broken.yaml", "not valid JSON/YAML"));
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("shape.yaml", "expected a list of target groups"));
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("notargets.yaml", "[0].targets: missing"));
  }

  @Test
  void aMissingDirectoryIsAProblemNotAnException(@TempDir Path dir) {
    var result = FileDiscovery.read(dir, List.of("nowhere/*.json"));
    assertThat(result.groups()).isEmpty();
    assertThat(result.problems()).singleElement().asString().contains("does not exist");
  }
}
