package io.doorstep.bench.upstream;

/**
 * A set of 64-bit keys in one open-addressed array: a million event ids' hashes take 16 MB,
 * where a set of the strings would not fit the bench's heap. Zero is kept aside as "empty".
 * Not thread safe.
 */
final class LongSet {
  private long[] slots;
  private int size;
  private boolean hasZero;

  LongSet(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[capacity];
  }

  /** @return true when the key was new */
  boolean add(long key) {
    if (key == 0) {
      if (hasZero) {
        return false;
      }
      hasZero = true;
      size++;
      return true;
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    return insert(slots, key);
  }

  int size() {
    return size;
  }

  private boolean insert(long[] table, long key) {
    int mask = table.length - 1;
    int i = mix(key) & mask;
    while (table[i] != 0) {
      if (table[i] == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = key;
    if (table == slots) {
      size++;
    }
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long k : old) {
      if (k != 0) {
        int mask = slots.length - 1;
        int i = mix(k) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = k;
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** A 64-bit FNV-1a hash of a text: two ids colliding among a million has odds of about 1 in 10^7. */
  static long hash(CharSequence text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
