package io.tagcf.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;

/**
 * The contract's schema repository, building the validator of each schema once. Vert.x OpenAPI
 * 5.0 asks the repository for a new validator for every parameter and body of every request, and
 * each one copies the lookup table of every schema in the contract: under wrk that copying was
 * most of the gateway's CPU time (docs/BENCHMARKS.md, "HTTP API under wrk"). A validator keeps no
 * state between validations, so one per schema serves every request. Schemas are keyed by identity
 * (weak keys): the contract's schema objects live as long as the router.
 */
final class SchemaValidatorCache implements SchemaRepository {

  private final SchemaRepository delegate;
  private final Cache<JsonSchema, Validator> validators = Caffeine.newBuilder().weakKeys().build();

  SchemaValidatorCache(SchemaRepository delegate) {
    this.delegate = delegate;
  }

  @Override
  public Validator validator(JsonSchema schema) {
    return validators.get(schema, delegate::validator);
  }

  @Override
  public SchemaRepository dereference(JsonSchema schema) throws SchemaException {
    delegate.dereference(schema);
    return this;
  }

  @Override
  public SchemaRepository dereference(String uri, JsonSchema schema) throws SchemaException {
    delegate.dereference(uri, schema);
    return this;
  }

  @Override
  public SchemaRepository preloadMetaSchema(FileSystem fs) {
    delegate.preloadMetaSchema(fs);
    return this;
  }

  @Override
  public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
    delegate.preloadMetaSchema(fs, draft);
    return this;
  }

  @Override
  public Validator validator(String ref) {
    return delegate.validator(ref);
  }

  @Override
  public Validator validator(String ref, JsonSchemaOptions options) {
    return delegate.validator(ref, options);
  }

  @Override
  public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
    return delegate.validator(schema, options, dereference);
  }

  @Override
  public JsonObject resolve(JsonObject schema) {
    return delegate.resolve(schema);
  }

  @Override
  public JsonSchema find(String pointer) {
    return delegate.find(pointer);
  }
}
