package io.slamon.collector.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Event;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  final EventValidator validator = new EventValidator(Set.of("acme", "globex")::contains, InstantSource.fixed(NOW));

  static Map<String, Object> event(String type, Map<String, Object> attributes) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", "e-1");
    m.put("type", type);
    m.put("tenant", "acme");
    m.put("time", "2026-03-01T02:00:00Z");
    m.put("attributes", attributes);
    return m;
  }

  /** One valid example per type; docs/events.md shows the same ones. */
  static Stream<Arguments> validEvents() {
    return Stream.of(
        Arguments.of("backup.completed", Map.of("asset", "object-storage", "sizeBytes", 1024, "durationSeconds", 12.5)),
        Arguments.of("backup.failed", Map.of("asset", "model-registry", "reason", "disk full")),
        Arguments.of("restore_test.completed", Map.of("asset", "control-plane", "durationSeconds", 5400, "success", true)),
        Arguments.of("cve.published", Map.of("cve", "CVE-2024-0132", "cvss", 9.0, "component", "nvidia-container-toolkit")),
        Arguments.of("patch.applied", Map.of("component", "gpu-driver", "cve", "CVE-2024-0132", "version", "550.90.07")),
        Arguments.of("maintenance.announced", Map.of("maintenanceId", "mw-7", "plannedStart", "2026-03-07T01:00:00Z",
            "plannedEnd", "2026-03-07T03:00:00+01:00")),
        Arguments.of("maintenance.started", Map.of("maintenanceId", "mw-7")),
        Arguments.of("maintenance.ended", Map.of("maintenanceId", "mw-7")),
        Arguments.of("rag_index.freshness", Map.of("index", "contracts", "freshnessSeconds", 240)),
        Arguments.of("token.usage", Map.of("model", "llama-3.1-70b", "inputTokens", 1200, "outputTokens", 300)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validEvents")
  void everyKnownTypeAcceptsItsDocumentedExample(String type, Map<String, Object> attributes) {
    EventValidator.Result r = validator.validate(event(type, attributes), "ops");
    assertThat(r.rejection()).isNull();
    Event e = r.event();
    assertThat(e.type()).isEqualTo(type);
    assertThat(e.tenant()).isEqualTo("acme");
    assertThat(e.source()).isEqualTo("ops");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
    assertThat(e.attributes()).isEqualTo(attributes);
  }

  @Test
  void theTableCoversEveryKnownType() {
    assertThat(validEvents().map(a -> (String) a.get()[0]).toList())
        .containsExactlyElementsOf(List.copyOf(EventTypes.ALL.keySet()));
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      type        | backup.done            | type       | unknown event type 'backup.done'; known types: backup.completed, backup.failed, restore_test.completed, cve.published, patch.applied, maintenance.announced, maintenance.started, maintenance.ended, rag_index.freshness, token.usage
      id          |                        | id         | id is required
      time        | yesterday              | time       | is not an RFC 3339 timestamp
      time        | 2026-03-01T02:00:00    | time       | is not an RFC 3339 timestamp
      time        | 2026-03-01T12:06:00Z   | time       | more than 5 minutes in the future
      tenant      | initech                | tenant     | unknown tenant 'initech'
      extra       | x                      | extra      | unknown field 'extra'
      """)
  void invalidTopLevelFieldsAreRejectedWithTheField(String key, String value, String field, String message) {
    Map<String, Object> e = event("backup.completed", Map.of("asset", "s3"));
    if (value == null) {
      e.remove(key);
    } else {
      e.put(key, value);
    }
    EventValidator.Result r = validator.validate(e, "ops");
    assertThat(r.rejection().status()).isEqualTo(422);
    assertThat(r.rejection().field()).isEqualTo(field);
    assertThat(r.rejection().error()).contains(message);
  }

  static Stream<Arguments> invalidAttributes() {
    return Stream.of(
        Arguments.of("cve.published", Map.of("cve", "CVE-2024-1", "cvss", 9, "component", "k"), "attributes.cve", "a CVE id"),
        Arguments.of("cve.published", Map.of("cve", "CVE-2024-0132", "cvss", 10.5, "component", "k"), "attributes.cvss",
            "a number from 0 to 10, got 10.5"),
        Arguments.of("cve.published", Map.of("cve", "CVE-2024-0132", "component", "k"), "attributes.cvss",
            "cve.published requires attribute 'cvss'"),
        Arguments.of("restore_test.completed", Map.of("asset", "a", "durationSeconds", -1, "success", true),
            "attributes.durationSeconds", "a number >= 0, got -1"),
        Arguments.of("restore_test.completed", Map.of("asset", "a", "durationSeconds", 1, "success", "yes"),
            "attributes.success", "true or false"),
        Arguments.of("token.usage", Map.of("model", "m", "inputTokens", 1.5, "outputTokens", 1),
            "attributes.inputTokens", "an integer >= 0"),
        Arguments.of("maintenance.announced", Map.of("maintenanceId", "m", "plannedStart", "2026-03-07T03:00:00Z",
            "plannedEnd", "2026-03-07T01:00:00Z"), "attributes.plannedEnd", "plannedEnd must be after plannedStart"),
        Arguments.of("backup.completed", Map.of("asset", "a", "nested", Map.of("x", 1)), "attributes.nested",
            "must be a string, number or boolean, not an object or array"),
        Arguments.of("backup.completed", Map.of("asset", "a", "note", "x".repeat(1025)), "attributes.note",
            "longer than 1024"),
        Arguments.of("backup.completed", Map.of("asset", "a", "bad name", 1), "attributes.bad name", "must match"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("invalidAttributes")
  void invalidAttributesAreRejectedWithTheAttributeAsField(String type, Map<String, Object> attrs, String field,
      String message) {
    EventValidator.Result r = validator.validate(event(type, attrs), "ops");
    assertThat(r.rejection()).isNotNull();
    assertThat(r.rejection().status()).isEqualTo(422);
    assertThat(r.rejection().field()).isEqualTo(field);
    assertThat(r.rejection().error()).contains(message);
  }

  @ParameterizedTest
  @CsvSource({"prompt", "completion", "messages", "input", "output", "promptText", "output_text", "completions",
      "content", "inputs", "user.prompt"})
  void attributesNamedLikePromptContentAreRejected(String name) {
    EventValidator.Result r = validator.validate(event("token.usage",
        Map.of("model", "m", "inputTokens", 1, "outputTokens", 1, name, "Hallo, wie geht's?")), "ops");
    assertThat(r.rejection().status()).isEqualTo(422);
    assertThat(r.rejection().field()).isEqualTo("attributes." + name);
    assertThat(r.rejection().error()).contains("slamon never stores prompt content");
  }

  @ParameterizedTest
  @CsvSource({"inputTokens", "output_tokens", "prompt_chars", "completionTokens", "errorMessage", "model", "reason"})
  void countsOfPromptContentAndUnrelatedNamesAreAllowed(String name) {
    assertThat(EventValidator.looksLikePromptContent(name)).isFalse();
  }

  @Test
  void tokenUsageNeedsATenantWhileBackupsMayBeProviderWide() {
    Map<String, Object> usage = event("token.usage", Map.of("model", "m", "inputTokens", 1, "outputTokens", 1));
    usage.remove("tenant");
    assertThat(validator.validate(usage, "ops").rejection().field()).isEqualTo("tenant");
    Map<String, Object> backup = event("backup.completed", Map.of("asset", "s3"));
    backup.remove("tenant");
    assertThat(validator.validate(backup, "ops").event().tenant()).isNull();
  }
}
