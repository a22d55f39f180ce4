package io.slamon.collector.admission;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data protection before storage: configured labels are dropped, others replaced by a keyed
 * pseudonym, {@code HMAC-SHA256(key, value)} as 32 lowercase hex digits (the first 128 bits).
 * The same value under the same key always gives the same pseudonym, so series stay joinable and
 * counts per user stay right; without the key the original cannot be recovered or confirmed by
 * guessing (unlike a plain hash of a small value space such as user ids).
 *
 * <p>Runs after tenant attribution (attribution may read a label that is then pseudonymised).
 */
public final class LabelPolicy {
  private static final LabelPolicy NONE = new LabelPolicy(Set.of(), Set.of(), null);
  /** Bound of the pseudonym cache (values seen repeatedly are hashed once). */
  private static final int CACHE_LIMIT = 65_536;

  private final Set<String> drop;
  private final Set<String> pseudonymise;
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  /**
   * @param key HMAC key, at least 16 bytes; required when {@code pseudonymise} is not empty
   * @throws IllegalArgumentException for a missing or short key, or a label in both sets
   */
  public LabelPolicy(Set<String> drop, Set<String> pseudonymise, byte[] key) {
    this.drop = Set.copyOf(drop);
    this.pseudonymise = Set.copyOf(pseudonymise);
    for (String name : this.pseudonymise) {
      if (this.drop.contains(name)) {
        throw new IllegalArgumentException("label '" + name + "' is both dropped and pseudonymised");
      }
    }
    if (!this.pseudonymise.isEmpty() && (key == null || key.length < 16)) {
      throw new IllegalArgumentException("pseudonymising labels needs a key of at least 16 bytes");
    }
    this.key = key == null ? null : new SecretKeySpec(key.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** Keeps every label. */
  public static LabelPolicy none() {
    return NONE;
  }

  public boolean isNoop() {
    return drop.isEmpty() && pseudonymise.isEmpty();
  }

  /** The labels as stored: the same instance when no configured label occurs. */
  public Map<String, String> apply(Map<String, String> labels) {
    if (isNoop() || !touches(labels)) {
      return labels;
    }
    Map<String, String> out = new HashMap<>(labels);
    out.keySet().removeAll(drop);
    for (String name : pseudonymise) {
      String v = out.get(name);
      if (v != null) {
        out.put(name, pseudonym(v));
      }
    }
    return Map.copyOf(out);
  }

  /** The pseudonym of {@code value} under this policy's key. */
  public String pseudonym(String value) {
    String cached = cache.get(value);
    if (cached != null) {
      return cached;
    }
    byte[] mac = macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    String p = HexFormat.of().formatHex(mac, 0, 16);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear(); // bounded memory; a cleared value is simply hashed again
    }
    cache.put(value, p);
    return p;
  }

  private boolean touches(Map<String, String> labels) {
    for (String name : drop) {
      if (labels.containsKey(name)) {
        return true;
      }
    }
    for (String name : pseudonymise) {
      if (labels.containsKey(name)) {
        return true;
      }
    }
    return false;
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
