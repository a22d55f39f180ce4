package io.slamon.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static final Instant T = Instant.parse("2026-10-23T08:00:00.123456789Z");

  private static List<AuditEntry> chain() {
    List<AuditEntry> entries = new ArrayList<>();
    AuditEntry a = AuditChain.next(null, T, "slamon", "INC-2026-000001", "opened", null, "open", "SLO breach");
    AuditEntry b = AuditChain.next(a, T.plusSeconds(60), "oncall@example.de", "INC-2026-000001", "state", "open", "acknowledged", null);
    AuditEntry c = AuditChain.next(b, T.plusSeconds(120), "dpo@example.de", "INC-2026-000001", "classify", null, "DSGVO_CONTROLLER", "customer data exposed");
    entries.add(a);
    entries.add(b);
    entries.add(c);
    return entries;
  }

  @Test
  void anUntouchedChainVerifies() {
    List<AuditEntry> entries = chain();
    assertThat(AuditChain.verify(entries)).isEmpty();
    assertThat(entries.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
    assertThat(entries.get(0).hash()).hasSize(64).matches("[0-9a-f]+");
    assertThat(entries.get(0).at()).isEqualTo(Instant.parse("2026-10-23T08:00:00.123456Z"));
  }

  @Test
  void aChangedValueIsFoundAtItsEntry() {
    List<AuditEntry> entries = chain();
    AuditEntry b = entries.get(1);
    entries.set(1, new AuditEntry(b.seq(), b.at(), b.actor(), b.subject(), b.action(), b.oldValue(), "resolved", b.reason(), b.prevHash(), b.hash()));
    assertThat(AuditChain.verify(entries)).hasValueSatisfying(br -> {
      assertThat(br.seq()).isEqualTo(2);
      assertThat(br.problem()).contains("entry #2 (state on INC-2026-000001) was changed");
    });
  }

  @Test
  void aRehashedForgeryBreaksTheNextLink() {
    List<AuditEntry> entries = chain();
    AuditEntry a = entries.get(0);
    // the forger recomputes entry 1's own hash, but entry 2 still points at the original
    AuditEntry forged = AuditChain.next(null, a.at(), a.actor(), a.subject(), a.action(), a.oldValue(), a.newValue(), "nothing happened");
    entries.set(0, forged);
    assertThat(AuditChain.verify(entries)).hasValueSatisfying(br -> {
      assertThat(br.seq()).isEqualTo(2);
      assertThat(br.problem()).contains("does not follow entry #1");
    });
  }

  @Test
  void aRemovedEntryIsReportedAsMissing() {
    List<AuditEntry> entries = chain();
    entries.remove(1);
    assertThat(AuditChain.verify(entries)).hasValueSatisfying(br -> assertThat(br.problem()).isEqualTo("entry #2 is missing (next stored entry is #3)"));
  }

  @Test
  void textCannotBeShiftedBetweenFieldsWithoutChangingTheHash() {
    AuditEntry a = AuditChain.next(null, T, "ab", "c", "x", null, null, null);
    AuditEntry b = AuditChain.next(null, T, "a", "bc", "x", null, null, null);
    AuditEntry nullVsEmpty = AuditChain.next(null, T, "ab", "c", "x", "", null, null);
    assertThat(a.hash()).isNotEqualTo(b.hash()).isNotEqualTo(nullVsEmpty.hash());
  }
}
