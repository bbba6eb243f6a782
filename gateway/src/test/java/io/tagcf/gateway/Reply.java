package io.tagcf.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** A response as it came over the wire, after the contract accepted it. */
record Reply(int status, MultiMap headers, Buffer body) {

  String header(String name) {
    return headers.get(name);
  }

  String contentType() {
    return header("Content-Type");
  }

  String text() {
    return body == null ? "" : body.toString();
  }

  JsonObject json() {
    return new JsonObject(body);
  }
}
