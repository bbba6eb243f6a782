package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.fakes.InMemoryTagStore.Search;
import org.junit.jupiter.api.Test;

/** Query values reach the handlers exactly as the client encoded them, '+', '%' and spaces included. */
class QueryStringTest extends GatewayTest {

  @Test
  void percentPlusAndSpaceSurviveValidation() {
    for (String[] sent : new String[][] {{"100%25", "100%"}, {"c%2B%2B", "c++"}, {"new+parents", "new parents"},
        {"new%20parents", "new parents"}, {"%E6%B2%BB%E6%84%88", "治愈"}}) {
      Reply r = gateway.get("/v1/tags?q=" + sent[0]);
      assertThat(r.status()).as(sent[0] + ": " + r.text()).isEqualTo(200);
    }

    // "new+parents" and "new%20parents" are one search: the second page is the remembered one.
    assertThat(gateway.tags.searches()).extracting(Search::query)
        .containsExactly("100%", "c++", "new parents", "治愈");
  }
}
