package io.tagcf.gateway;

import static io.tagcf.gateway.EffectFixtures.estimated;
import static io.tagcf.gateway.EffectFixtures.insufficient;
import static io.tagcf.gateway.EffectFixtures.published;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.tags.TagSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The document's effect cells hold their rule: numbers only where a cell was estimated. */
class EffectContractCheckTest extends GatewayTest {

  private JsonObject effects;

  @BeforeEach
  void aRealAnswer() {
    gateway.tags.put(new TagSummary(7, TagKind.ITEM, "healing", "healing", "治愈感", "mood", false, false, 1, true, null));
    gateway.effects.put(published(1));
    gateway.effects.putCells(1, List.of(estimated(7, "all", Outcome.CLICK, 0.03, 0.01, true),
        insufficient(7, "all", Outcome.LIKE, "poor overlap")));
    effects = gateway.get("/v1/tags/7/effects").json();
  }

  @Test
  void theRealAnswerPasses() {
    assertThatCode(() -> gateway.contract().checkFabricated("tagEffects", 200, "application/json", effects))
        .doesNotThrowAnyException();
  }

  @Test
  void anEstimatedCellWithoutItsEstimateFails() {
    JsonObject broken = effects.copy();
    broken.getJsonArray("cells").getJsonObject(0).putNull("estimate");

    assertThatThrownBy(() -> gateway.contract().checkFabricated("tagEffects", 200, "application/json", broken))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void anInsufficientCellWithANumberOrWithoutReasonFails() {
    JsonObject withNumber = effects.copy();
    withNumber.getJsonArray("cells").getJsonObject(1).put("estimate", 0.01);
    JsonObject withoutReason = effects.copy();
    withoutReason.getJsonArray("cells").getJsonObject(1).putNull("reason");

    assertThatThrownBy(() -> gateway.contract().checkFabricated("tagEffects", 200, "application/json", withNumber))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> gateway.contract().checkFabricated("tagEffects", 200, "application/json", withoutReason))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void anIntervalIsTwoNumbers() {
    JsonObject broken = effects.copy();
    broken.getJsonArray("cells").getJsonObject(0).put("ci", new JsonArray().add(0.01));

    assertThatThrownBy(() -> gateway.contract().checkFabricated("tagEffects", 200, "application/json", broken))
        .isInstanceOf(AssertionError.class).hasMessageContaining("ci");
  }
}
