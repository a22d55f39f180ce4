package io.slamon.core.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One tenant (customer) with its contract, regulatory regimes, contacts and attribution rules.
 *
 * @param file the tenant's file relative to the config directory, e.g. {@code tenants/acme.yaml}
 */
public record Tenant(
    String id,
    String displayName,
    Tier tier,
    Contract contract,
    Regulatory regulatory,
    List<Contact> contacts,
    Attribution attribution,
    String file) {
  /** A DNS label (RFC 1123): lowercase letters, digits and '-', at most 63 characters. */
  public static final Pattern ID = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public Tenant {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be a lowercase DNS label");
    }
    displayName = displayName == null ? id : displayName;
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(regulatory, "regulatory");
    contacts = List.copyOf(contacts);
    Objects.requireNonNull(attribution, "attribution");
  }

  public List<Contact> contacts(Contact.Role role) {
    return contacts.stream().filter(c -> c.role() == role).toList();
  }

  public Optional<Contact> firstContact(Contact.Role role) {
    return contacts.stream().filter(c -> c.role() == role).findFirst();
  }

  /**
   * Whether this tenant's own attribution rules claim a series (ignores a {@code tenant} label;
   * use {@link TenantAttribution} to decide between tenants).
   */
  public boolean attributes(String target, Map<String, String> labels) {
    return TenantAttribution.of(List.of(this)).ruleFor(target, labels).isPresent();
  }
}
