package io.tagcf.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineTaggerSettingsTest {

  @Test
  void twentyNeighboursVoteByDefaultAndZeroTurnsThemOff() {
    assertThat(TagcfConfig.from(Map.of()).offlineTagger().neighbours()).isEqualTo(20);
    assertThat(TagcfConfig.from(Map.of("TAGCF_TAG_NEIGHBOURS", "0")).offlineTagger().neighbours()).isZero();
    assertThat(TagcfConfig.from(Map.of("TAGCF_TAG_NEIGHBOURS", "7")).offlineTagger().neighbours()).isEqualTo(7);
  }

  @Test
  void aNegativeOrNonNumericCountIsRefusedByName() {
    assertThatThrownBy(() -> TagcfConfig.from(Map.of("TAGCF_TAG_NEIGHBOURS", "-1")))
        .hasMessage("TAGCF_TAG_NEIGHBOURS must be 0 or a positive integer, got -1");
    assertThatThrownBy(() -> TagcfConfig.from(Map.of("TAGCF_TAG_NEIGHBOURS", "many")))
        .hasMessage("TAGCF_TAG_NEIGHBOURS must be 0 or a positive integer, got many");
    assertThatThrownBy(() -> TagcfConfig.from(Map.of("TAGCF_MAX_ITEM_TAGS", "0")))
        .hasMessage("TAGCF_MAX_ITEM_TAGS must be a positive integer, got 0");
  }
}
