package io.slamon.incident.clock;

import static io.slamon.incident.clock.ClockPlannerTest.AWARE;
import static io.slamon.incident.clock.ClockPlannerTest.PLANNER;
import static io.slamon.incident.clock.ClockPlannerTest.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.incident.clock.NotificationRecord.Timeliness;
import io.slamon.incident.clock.NotificationRequest.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationsTest {
  private static final DeadlineKind AUTHORITY = DeadlineKind.DSGVO_AUTHORITY_NOTIFICATION;
  private static final Instant DUE = AWARE.plus(Duration.ofHours(72));

  private static NotificationRequest toAuthority(Instant at) {
    return NotificationRequest.sent(AUTHORITY, at, "dpo-ben");
  }

  @Test
  void aNotificationBeforeTheDeadlineIsOnTime() {
    var plan = PLANNER.plan(facts(Regime.DSGVO_CONTROLLER));
    var record = Notifications.record(plan, toAuthority(DUE));
    assertThat(record.timeliness()).isEqualTo(Timeliness.ON_TIME);
    assertThat(record.phase()).isEqualTo(1);
    var after = PLANNER.plan(plan.facts().withNotification(record));
    assertThat(after.status(AUTHORITY, DUE.plusSeconds(3600)).state())
        .isEqualTo(DeadlineStatus.State.MET);
  }

  @Test
  void aLateNotificationWithoutReasonIsRejectedAndWithReasonRecordedAsLate() {
    var plan = PLANNER.plan(facts(Regime.DSGVO_CONTROLLER));
    Instant sent = DUE.plus(Duration.ofHours(5));
    assertThatThrownBy(() -> Notifications.record(plan, toAuthority(sent)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the notify the supervisory authority is 5h late (due Mon 26 Oct 2026 09:00 CET);"
                + " record the reasons for the delay (GDPR Art. 33(1))");

    var record =
        Notifications.record(
            plan, toAuthority(sent).withReason("forensics needed to confirm the scope"));
    assertThat(record.timeliness()).isEqualTo(Timeliness.LATE);
    assertThat(record.lateBy()).isEqualTo(Duration.ofHours(5));
    var status = PLANNER.plan(plan.facts().withNotification(record)).status(AUTHORITY, sent);
    assertThat(status.state()).isEqualTo(DeadlineStatus.State.MET_LATE);
    assertThat(status.amount()).isEqualTo(Duration.ofHours(5));
  }

  @Test
  void aLateNis2NotificationAlsoNeedsAReason() {
    var plan = PLANNER.plan(facts(Regime.NIS2));
    assertThatThrownBy(
            () ->
                Notifications.record(
                    plan,
                    NotificationRequest.sent(
                        DeadlineKind.NIS2_EARLY_WARNING, AWARE.plus(Duration.ofHours(25)), "ciso")))
        .hasMessageContaining("1h late")
        .hasMessageContaining("reasons for the delay");
  }

  @Test
  void aBreachIsNotifiedInPhasesWithItsArticle33ContentCompletedLater() {
    var facts = facts(Regime.DSGVO_CONTROLLER);
    var partial =
        new BreachContent(
            "e-mail addresses of ~1200 tenant users", "dpo@provider.example", null, null);
    assertThat(partial.missingItems()).containsExactly("(c) likely consequences", "(d) measures");

    var first =
        Notifications.record(
            PLANNER.plan(facts),
            toAuthority(AWARE.plus(Duration.ofHours(20))).withContent(partial));
    facts = facts.withNotification(first);
    var second =
        Notifications.record(
            PLANNER.plan(facts),
            toAuthority(DUE.plus(Duration.ofDays(3)))
                .withContent(
                    new BreachContent(
                        null, null, "phishing risk", "credentials rotated, users informed"))
                .withDataSubjectsInformed(true));

    assertThat(first.timeliness()).isEqualTo(Timeliness.ON_TIME);
    assertThat(second.phase()).isEqualTo(2);
    assertThat(second.timeliness()).isEqualTo(Timeliness.FOLLOW_UP);
    assertThat(second.request().dataSubjectsInformed()).isTrue();
    assertThat(partial.completedBy(second.request().content()).isComplete()).isTrue();
  }

  @Test
  void aBreachNotNotifiedIsStillDocumentedWithItsReason() {
    var plan = PLANNER.plan(facts(Regime.DSGVO_CONTROLLER));
    var decision =
        new NotificationRequest(
            AUTHORITY,
            AWARE.plus(Duration.ofHours(30)),
            Outcome.NOT_NOTIFIED_DOCUMENTED,
            "dpo-ben",
            null,
            null,
            false);
    assertThatThrownBy(() -> Notifications.record(plan, decision))
        .hasMessageContaining("unlikely to result in a risk");

    var record =
        Notifications.record(
            plan, decision.withReason("data was encrypted at rest, key not affected"));
    assertThat(record.timeliness()).isEqualTo(Timeliness.NOT_APPLICABLE);
    var status =
        PLANNER.plan(plan.facts().withNotification(record)).status(AUTHORITY, DUE.plusSeconds(1));
    assertThat(status.state()).isEqualTo(DeadlineStatus.State.NOT_NOTIFIED_DOCUMENTED);
    assertThat(status.message()).contains("data was encrypted at rest");
  }

  @Test
  void theProcessorMayNotSkipTellingTheController() {
    var plan = PLANNER.plan(facts(Regime.DSGVO_PROCESSOR));
    var decision =
        new NotificationRequest(
            DeadlineKind.DSGVO_CONTROLLER_NOTICE,
            AWARE,
            Outcome.NOT_NOTIFIED_DOCUMENTED,
            "x",
            "low risk",
            null,
            false);
    assertThatThrownBy(() -> Notifications.record(plan, decision))
        .hasMessageContaining("is always due");
  }

  @Test
  void notificationsThatDoNotFitThePlanAreRejected() {
    var plan = PLANNER.plan(facts(Regime.NIS2));
    assertThatThrownBy(() -> Notifications.record(plan, toAuthority(AWARE)))
        .hasMessageContaining("not classified under DSGVO_CONTROLLER");
    assertThatThrownBy(
            () ->
                Notifications.record(
                    plan, NotificationRequest.sent(DeadlineKind.NIS2_FINAL_REPORT, AWARE, "c")))
        .hasMessage(
            "the NIS2 final report cannot be recorded yet: it waits for the NIS2 incident"
                + " notification");
    assertThatThrownBy(
            () ->
                Notifications.record(
                    plan,
                    NotificationRequest.sent(
                        DeadlineKind.NIS2_EARLY_WARNING, AWARE.minusSeconds(60), "c")))
        .hasMessageContaining("before its period started");
    assertThatThrownBy(
            () ->
                Notifications.record(
                    plan,
                    NotificationRequest.sent(DeadlineKind.NIS2_EARLY_WARNING, AWARE, "c")
                        .withContent(new BreachContent("a", null, null, null))))
        .hasMessageContaining("belong to DSGVO notifications");
    assertThatThrownBy(() -> NotificationRequest.sent(DeadlineKind.NIS2_EARLY_WARNING, AWARE, " "))
        .hasMessageContaining("person who records it");
  }
}
