package io.slamon.incident.clock;

import java.util.ArrayList;
import java.util.List;

/**
 * What GDPR Art. 33(3)(a)–(d) asks a notification to describe. Items not yet known are null: Art.
 * 33(4) allows giving them in phases, and {@link #missingItems()} says what is still owed.
 *
 * @param nature (a) nature of the breach, categories and approximate number of data subjects and of
 *     personal data records concerned
 * @param contact (b) name and contact details of the DPO or other contact point
 * @param likelyConsequences (c) likely consequences of the breach
 * @param measures (d) measures taken or proposed, including mitigation of adverse effects
 */
public record BreachContent(
    String nature, String contact, String likelyConsequences, String measures) {

  public BreachContent {
    nature = blankToNull(nature);
    contact = blankToNull(contact);
    likelyConsequences = blankToNull(likelyConsequences);
    measures = blankToNull(measures);
  }

  /** The Art. 33(3) items still missing, e.g. ["(c) likely consequences"]. */
  public List<String> missingItems() {
    var missing = new ArrayList<String>();
    if (nature == null) missing.add("(a) nature, categories and numbers");
    if (contact == null) missing.add("(b) contact point");
    if (likelyConsequences == null) missing.add("(c) likely consequences");
    if (measures == null) missing.add("(d) measures");
    return List.copyOf(missing);
  }

  public boolean isComplete() {
    return missingItems().isEmpty();
  }

  /** This content completed by a later phase: items given later fill or replace earlier ones. */
  public BreachContent completedBy(BreachContent later) {
    if (later == null) return this;
    return new BreachContent(
        later.nature != null ? later.nature : nature,
        later.contact != null ? later.contact : contact,
        later.likelyConsequences != null ? later.likelyConsequences : likelyConsequences,
        later.measures != null ? later.measures : measures);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
