package io.tagcf.models.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrincipalTest {

  @Test
  void aCreatorSeesOnlyTheirOwnVideosOtherRolesEveryVideo() {
    Principal creator = new Principal("000000000c01", AccessRole.CREATOR, "c-1");
    assertThat(creator.mayAccessVideoOf("c-1")).isTrue();
    assertThat(creator.mayAccessVideoOf("c-2")).isFalse();
    assertThat(new Principal("00000000000b", AccessRole.SERVICE, null).mayAccessVideoOf("c-2")).isTrue();
    assertThat(new Principal("00000000000a", AccessRole.ADMIN, null).mayAccessVideoOf("c-2")).isTrue();
  }

  @Test
  void onlyACreatorKeyNamesACreator() {
    assertThatThrownBy(() -> new Principal("000000000c01", AccessRole.CREATOR, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Principal("00000000000b", AccessRole.SERVICE, "c-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rolesTravelByTheirWireNames() {
    for (AccessRole role : AccessRole.values()) {
      assertThat(AccessRole.fromWireName(role.wireName())).isEqualTo(role);
    }
    assertThatThrownBy(() -> AccessRole.fromWireName("root")).hasMessageContaining("creator, service or admin");
  }
}
