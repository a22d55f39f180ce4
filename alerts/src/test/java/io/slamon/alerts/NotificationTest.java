package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.alerts.Notification.Kind;
import io.slamon.alerts.Notification.Status;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private static Notification of(String eventId, Status status, String title, Instant endsAt) {
    return new Notification(eventId, Kind.ALERT, status, title, Map.of("alertname", "x"), null, START, endsAt, null, null, null, null);
  }

  @Test
  void missingOrHeaderUnsafeEventIdsAreRejected() {
    assertThatThrownBy(() -> of(" ", Status.FIRING, "t", null)).hasMessageContaining("needs an event id");
    assertThatThrownBy(() -> of("evt 1", Status.FIRING, "t", null)).hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> of("evt-ü", Status.FIRING, "t", null)).hasMessageContaining("printable ASCII");
  }

  @Test
  void statusAndEndsAtMustAgree() {
    assertThatThrownBy(() -> of("e", Status.RESOLVED, "t", null)).hasMessageContaining("resolved but has no endsAt");
    assertThatThrownBy(() -> of("e", Status.FIRING, "t", START.plusSeconds(1))).hasMessageContaining("firing but has endsAt");
    assertThatThrownBy(() -> of("e", Status.RESOLVED, "t", START.minusSeconds(1))).hasMessageContaining("before it starts");
  }

  @Test
  void aBlankTitleOrEmptyLabelNameIsRejected() {
    assertThatThrownBy(() -> of("e", Status.FIRING, "", null)).hasMessageContaining("needs a title");
    var bad = new HashMap<String, String>();
    bad.put("", "v");
    assertThatThrownBy(() -> new Notification("e", Kind.ALERT, Status.FIRING, "t", bad, Map.of(), START, null, null, null, null, null))
        .hasMessageContaining("empty label name");
  }

  @Test
  void absentAnnotationsBecomeAnEmptyMap() {
    assertThat(of("e", Status.FIRING, "t", null).annotations()).isEmpty();
  }
}
