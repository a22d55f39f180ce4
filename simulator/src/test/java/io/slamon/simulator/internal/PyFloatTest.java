package io.slamon.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyFloatTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0.0",
    "0.001, 0.001",
    "0.25, 0.25",
    "2560, 2560.0",
    "123456, 123456.0",
    "1234567, 1.234567e+06",
    "12345678, 1.2345678e+07",
    "10000000, 1e+07",
    "1764441600.5, 1.7644416005e+09",
    "Infinity, +Inf",
  })
  void formatsLikePrometheusClientForPython(double value, String expected) {
    assertThat(PyFloat.format(value)).isEqualTo(expected);
  }
}
