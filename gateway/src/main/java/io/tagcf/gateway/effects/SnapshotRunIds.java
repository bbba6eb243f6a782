package io.tagcf.gateway.effects;

import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Names of snapshot runs started through the API: {@code api-<UTC second>-<6 hex digits>}, readable
 * in Temporal UI and unique (2^24 names per second), and their workflow ids.
 */
public final class SnapshotRunIds {

  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private SnapshotRunIds() {}

  public static String newName(Instant now, RandomGenerator random) {
    return "api-" + SECOND.format(now) + "-" + HexFormat.of().toHexDigits(random.nextInt(1 << 24)).substring(2);
  }

  public static String workflowId(String name) {
    return EffectEstimationWorkflow.ID_PREFIX + name;
  }

  /** The URL of the run's status resource. */
  public static String statusUrl(String name) {
    return "/v1/admin/snapshots/" + name;
  }
}
