package io.tagcf.batch.classify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One input line of {@code tagcf classify}. The id is kept as given (a string or an integer) and
 * written back the same way; {@code gold} is the canonical label name, or null.
 */
public record TextItem(String where, JsonNode id, String text, String gold) {}
