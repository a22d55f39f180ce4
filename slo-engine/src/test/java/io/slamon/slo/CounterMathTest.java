package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CounterMathTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                 | 0",
        "5                  | 0", // one point: no step to measure
        "0 10 25            | 25",
        "100 110 5 20       | 30", // reset after 110: 10 before, 5 from zero, 15 after
        "7 7 7              | 0",
        "1 NaN 4            | 3", // a missing (NaN) value is skipped, not a reset
      })
  void increaseHandlesResetsLikePrometheus(String values, double expected) {
    List<Double> points = values.isBlank() ? List.of() : Arrays.stream(values.trim().split("\\s+")).map(Double::valueOf).toList();
    assertThat(CounterMath.increase(points)).isEqualTo(expected);
  }
}
