package io.tagcf.store.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.tags.TagKind;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.Transactions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TagCatalogTest {

  private static Database db;
  private static final AtomicInteger statements = new AtomicInteger();
  private static TagCatalog catalog;
  private static final List<Long> ids = new ArrayList<>();

  @BeforeAll
  static void seed() {
    db = TestDatabase.fresh();
    catalog = new TagCatalog(counting(db.dataSource()));
    new Transactions(db.dataSource()).inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO tags (kind, slug, label_en, label_zh, status, origin) VALUES (?, ?, ?, ?, ?, 'test')"
              + " RETURNING tag_id")) {
        for (String[] row : new String[][] {
            {"audience", "home-cooks", "home cooks", "家庭厨师", "vocabulary"},
            {"audience", "cat-people", "cat people", null, "candidate"},
            {"item", "noodles", "noodles", "面条", "vocabulary"}}) {
          for (int i = 0; i < row.length; i++) {
            ps.setString(i + 1, row[i]);
          }
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            ids.add(rs.getLong(1));
          }
        }
      }
      return null;
    });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void findAllReadsEveryRequestedTagInOneQuery() {
    statements.set(0);
    Map<Long, TagSummary> found = catalog.findAll(List.of(ids.get(0), ids.get(1), 999_999L));

    assertThat(statements).hasValue(1);
    assertThat(found).containsOnlyKeys(ids.get(0), ids.get(1));
    TagSummary cooks = found.get(ids.get(0));
    assertThat(cooks.kind()).isEqualTo(TagKind.AUDIENCE);
    assertThat(cooks.labelEn()).isEqualTo("home cooks");
    assertThat(cooks.labelZh()).isEqualTo("家庭厨师");
    assertThat(cooks.candidate()).isFalse();
    TagSummary cats = found.get(ids.get(1));
    assertThat(cats.labelZh()).isNull();
    assertThat(cats.candidate()).isTrue();
    assertThat(found.values()).containsExactlyInAnyOrderElementsOf(
        List.of(catalog.find(ids.get(0)).orElseThrow(), catalog.find(ids.get(1)).orElseThrow()));
  }

  @Test
  void findAllOfNoIdsAsksNothing() {
    statements.set(0);
    assertThat(catalog.findAll(List.of())).isEmpty();
    assertThat(statements).hasValue(0);
  }

  /** A data source whose connections count the statements they prepare. */
  private static DataSource counting(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(
        TagCatalogTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          Object result = invoke(method, target, args);
          return result instanceof Connection c ? countingConnection(c) : result;
        });
  }

  private static Connection countingConnection(Connection target) {
    return (Connection) Proxy.newProxyInstance(
        TagCatalogTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
            statements.incrementAndGet();
          }
          return invoke(method, target, args);
        });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
