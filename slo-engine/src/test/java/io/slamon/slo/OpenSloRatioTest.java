package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.core.openslo.Operator;
import io.slamon.slo.OpenSloRatio.RawType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenSloRatioTest {
  @ParameterizedTest(name = "good {0} / total {1} and bad {2} / total {1} -> {3}")
  @CsvSource({
    "990, 1000, 10, 0.99",
    "0, 1000, 1000, 0.0",
    "1000, 1000, 0, 1.0",
  })
  void goodOverTotalAndBadOverTotalDescribeTheSameSli(double good, double total, double bad, double attainment) {
    SliCounts g = OpenSloRatio.goodOverTotal(good, total);
    SliCounts b = OpenSloRatio.badOverTotal(bad, total);
    assertThat(b).isEqualTo(g);
    assertThat(ErrorBudget.attainment(b.good(), b.total())).isEqualTo(attainment);
  }

  @Test
  void noTrafficIsNoDataWhicheverWayTheRatioIsWritten() {
    assertThat(ErrorBudget.attainment(OpenSloRatio.badOverTotal(0, 0).good(), 0)).isNaN();
    assertThat(OpenSloRatio.raw(Double.NaN, RawType.SUCCESS)).isEqualTo(SliCounts.NONE);
    assertThat(OpenSloRatio.threshold(Double.NaN, Operator.LTE, 1)).isEqualTo(SliCounts.NONE);
  }

  /** Raw ratios per slice; summed they give the mean ratio. */
  @ParameterizedTest(name = "raw {1} {0} -> {2}")
  @CsvSource({
    "0.99 0.97 NaN 1.0, SUCCESS, 0.9866666666666667",
    "0.01 0.03 NaN 0.0, FAILURE, 0.9866666666666667",
    "0.5, SUCCESS, 0.5",
  })
  void rawRatiosAverageOverTheSlicesWithData(String ratios, RawType type, double attainment) {
    List<SliCounts> slices = new ArrayList<>();
    for (String r : ratios.split(" ")) {
      slices.add(OpenSloRatio.raw(Double.parseDouble(r), type));
    }
    SliCounts sum = TimeBasedSlis.sum(slices);
    assertThat(sum.good() / sum.total()).isCloseTo(attainment, org.assertj.core.api.Assertions.within(1e-12));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> good {3}")
  @CsvSource({
    "0.5, LTE, 0.5, 1",
    "0.5, LT, 0.5, 0",
    "0.6, LTE, 0.5, 0",
    "99.9, GTE, 99.9, 1",
    "99.8, GT, 99.8, 0",
    "100, GT, 99.8, 1",
  })
  void thresholdMetricSliceIsGoodWhenTheObjectivesComparisonHolds(double value, Operator op, double threshold, int good) {
    assertThat(OpenSloRatio.threshold(value, op, threshold)).isEqualTo(new SliCounts(good, 1));
  }

  @Test
  void impossibleInputsAreRejectedWithTheirValues() {
    assertThatThrownBy(() -> OpenSloRatio.badOverTotal(11, 10)).hasMessageContaining("Illegal SLI counts bad=11.0 total=10.0");
    assertThatThrownBy(() -> OpenSloRatio.raw(1.5, RawType.SUCCESS)).hasMessageContaining("Illegal raw ratio 1.5");
  }
}
