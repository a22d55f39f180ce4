package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.Reports;
import io.slamon.reports.MonthlyReportSchedule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingTest {
  @Test
  void theMonthlyScheduleTakesDayHourAndLanguagesFromTheConfiguration() {
    assertThat(Reporting.when(new Reports(true, 3, 9, List.of("en")))).isEqualTo(new MonthlyReportSchedule.When(3, 9, List.of("en")));
  }

  @Test
  void theExampleConfigurationAsksForTheDefaultSchedule() {
    var config = ConfigLoader.load(Path.of("..", "examples", "config")).config();
    assertThat(Reporting.when(config.reports())).isEqualTo(MonthlyReportSchedule.When.DEFAULT);
  }
}
