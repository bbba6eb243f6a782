package io.tagcf.models.simulation;

/**
 * Derives independent random streams from (seed, stream index).
 *
 * <p>SplittableRandom's state advances by a fixed odd constant; seeding streams with seeds that
 * differ by a multiple of that constant (seed + b * golden ratio, the obvious choice) makes
 * stream b + 1 a shifted copy of stream b. Hashing both numbers through SplitMix64's finaliser
 * gives unrelated 64-bit states instead.
 */
public final class Seeds {
  private Seeds() {}

  public static long mix(long seed, long stream) {
    return finalise(finalise(seed) ^ finalise(stream + 0x632BE59BD9B4E019L));
  }

  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
