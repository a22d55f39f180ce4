package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
  @Test
  void environmentVariablesSelectAnExternalServer() {
    DatabaseSettings s = DatabaseSettings.fromEnvironment(Path.of("data"), Map.of(
        "SLAMON_DB_URL", "jdbc:postgresql://db:5432/slamon", "SLAMON_DB_USER", "slamon", "SLAMON_DB_PASSWORD", "secret"));

    assertThat(s.embedded()).isFalse();
    assertThat(s.user()).isEqualTo("slamon");
    assertThat(s.toString()).doesNotContain("secret");
  }

  @Test
  void noUrlMeansTheEmbeddedServer() {
    assertThat(DatabaseSettings.fromEnvironment(Path.of("data"), Map.of("SLAMON_DB_URL", " ")).embedded()).isTrue();
  }

  @Test
  void aUrlThatIsNotPostgresIsRejectedWithTheUrl() {
    assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://x/y", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://x/y");
  }

  @Test
  void neitherUrlNorDataDirectoryIsRejected() {
    assertThatThrownBy(() -> new DatabaseSettings(null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SLAMON_DB_URL");
  }
}
