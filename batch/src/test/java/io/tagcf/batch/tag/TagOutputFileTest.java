package io.tagcf.batch.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.batch.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming a tag run after an interruption, without ever damaging a file the tool did not write. */
class TagOutputFileTest {

  private static final String A = "{\"videoId\":\"a\",\"itemTags\":[],\"audienceTags\":[],\"tagger\":\"offline\",\"fallbackReason\":null}";
  private static final String B = "{\"videoId\":\"b\",\"itemTags\":[],\"audienceTags\":[],\"tagger\":\"offline\",\"fallbackReason\":null}";

  @TempDir Path dir;

  @Test
  void resumesAfterTheCompleteLinesAndDropsACutOffLastOne() throws IOException {
    Path out = dir.resolve("tags.jsonl");
    Files.writeString(out, A + "\n" + B + "\n{\"videoId\":\"c\",\"itemTa", StandardCharsets.UTF_8);
    try (TagOutputFile file = TagOutputFile.openForResume(out)) {
      assertThat(file.done()).containsExactlyInAnyOrder("a", "b");
      assertThat(file.droppedPartialLine()).isTrue();
      file.write(new TagLine("c", List.of(new TagLine.ScoredLabel("cats", 0.9)), List.of(), "offline", null));
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).isEqualTo(
        "{\"videoId\":\"c\",\"itemTags\":[{\"label\":\"cats\",\"score\":0.9}],\"audienceTags\":[],\"tagger\":\"offline\","
            + "\"fallbackReason\":null}");
  }

  @Test
  void aCompleteLastLineWithoutItsNewlineIsKept() throws IOException {
    Path out = dir.resolve("tags.jsonl");
    Files.writeString(out, A + "\n" + B, StandardCharsets.UTF_8);
    try (TagOutputFile file = TagOutputFile.openForResume(out)) {
      assertThat(file.done()).containsExactlyInAnyOrder("a", "b");
      assertThat(file.droppedPartialLine()).isFalse();
    }
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(A + "\n" + B + "\n");
  }

  @Test
  void aFileThisToolDidNotWriteIsRefusedAndLeftAlone() throws IOException {
    Path out = dir.resolve("notes.txt");
    String notes = A + "\nmy notes, not tags\n";
    Files.writeString(out, notes, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TagOutputFile.openForResume(out))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("line 2 is not a tagcf tag line");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(notes);
  }
}
