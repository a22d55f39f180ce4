package io.slamon.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsConfigTest {
  private static ConfigResult load(String reports) {
    return ConfigDirs.load(Map.of("slamon.yaml", ConfigDirs.SLAMON + reports));
  }

  @Test
  void without_a_reports_section_reports_go_out_on_the_first_at_six_in_german_and_english() {
    ConfigResult r = ConfigDirs.load(Map.of());
    assertThat(r.problems()).isEmpty();
    assertThat(r.config().reports()).isEqualTo(Reports.DEFAULT).isEqualTo(new Reports(true, 1, 6, List.of("de", "en")));
  }

  @Test
  void the_day_hour_languages_and_switch_are_read_as_written() {
    ConfigResult r = load("""
        reports:
          enabled: false
          schedule: {day: 3, hour: 9}
          languages: [en]
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.config().reports()).isEqualTo(new Reports(false, 3, 9, List.of("en")));
  }

  @Test
  void a_partial_schedule_keeps_the_default_for_what_it_leaves_out() {
    ConfigResult r = load("""
        reports:
          schedule: {hour: 23}
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.config().reports()).isEqualTo(new Reports(true, 1, 23, List.of("de", "en")));
  }

  @Test
  void bad_reports_settings_are_reported_with_file_line_and_field() {
    ConfigResult r = load("""
        reports:
          enabled: sometimes
          schedule:
            day: 31
            hour: 24
            minute: 5
          languages: [de, fr, de]
          format: pdf
        """);
    assertThat(r.config()).isNull();
    assertThat(r.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
        "slamon.yaml:4: reports.enabled: expected true or false but found \"sometimes\"",
        "slamon.yaml:6: reports.schedule.day: 31 is out of range (1 to 28)",
        "slamon.yaml:7: reports.schedule.hour: 24 is out of range (0 to 23)",
        "slamon.yaml:8: reports.schedule.minute: unknown field 'minute'",
        "slamon.yaml:9: reports.languages: 'fr' is not supported",
        "slamon.yaml:9: reports.languages: 'de' is listed twice",
        "slamon.yaml:10: reports.format: unknown field 'format'");
  }

  @Test
  void an_empty_language_list_or_a_schedule_that_is_not_a_mapping_is_refused() {
    ConfigResult r = load("""
        reports:
          schedule: monthly
          languages: []
        """);
    assertThat(r.config()).isNull();
    assertThat(r.problems()).extracting(ConfigProblem::toString).contains(
        "slamon.yaml:5: reports.languages: must name at least one of de, en");
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.toString()).startsWith("slamon.yaml:4: reports.schedule:"));
  }

  @Test
  void the_record_refuses_what_the_reader_refuses() {
    assertThatThrownBy(() -> new Reports(true, 29, 6, List.of("de"))).hasMessageContaining("day must be 1 to 28");
    assertThatThrownBy(() -> new Reports(true, 1, -1, List.of("de"))).hasMessageContaining("hour must be 0 to 23");
    assertThatThrownBy(() -> new Reports(true, 1, 6, List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> new Reports(true, 1, 6, List.of("en", "en"))).hasMessageContaining("listed twice");
  }
}
