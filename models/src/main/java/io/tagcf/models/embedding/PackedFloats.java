package io.tagcf.models.embedding;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * JSON form of a vector as base64 of its little-endian float32 bytes. A 512-dim vector as decimal
 * text is 6-9 KB to format and parse at every hop of a workflow's history; packed it is 2.7 KB and
 * exact.
 */
public final class PackedFloats {

  private PackedFloats() {}

  /** Writes a float[] as base64. */
  public static final class Serializer extends JsonSerializer<float[]> {
    @Override
    public void serialize(float[] value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      ByteBuffer buf = ByteBuffer.allocate(value.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      buf.asFloatBuffer().put(value);
      gen.writeBinary(buf.array());
    }
  }

  /** Reads base64 back, and also a plain JSON array of numbers (older payloads). */
  public static final class Deserializer extends JsonDeserializer<float[]> {
    @Override
    public float[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        return ctxt.readValue(p, float[].class);
      }
      ByteBuffer buf = ByteBuffer.wrap(p.getBinaryValue()).order(ByteOrder.LITTLE_ENDIAN);
      float[] out = new float[buf.remaining() / Float.BYTES];
      buf.asFloatBuffer().get(out);
      return out;
    }
  }
}
