package io.tagcf.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void userInfoMovesOutOfTheUrl() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://app:s%40cret@db.internal:6543/tagcf?sslmode=require");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/tagcf?sslmode=require");
    assertThat(u.user()).isEqualTo("app");
    assertThat(u.password()).isEqualTo("s@cret");
    assertThat(u.toString()).doesNotContain("s@cret").contains("password set");
  }

  @Test
  void queryCredentialsAndDefaultsAreUnderstood() {
    DatabaseUrl u = DatabaseUrl.parse("postgres://127.0.0.1/tagcf?user=postgres&password=pw");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/tagcf");
    assertThat(u.user()).isEqualTo("postgres");
    assertThat(u.password()).isEqualTo("pw");
    assertThat(DatabaseUrl.parse("jdbc:postgresql://h:1/d").jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/d");
  }

  @Test
  void badUrlsAreRejectedWithAReason() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/d")).hasMessageContaining("must start with");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h")).hasMessageContaining("database");
    assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
  }
}
