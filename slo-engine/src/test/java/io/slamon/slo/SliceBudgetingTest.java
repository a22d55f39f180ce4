package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SliceBudgetingTest {
  /** Slices as "good/total ..."; target 0.95 for Timeslices. */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 3 slices: ratios 1.0, 0.9, 0.96 -> 2 of 3 reach 0.95
        "OCCURRENCES      | 100/100 90/100 96/100 | 0.9533333333333334 | 3 | 0 | 0",
        "TIMESLICES       | 100/100 90/100 96/100 | 0.6666666666666666 | 3 | 2 | 0",
        "RATIO_TIMESLICES | 100/100 90/100 96/100 | 0.9533333333333334 | 3 | 0 | 0",
        // a busy bad slice weighs more in Occurrences than in the slice methods
        "OCCURRENCES      | 10/10 0/990          | 0.01 | 2 | 0 | 0",
        "TIMESLICES       | 10/10 0/990          | 0.5  | 2 | 1 | 0",
        "RATIO_TIMESLICES | 10/10 0/990          | 0.5  | 2 | 0 | 0",
        // a slice exactly at the target is good
        "TIMESLICES       | 95/100 94/100        | 0.5  | 2 | 1 | 0",
        // empty slices are neither good nor bad
        "TIMESLICES       | 0/0 100/100 0/0 50/100 | 0.5  | 2 | 1 | 2",
        "RATIO_TIMESLICES | 0/0 100/100 0/0 50/100 | 0.75 | 2 | 0 | 2",
        "OCCURRENCES      | 0/0 100/100 0/0 50/100 | 0.75 | 2 | 0 | 2",
      })
  void attainmentPerBudgetingMethod(BudgetingMethod method, String slices, double attainment, int withData, int goodSlices, int empty) {
    SliceAttainment result = SliceBudgeting.attainment(method, parse(slices), 0.95);
    assertThat(result.attainment()).isCloseTo(attainment, within(1e-12));
    assertThat(result.slicesWithData()).isEqualTo(withData);
    assertThat(result.goodSlices()).isEqualTo(goodSlices);
    assertThat(result.emptySlices()).isEqualTo(empty);
  }

  @Test
  void onlyEmptySlicesHaveNoAttainment() {
    for (BudgetingMethod m : BudgetingMethod.values()) {
      SliceAttainment result = SliceBudgeting.attainment(m, parse("0/0 0/0"), 0.95);
      assertThat(result.attainment()).as(m.name()).isNaN();
      assertThat(result.emptySlices()).isEqualTo(2);
    }
    assertThat(SliceBudgeting.attainment(BudgetingMethod.TIMESLICES, List.of(), 0.95).attainment()).isNaN();
  }

  @Test
  void aTimeSliceTargetOutsideTheUnitIntervalIsRejected() {
    assertThatThrownBy(() -> SliceBudgeting.attainment(BudgetingMethod.TIMESLICES, parse("1/1"), 0))
        .hasMessageContaining("Illegal timeSliceTarget 0.0: expecting 0 < timeSliceTarget <= 1");
    assertThatThrownBy(() -> SliceBudgeting.attainment(BudgetingMethod.TIMESLICES, parse("1/1"), 1.5)).hasMessageContaining("Illegal timeSliceTarget 1.5");
  }

  private static List<SliCounts> parse(String spec) {
    List<SliCounts> out = new ArrayList<>();
    for (String s : spec.trim().split("\\s+")) {
      String[] gt = s.split("/");
      out.add(new SliCounts(Double.parseDouble(gt[0]), Double.parseDouble(gt[1])));
    }
    return out;
  }
}
