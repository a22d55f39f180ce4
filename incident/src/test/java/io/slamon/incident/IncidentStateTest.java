package io.slamon.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IncidentStateTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "OPEN, ACKNOWLEDGED, true",
    "OPEN, RESOLVED, true", // fixed before anyone acknowledged
    "OPEN, CLOSED, false", // closing skips resolution
    "ACKNOWLEDGED, OPEN, false",
    "ACKNOWLEDGED, MITIGATED, true",
    "MITIGATED, ACKNOWLEDGED, false",
    "MITIGATED, RESOLVED, true",
    "RESOLVED, CLOSED, true",
    "RESOLVED, OPEN, true", // reopened while not closed
    "RESOLVED, CANCELLED, false",
    "CLOSED, OPEN, false",
    "CANCELLED, OPEN, false",
    "ACKNOWLEDGED, CANCELLED, true",
  })
  void transitionsFollowTheLifecycle(IncidentState from, IncidentState to, boolean allowed) {
    if (allowed) {
      assertThatCode(() -> from.checkTransition("INC-2026-000001", to)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> from.checkTransition("INC-2026-000001", to))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot make INC-2026-000001 " + to.wireName() + ": ");
    }
  }

  @Test
  void theMessageSaysWhereTheIncidentCanGo() {
    assertThatThrownBy(() -> IncidentState.CLOSED.checkTransition("INC-1", IncidentState.OPEN)).hasMessage("cannot make INC-1 open: it is closed for good");
    assertThatThrownBy(() -> IncidentState.MITIGATED.checkTransition("INC-1", IncidentState.OPEN))
        .hasMessage("cannot make INC-1 open: from mitigated it can become [cancelled, resolved]");
  }

  @Test
  void onlyOpenAcknowledgedAndMitigatedAreLive() {
    assertThat(IncidentState.values()).filteredOn(IncidentState::live)
        .containsExactly(IncidentState.OPEN, IncidentState.ACKNOWLEDGED, IncidentState.MITIGATED);
    assertThatThrownBy(() -> IncidentState.fromWireName("done")).hasMessageContaining("unknown incident state 'done'");
  }
}
