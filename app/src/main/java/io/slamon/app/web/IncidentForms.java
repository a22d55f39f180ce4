package io.slamon.app.web;

import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.BreachContent;
import io.slamon.incident.clock.DeadlineKind;
import io.slamon.incident.clock.NotificationRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the notify and awareness inputs the same way from an API JSON body and a console form
 * ({@code field} answers a field's text or null), with the CLI's names and rules: a notification
 * says which deadline it answers and to whom (unless documented as not notified), awareness says
 * when and from what source it arose.
 */
public final class IncidentForms {
  private IncidentForms() {}

  /** {@code NIS2/early-warning}, {@code nis2/early-warning} or {@code NIS2_EARLY_WARNING} → the kind, or null. */
  public static DeadlineKind deadline(String text) {
    if (text == null) {
      return null;
    }
    String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(DeadlineKind.values())
        .filter(k -> k.name().equals(wanted) || k.key().toUpperCase(Locale.ROOT).replace('-', '_').equals(wanted))
        .findFirst().orElse(null);
  }

  /** Fields deadline, to, sentAt (default now), reason, notNotified, nature, contact, consequences, measures, dataSubjectsInformed. */
  static NotificationRequest notification(Function<String, String> field, String actor, Instant now) {
    DeadlineKind kind = deadline(field.apply("deadline"));
    if (kind == null) {
      throw new IllegalArgumentException("unknown deadline '" + field.apply("deadline") + "'; valid: "
          + String.join(", ", Arrays.stream(DeadlineKind.values()).map(k -> k.key().toLowerCase(Locale.ROOT)).toList()));
    }
    boolean notNotified = flag(field.apply("notNotified"));
    if (!notNotified && blankToNull(field.apply("to")) == null) {
      throw new IllegalArgumentException("say to whom it was sent (to)");
    }
    String nature = blankToNull(field.apply("nature"));
    String contact = blankToNull(field.apply("contact"));
    String consequences = blankToNull(field.apply("consequences"));
    String measures = blankToNull(field.apply("measures"));
    BreachContent content = nature == null && contact == null && consequences == null && measures == null
        ? null : new BreachContent(nature, contact, consequences, measures);
    String sent = blankToNull(field.apply("sentAt"));
    return new NotificationRequest(kind, sent == null ? now : Instant.parse(sent),
        notNotified ? NotificationRequest.Outcome.NOT_NOTIFIED_DOCUMENTED : NotificationRequest.Outcome.NOTIFIED,
        actor, blankToNull(field.apply("reason")), content, flag(field.apply("dataSubjectsInformed")));
  }

  /** Fields awareAt (default {@code now}; required when {@code now} is null) and source (required). */
  static Awareness awareness(Function<String, String> field, String actor, Instant now) {
    String at = blankToNull(field.apply("awareAt"));
    if (at == null && now == null) {
      throw new IllegalArgumentException("say when awareness arose (awareAt, ISO-8601)");
    }
    String source = blankToNull(field.apply("source"));
    if (source == null) {
      throw new IllegalArgumentException("say how awareness arose (source: ticket, alert, call)");
    }
    return new Awareness(at == null ? now : Instant.parse(at), source, actor);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static boolean flag(String s) {
    return s != null && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("on"));
  }
}
