package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchemaValidatorCacheTest {

  @Test
  void eachSchemasValidatorIsBuiltOnceAndStillValidates() {
    SchemaRepository real = SchemaRepository.create(new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setBaseUri("app:///"));
    AtomicInteger built = new AtomicInteger();
    SchemaRepository counting = (SchemaRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {SchemaRepository.class}, (proxy, method, args) -> {
          if (method.getName().equals("validator") && args.length == 1 && args[0] instanceof JsonSchema) {
            built.incrementAndGet();
          }
          return method.invoke(real, args);
        });
    SchemaValidatorCache repository = new SchemaValidatorCache(counting);
    JsonSchema size = JsonSchema.of(new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", 100));
    JsonSchema kind = JsonSchema.of(new JsonObject().put("type", "string").put("enum", new io.vertx.core.json.JsonArray()
        .add("item").add("audience")));

    Validator first = repository.validator(size);
    for (int i = 0; i < 100; i++) {
      assertThat(repository.validator(size)).isSameAs(first);
    }
    repository.validator(kind);

    assertThat(built).hasValue(2);
    assertThat(first.validate(20).getValid()).isTrue();
    assertThat(first.validate(101).getValid()).isFalse();
    assertThat(repository.validator(kind).validate("person").getValid()).isFalse();
  }
}
