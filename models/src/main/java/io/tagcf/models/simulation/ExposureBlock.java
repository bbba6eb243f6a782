package io.tagcf.models.simulation;

/**
 * A run of consecutive exposures with their outcomes, plus this block's contribution to the
 * truth: sums over its exposures of P(outcome | tag on) - P(outcome | tag off).
 */
public final class ExposureBlock {
  final long firstId;
  final int size;
  final int[] user;
  final int[] video;
  final boolean[] explore;
  final boolean[] clicked;
  final boolean[] completed;
  final boolean[] liked;
  /** [outcome][segment * tags + tag] sums of the toggled difference over all exposures. */
  final double[][] effectSum;
  /** Same, over exposures whose video carries the tag. */
  final double[][] treatedEffectSum;
  /** [segment * tags + tag] exposures whose video carries the tag. */
  final long[] treatedCount;
  /** [segment] exposures. */
  final long[] segmentCount;

  ExposureBlock(long firstId, int size, int outcomes, int cells, int segments) {
    this.firstId = firstId;
    this.size = size;
    this.user = new int[size];
    this.video = new int[size];
    this.explore = new boolean[size];
    this.clicked = new boolean[size];
    this.completed = new boolean[size];
    this.liked = new boolean[size];
    this.effectSum = new double[outcomes][cells];
    this.treatedEffectSum = new double[outcomes][cells];
    this.treatedCount = new long[cells];
    this.segmentCount = new long[segments];
  }

  public long firstId() {
    return firstId;
  }

  public int size() {
    return size;
  }

  public int user(int i) {
    return user[i];
  }

  public int video(int i) {
    return video[i];
  }

  /** True when the video was drawn uniformly (the random exploration slice). */
  public boolean explore(int i) {
    return explore[i];
  }

  public boolean clicked(int i) {
    return clicked[i];
  }

  public boolean completed(int i) {
    return completed[i];
  }

  public boolean liked(int i) {
    return liked[i];
  }
}
