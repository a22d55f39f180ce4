package io.slamon.collector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens allowed to push events, each mapped to the source name stored with the
 * events it pushes (e.g. {@code backup-operator}).
 */
public final class EventSources {
  private record Entry(byte[] token, String source) {}

  private final List<Entry> entries = new ArrayList<>();

  /** @param sourceByToken token to source name; tokens shorter than 16 characters are refused */
  public EventSources(Map<String, String> sourceByToken) {
    sourceByToken.forEach(
        (token, source) -> {
          if (token == null || token.length() < 16) {
            throw new IllegalArgumentException(
                "event source token for '" + source + "' is shorter than 16 characters");
          }
          if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("event source name must not be blank");
          }
          entries.add(new Entry(token.getBytes(StandardCharsets.UTF_8), source));
        });
  }

  /** The token of an {@code Authorization: Bearer <token>} header value, or null for none or another scheme. */
  public static String bearerToken(String authorizationHeader) {
    String h = authorizationHeader;
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
  }

  /** The source for {@code token}, or empty when the token is unknown. */
  public Optional<String> sourceFor(String token) {
    if (token == null) {
      return Optional.empty();
    }
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    String found = null;
    // Compare against every token in constant time so timing does not reveal a prefix.
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.token(), given)) {
        found = e.source();
      }
    }
    return Optional.ofNullable(found);
  }
}
