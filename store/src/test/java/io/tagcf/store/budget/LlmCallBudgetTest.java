package io.tagcf.store.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmCallBudgetTest {

  private static final LocalDate DAY = LocalDate.parse("2026-10-05");

  private static Database db;
  private static LlmCallBudget budget;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    budget = new LlmCallBudget(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void empty() {
    TestSql.execute(db.dataSource(), "DELETE FROM llm_creator_budget");
  }

  @Test
  void callsAreTakenUntilTheNextWouldPassTheLimit() {
    assertThat(budget.take("c-1", DAY, 2, 5)).isTrue();
    assertThat(budget.take("c-1", DAY, 2, 5)).isTrue();
    assertThat(budget.take("c-1", DAY, 2, 5)).as("4 + 2 > 5").isFalse();
    assertThat(budget.spent("c-1", DAY)).isEqualTo(4);
    assertThat(budget.take("c-1", DAY, 1, 5)).isTrue();
    assertThat(budget.spent("c-1", DAY)).isEqualTo(5);
  }

  @Test
  void eachCreatorAndDayHasItsOwnBudget() {
    assertThat(budget.take("c-1", DAY, 2, 2)).isTrue();
    assertThat(budget.take("c-1", DAY, 2, 2)).isFalse();
    assertThat(budget.take("c-2", DAY, 2, 2)).isTrue();
    assertThat(budget.take("c-1", DAY.plusDays(1), 2, 2)).isTrue();
  }

  @Test
  void aFirstTakeLargerThanTheLimitTakesNothing() {
    assertThat(budget.take("c-1", DAY, 2, 1)).isFalse();
    assertThat(budget.spent("c-1", DAY)).isZero();
  }

  /**
   * 64 takers of 2 calls against a limit of 50, all at once on 8 connections: exactly 25 win. A
   * read-then-write would let several read 48 and all write.
   */
  @Test
  void concurrentTakersNeverPassTheLimit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> takes = new ArrayList<>();
    try {
      for (int i = 0; i < 64; i++) {
        takes.add(pool.submit(() -> {
          start.await();
          return budget.take("busy", DAY, 2, 50);
        }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> t : takes) {
        won += t.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(25);
    } finally {
      pool.shutdownNow();
    }
    assertThat(budget.spent("busy", DAY)).isEqualTo(50);
  }
}
