package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresRestartIT {
  @Test
  void dataWrittenBeforeARestartIsReadAfterIt() throws IOException {
    // one fixed directory, emptied first, so repeated runs do not pile up clusters under target/
    Path dataDir = Path.of("target", "it-restart").toAbsolutePath();
    deleteRecursively(dataDir);
    DatabaseSettings settings = new DatabaseSettings(null, null, null, dataDir);
    Instant at = Instant.parse("2026-11-20T08:00:00Z");

    try (Database first = Database.open(settings, System.out::println)) {
      first.sampleStore().write(List.of(new Sample("acme", "gpu_util", Map.of("gpu", "0"), at.toEpochMilli(), 42)));
      assertThat(first.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/slamon");
      // an acknowledged write is on disk: what the spool relies on when it drops a replayed batch
      assertThat(settingsOf(first, "fsync", "synchronous_commit", "full_page_writes")).containsOnly("on");
    }
    assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

    try (Database second = Database.open(settings, System.out::println)) {
      assertThat(second.sampleStore().query("acme", "gpu_util", Map.of(), at, at.plusSeconds(1)))
          .singleElement()
          .satisfies(s -> assertThat(s.points()).containsExactly(new SampleReader.Point(at.toEpochMilli(), 42)));
    }
  }

  private static List<String> settingsOf(Database db, String... names) {
    try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
      List<String> values = new java.util.ArrayList<>();
      for (String name : names) {
        try (java.sql.ResultSet rs = s.executeQuery("SHOW " + name)) {
          rs.next();
          values.add(rs.getString(1));
        }
      }
      return values;
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
