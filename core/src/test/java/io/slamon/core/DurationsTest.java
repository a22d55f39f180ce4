package io.slamon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({
    "30s, 30000",
    "5m, 300000",
    "1h, 3600000",
    "2d, 172800000",
    "1w, 604800000",
    "1y, 31536000000",
    "1h30m, 5400000",
    "500ms, 500",
    "1m30s500ms, 90500",
    "0, 0",
    "0s, 0",
    "PT1H, 3600000",
    "PT0.5S, 500",
    "P2D, 172800000",
    "P1DT2H, 93600000"
  })
  void prometheusAndIsoDurationsAreAccepted(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1hour", "1.5h", "h", "30", "-5m", "5 m", "1m1h", "PT", "P1M", "1s1s", "ms"})
  void anythingElseIsRejectedWithTheValueInTheMessage(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
  }

  @Test
  void emptyAndNullAreRejected() {
    assertThatThrownBy(() -> Durations.parse(" ")).hasMessage("empty duration");
    assertThatThrownBy(() -> Durations.parse(null)).hasMessage("empty duration");
  }

  @Test
  void negativeIsoDurationsAreRejected() {
    assertThatThrownBy(() -> Durations.parse("PT-1H")).hasMessageContaining("negative");
  }

  @Test
  void absurdlyLongDurationsAreRejectedInsteadOfOverflowing() {
    assertThatThrownBy(() -> Durations.parse("99999999999999999y"))
        .hasMessageContaining("too long");
  }

  @ParameterizedTest(name = "{0} formats as {1}")
  @CsvSource({"5400000, 1h30m", "500, 500ms", "0, 0s", "1209600000, 2w", "1296000000, 15d"})
  void formatWritesThePrometheusStyle(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }
}
