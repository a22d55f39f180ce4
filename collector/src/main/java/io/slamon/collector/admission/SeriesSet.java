package io.slamon.collector.admission;

/**
 * The series one scope (a target or a tenant) has sent recently: 64-bit series hashes with the
 * time each was last seen, in two flat arrays with open addressing (16 bytes per slot, at most
 * half full), so a million tracked series cost about 32 MB instead of the ~100 MB of boxed maps.
 * Not thread-safe; {@link CardinalityLimiter} locks around it.
 */
final class SeriesSet {
  private long[] keys;
  private long[] seen;
  private int size;

  SeriesSet() {
    keys = new long[16];
    seen = new long[16];
  }

  int size() {
    return size;
  }

  boolean contains(long hash) {
    return keys[slot(keys, hash)] == hash;
  }

  /** Adds or refreshes {@code hash}. */
  void touch(long hash, long now) {
    if ((size + 1) * 2 > keys.length) {
      rehash(keys.length * 2, Long.MIN_VALUE);
    }
    int i = slot(keys, hash);
    if (keys[i] != hash) {
      keys[i] = hash;
      size++;
    }
    seen[i] = now;
  }

  /** Forgets series last seen before {@code cutoff}; returns how many were removed. */
  int expire(long cutoff) {
    int before = size;
    int capacity = keys.length;
    while (capacity > 16 && before > 0 && capacity / 8 > before) {
      capacity /= 2;
    }
    rehash(capacity, cutoff);
    return before - size;
  }

  private void rehash(int capacity, long cutoff) {
    long[] oldKeys = keys;
    long[] oldSeen = seen;
    keys = new long[capacity];
    seen = new long[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0 && oldSeen[i] >= cutoff) {
        int j = slot(keys, oldKeys[i]);
        keys[j] = oldKeys[i];
        seen[j] = oldSeen[i];
        size++;
      }
    }
    // a shrink below the live count would loop forever in slot(); grow instead
    if (size * 2 > keys.length) {
      rehash(keys.length * 2, Long.MIN_VALUE);
    }
  }

  /** The slot holding {@code hash} or the empty slot where it belongs (0 marks empty; hashes are never 0). */
  private static int slot(long[] keys, long hash) {
    int mask = keys.length - 1;
    int i = (int) (hash ^ (hash >>> 32)) & mask;
    while (keys[i] != 0 && keys[i] != hash) {
      i = (i + 1) & mask;
    }
    return i;
  }
}
