package io.tagcf.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.models.simulation.SimulatedLog;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.store.video.CatalogVideo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlantedWorldTest {
  private static final Instant END = Instant.parse("2026-11-15T00:00:00Z");

  @Test
  void usersExposuresAndTruthOfAWorldOnCatalogVideos() {
    List<CatalogVideo> videos = new ArrayList<>();
    for (int v = 0; v < 200; v++) {
      // Tags 100..107, three per video; tag 999 is not planted and must not reach the world.
      long[] tags = {100 + v % 8, 100 + (v + 3) % 8, 999};
      videos.add(new CatalogVideo("v" + v, "c" + v % 20, 10.0 + v, "cat" + v % 3, tags, new double[] {0.9, 0.5, 0.4}));
    }
    Set<Long> planted = Set.of(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L);
    PlantedWorld world = PlantedWorld.on(videos, planted, 500, 20_000, 8, 3);

    List<UserProfile> users = world.users();
    assertThat(users).hasSize(500);
    Set<String> segments = new HashSet<>();
    users.forEach(u -> segments.add(u.ageBand() + "/" + u.cityTier()));
    assertThat(segments).hasSize(8);

    Set<String> videoIds = new HashSet<>();
    long count = 0;
    SimulatedLog log = world.exposures(END, 30);
    while (log.hasNext()) {
      Exposure e = log.next();
      assertThat(e.exposedAt()).isBetween(END.minusSeconds(30 * 86_400L), END);
      videoIds.add(e.videoId());
      count++;
    }
    assertThat(count).isEqualTo(20_000);
    assertThat(videoIds).allMatch(id -> id.matches("v\\d+"));

    String segment = segments.iterator().next();
    TruthTable.Row row = world.truth(100L, segment, Outcome.CLICK);
    assertThat(row).isNotNull();
    assertThat(row.exposures()).isPositive();
    assertThat(world.truth(999L, segment, Outcome.CLICK)).isNull();
    assertThat(world.truth(100L, "all", Outcome.CLICK)).isNull();
    assertThatThrownBy(() -> world.exposures(END, 30)).isInstanceOf(IllegalStateException.class);
  }
}
