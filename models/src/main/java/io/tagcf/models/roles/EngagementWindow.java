package io.tagcf.models.roles;

import java.time.Duration;
import java.time.Instant;

/**
 * Which engagements a run reads and how it weighs them: those at or after {@code since}, each with
 *
 * <pre>
 *   w_e = strength_e · 0.5^(age_e / halfLife),   age_e = max(0, now − at_e)
 * </pre>
 *
 * so an engagement loses half its weight every half-life, and one stamped after {@code now} (a
 * producer's skewed clock) counts as now. The store computes the sum per (user, video) in SQL
 * ({@link EngagedVideo#weight()}); only ratios of weights matter to the models.
 */
public record EngagementWindow(Instant since, Instant now, Duration halfLife) {

  private static final long SECONDS_PER_DAY = 86_400;

  public EngagementWindow {
    if (since == null || now == null) {
      throw new IllegalArgumentException("since and now are required");
    }
    if (since.isAfter(now)) {
      throw new IllegalArgumentException("since " + since + " is after now " + now);
    }
    if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be a positive duration: " + halfLife);
    }
  }

  /** The last {@code days} days before {@code now}, the half-life given in (fractional) days. */
  public static EngagementWindow lastDays(Instant now, int days, double halfLifeDays) {
    if (days < 1) {
      throw new IllegalArgumentException("window must be at least 1 day: " + days);
    }
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw new IllegalArgumentException("halfLifeDays must be positive and finite: " + halfLifeDays);
    }
    Duration halfLife = Duration.ofSeconds(Math.max(1, Math.round(halfLifeDays * SECONDS_PER_DAY)));
    return new EngagementWindow(now.minus(Duration.ofDays(days)), now, halfLife);
  }

  public double halfLifeSeconds() {
    return halfLife.getSeconds() + halfLife.getNano() / 1e9;
  }
}
