package io.tagcf.store.exemplars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.embedding.UnitVectors;
import io.tagcf.models.tagging.neighbours.ExemplarIndex;
import io.tagcf.models.tagging.neighbours.LabelledExemplar;
import io.tagcf.models.tagging.neighbours.Neighbour;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exemplars loaded by binary COPY and searched through the HNSW index agree with an exact search
 * in memory; a source reloads in place; a video is never its own neighbour.
 */
class LabelExemplarRepositoryTest {

  private static final int DIM = 384;
  private static Database db;
  private static LabelExemplarRepository repo;
  private static final List<LabelledExemplar> exemplars = new ArrayList<>();
  private static final List<float[]> centres = new ArrayList<>();

  private static float[] random(Random r) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return UnitVectors.normaliseInPlace(v);
  }

  /** A unit vector at about cosine 0.8 from {@code centre}. */
  private static float[] near(float[] centre, Random r) {
    float[] noise = random(r);
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = centre[i] + 0.75f * noise[i];
    }
    return UnitVectors.normaliseInPlace(v);
  }

  @BeforeAll
  static void load() {
    db = TestDatabase.fresh();
    repo = new LabelExemplarRepository(db.dataSource());
    // Exemplars outlive TestDatabase.fresh() (the real model's take seconds to embed): clear this test's own.
    TestSql.execute(db.dataSource(), "DELETE FROM label_exemplars WHERE model IN ('m', 'm2', 'm3')");
    TestSql.execute(db.dataSource(), "DELETE FROM label_exemplar_sources WHERE model IN ('m', 'm2', 'm3')");
    // Clustered, as texts on a few topics embed: 40 topics, 30 exemplars each around its centre.
    Random r = new Random(11);
    for (int c = 0; c < 40; c++) {
      centres.add(random(r));
    }
    for (int i = 0; i < 1_200; i++) {
      exemplars.add(new LabelledExemplar("e" + i, near(centres.get(i % 40), r), i % 3 == 0 ? Set.of("food", "health") : Set.of("pets"),
          i % 5 == 0 ? Set.of("home-cooking") : Set.of()));
    }
    assertThat(repo.isLoaded("test-source", "m", "v1")).isFalse();
    repo.load("test-source", "m", "v1", DIM, exemplars);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void loadedOncePerSourceModelAndVersion() {
    assertThat(repo.isLoaded("test-source", "m", "v1")).isTrue();
    assertThat(repo.isLoaded("test-source", "m", "v2")).isFalse();
    assertThat(repo.isLoaded("test-source", "other-model", "v1")).isFalse();
    assertThat(repo.count("m")).isEqualTo(1_200);
  }

  @Test
  void theIndexFindsWhatAnExactSearchFinds() {
    ExemplarIndex exact = new ExemplarIndex(exemplars);
    Random r = new Random(5);
    int agree = 0;
    int asked = 0;
    for (int q = 0; q < 20; q++) {
      float[] query = near(centres.get(q), r);
      List<Neighbour> want = exact.nearest(query, 10, null);
      List<Neighbour> got = repo.nearest("m", query, 10, null);
      assertThat(got).hasSize(10);
      for (Neighbour n : got) {
        LabelledExemplar e = exemplars.get(Integer.parseInt(n.key().substring(1)));
        assertThat(n.categories()).isEqualTo(e.categories());
        assertThat(n.tagIds()).isEqualTo(e.tagIds());
        assertThat(n.similarity()).isCloseTo(UnitVectors.cosine(query, e.vector()), within(1e-4));
      }
      List<String> wantKeys = want.stream().map(Neighbour::key).toList();
      agree += (int) got.stream().filter(n -> wantKeys.contains(n.key())).count();
      asked += 10;
    }
    // HNSW is approximate; on 1,200 clustered vectors it should miss next to nothing
    assertThat((double) agree / asked).isGreaterThanOrEqualTo(0.95);
  }

  /**
   * A load leaves statistics behind: without them the planner sorted every row instead of using the
   * index. At the bundled reference's size (3,325 exemplars; model "m3" here, apart from the other
   * tests' rows): on the 1,200 rows of "m" alone a fresh database's planner rightly prefers sorting
   * them, and the plan then depended on what earlier runs had left in the table.
   */
  @Test
  void theNearestQueryWalksTheIndexRightAfterALoad() throws Exception {
    Random r = new Random(13);
    List<LabelledExemplar> reference = new java.util.ArrayList<>();
    for (int i = 0; i < 3_325; i++) {
      // scattered, away from the other tests' clusters, so that their searches through the same
      // index do not meet these rows' (deleted) entries
      reference.add(new LabelledExemplar("r" + i, random(r), Set.of("pets"), Set.of()));
    }
    repo.load("plan-source", "m3", "v1", DIM, reference);
    String plan;
    try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
      StringBuilder sb = new StringBuilder();
      String v = new com.pgvector.PGvector(reference.get(0).vector()).toString();
      try (var rs = st.executeQuery("EXPLAIN SELECT exemplar_key FROM label_exemplars WHERE dim = " + DIM
          + " AND model = 'm3' AND exemplar_key IS DISTINCT FROM 'x' ORDER BY embedding::vector(" + DIM + ") <=> '" + v
          + "'::vector(" + DIM + ") LIMIT 10")) {
        while (rs.next()) {
          sb.append(rs.getString(1)).append('\n');
        }
      }
      plan = sb.toString();
    } finally {
      // The other tests search "m" through the same index: leave it as they expect it.
      TestSql.execute(db.dataSource(), "DELETE FROM label_exemplars WHERE model = 'm3'");
      TestSql.execute(db.dataSource(), "DELETE FROM label_exemplar_sources WHERE model = 'm3'");
    }
    assertThat(plan).contains("label_exemplars_hnsw_384");
  }

  @Test
  void aVideoIsNotItsOwnNeighbourAndOtherModelsAreApart() {
    LabelledExemplar self = exemplars.get(42);
    assertThat(repo.nearest("m", self.vector(), 1, null).get(0).key()).isEqualTo("e42");
    assertThat(repo.nearest("m", self.vector(), 5, "e42")).extracting(Neighbour::key).doesNotContain("e42").hasSize(5);
    assertThat(repo.nearest("other-model", self.vector(), 5, null)).isEmpty();
  }

  @Test
  void reloadingASourceReplacesItsRows() {
    List<LabelledExemplar> two = List.of(
        new LabelledExemplar("x1", exemplars.get(1).vector(), Set.of("news"), Set.of()),
        new LabelledExemplar("x2", exemplars.get(2).vector(), Set.of("news"), Set.of()));
    repo.load("second", "m2", "v1", DIM, two);
    repo.load("second", "m2", "v2", DIM, two.subList(0, 1));
    assertThat(repo.count("m2")).isEqualTo(1);
    assertThat(repo.isLoaded("second", "m2", "v2")).isTrue();
    assertThat(repo.isLoaded("second", "m2", "v1")).isFalse();
  }

  @Test
  void aVectorOfTheWrongSizeIsRefusedAndNothingChanges() {
    List<LabelledExemplar> bad = List.of(new LabelledExemplar("bad", new float[] {1, 0}, Set.of("news"), Set.of()));
    assertThatThrownBy(() -> repo.load("third", "m", "v1", DIM, bad)).hasMessageContaining("bad");
    assertThat(repo.isLoaded("third", "m", "v1")).isFalse();
    assertThat(repo.count("m")).isEqualTo(1_200);
  }
}
