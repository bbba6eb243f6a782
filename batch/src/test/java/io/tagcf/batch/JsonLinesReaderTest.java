package io.tagcf.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {

  @TempDir Path dir;

  private List<JsonLine> readAll(Path file) {
    List<JsonLine> out = new ArrayList<>();
    try (JsonLinesReader r = JsonLinesReader.open(file, "--in")) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void blankLinesAreSkippedButNumberedAsAnEditorDoes() throws IOException {
    Path file = dir.resolve("in.jsonl");
    Files.writeString(file, "\uFEFF{\"a\":1}\n\n   \n{\"a\":2}\n", StandardCharsets.UTF_8);
    List<JsonLine> lines = readAll(file);
    assertThat(lines).extracting(JsonLine::number).containsExactly(1, 4);
    assertThat(lines.get(0).object().get("a").asInt()).isEqualTo(1);
    assertThat(lines.get(1).where()).isEqualTo(file + " line 4");
    assertThat(JsonLinesReader.countLines(file, "--in")).isEqualTo(2);
  }

  @Test
  void bytesThatAreNotUtf8StopTheReadNamingTheLine() throws IOException {
    Path file = dir.resolve("latin1.jsonl");
    Files.write(file, new byte[] {'{', '}', '\n', '{', '"', (byte) 0xE9, '"', '}', '\n'});
    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not UTF-8 text");
  }

  @Test
  void aLineThatIsNotOneJsonObjectIsAProblemOfThatLine() throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "[1,2]\n{\"a\":1}}\n", StandardCharsets.UTF_8);
    List<JsonLine> lines = readAll(file);
    assertThatThrownBy(() -> lines.get(0).object()).hasMessage(file + " line 1: not a JSON object");
    assertThatThrownBy(() -> lines.get(1).object()).hasMessageStartingWith(file + " line 2: not valid JSON");
  }

  @Test
  void missingFilesAndDirectoriesAreOneLineErrors() {
    assertThatThrownBy(() -> JsonLinesReader.requireReadable(dir.resolve("nope"), "--in"))
        .hasMessage("cannot read --in " + dir.resolve("nope") + ": no such file");
    assertThatThrownBy(() -> JsonLinesReader.requireReadable(dir, "--gold"))
        .hasMessage("cannot read --gold " + dir + ": it is a directory");
  }
}
