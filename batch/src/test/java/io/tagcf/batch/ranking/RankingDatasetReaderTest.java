package io.tagcf.batch.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.batch.InputException;
import io.tagcf.models.ranking.evaluation.RankingData;
import io.tagcf.models.ranking.evaluation.UserHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingDatasetReaderTest {

  @TempDir Path dir;

  private void write(String name, String... lines) throws IOException {
    Files.write(dir.resolve(name), List.of(lines));
  }

  @Test
  void atomicFilesAreOrderedByTimeWithTiesInLineOrder() throws IOException {
    write("ml.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float",
        "u1\t2\t4\t200", "u2\t1\t3\t100", "u1\t1\t5\t100", "u1\t3\t5\t200", "u1\t9\t5\t50");
    write("ml.item", "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq",
        "1\tToy Story\t1995\tAnimation Children's Comedy", "2\tGoldenEye\t1995\tAction Thriller", "3\tFour Rooms\t1995\t");

    RankingDataset ds = RankingDatasetReader.read(dir, DatasetFormat.ATOMIC);
    RankingData data = ds.data();

    assertThat(data.name()).isEqualTo("ml");
    assertThat(data.itemIds()).containsExactly("1", "2", "3", "9"); // 9 is named only by the log
    UserHistory u1 = data.users().get(0);
    assertThat(u1.userId()).isEqualTo("u1");
    assertThat(u1.items()).containsExactly(3, 0, 1, 2); // 50, 100, then the two at 200 in line order
    assertThat(u1.times()).containsExactly(50 / 86400.0, 100 / 86400.0, 200 / 86400.0, 200 / 86400.0);
    assertThat(data.timeUnit()).isEqualTo("days");
    ItemText toy = ds.texts().get(0);
    assertThat(toy.title()).isEqualTo("Toy Story");
    assertThat(toy.description()).isEqualTo("1995. Animation Children's Comedy");
    assertThat(toy.categories()).containsExactly("Animation", "Children's", "Comedy");
    assertThat(ds.texts().get(3)).isEqualTo(new ItemText("9", "9", null, List.of()));
  }

  @Test
  void sequencesAppendTheLastItemAndUsePositionsAsTime() throws IOException {
    write("g.test.inter", "user_id:token\titem_id_list:token_seq\titem_id:token", "0\t0 1 2\t3", "1\t2 0\t1");
    write("g.valid.inter", "user_id:token\titem_id_list:token_seq\titem_id:token", "0\t0 1\t2");
    write("g.item", "item_id:token\ttitle:token_seq", "0\tFire Emblem", "1\tGBA case - Game Boy Advance", "2\tNightshade", "3\tHalo");

    RankingDataset ds = RankingDatasetReader.read(dir, DatasetFormat.SEQUENCE);

    assertThat(ds.data().users().get(0).items()).containsExactly(0, 1, 2, 3);
    assertThat(ds.data().users().get(0).times()).containsExactly(0, 1, 2, 3);
    assertThat(ds.data().users().get(1).items()).containsExactly(2, 0, 1);
    assertThat(ds.data().timeUnit()).isEqualTo("positions");
    assertThat(ds.texts().get(1).title()).isEqualTo("GBA case - Game Boy Advance");
    assertThat(ds.texts().get(1).categories()).isEmpty();
  }

  @Test
  void badDirectoriesAndFilesAreNamed() throws IOException {
    assertThatThrownBy(() -> RankingDatasetReader.read(dir.resolve("none"), DatasetFormat.ATOMIC))
        .isInstanceOf(InputException.class).hasMessageContaining("is not a directory");
    assertThatThrownBy(() -> RankingDatasetReader.read(dir, DatasetFormat.ATOMIC))
        .isInstanceOf(InputException.class).hasMessageContaining("exactly one an atomic .inter file");
    write("x.inter", "user_id:token\titem_id:token", "u\t1");
    write("x.item", "item_id:token\ttitle:token_seq", "1\tA");
    assertThatThrownBy(() -> RankingDatasetReader.read(dir, DatasetFormat.ATOMIC))
        .isInstanceOf(InputException.class).hasMessageContaining("no 'timestamp' column");
    write("x.inter", "user_id:token\titem_id:token\ttimestamp:float", "u\t1\tsoon");
    assertThatThrownBy(() -> RankingDatasetReader.read(dir, DatasetFormat.ATOMIC))
        .isInstanceOf(InputException.class).hasMessageContaining("line 2: timestamp 'soon' is not a number");
    write("x.inter", "user_id:token\titem_id:token\ttimestamp:float", "u\t1");
    assertThatThrownBy(() -> RankingDatasetReader.read(dir, DatasetFormat.ATOMIC))
        .isInstanceOf(InputException.class).hasMessageContaining("line 2: 2 fields, the header has 3");
    Files.delete(dir.resolve("x.item"));
    write("x.inter", "user_id:token\titem_id:token\ttimestamp:float", "u\t1\t5");
    assertThatThrownBy(() -> RankingDatasetReader.read(dir, DatasetFormat.ATOMIC))
        .isInstanceOf(InputException.class).hasMessageContaining("x.item (the item titles) is missing");
  }
}
