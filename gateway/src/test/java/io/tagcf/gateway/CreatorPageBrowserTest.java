package io.tagcf.gateway;

import static io.tagcf.gateway.EffectFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.fakes.FakeKeyStore;
import io.tagcf.models.explanations.Answer;
import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.EvidenceFixtures;
import io.tagcf.models.explanations.TemplateWriter;
import io.tagcf.models.explanations.Verdict;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.explanations.StoredExplanation;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The creator page in a real browser (Debian's chromium, headless, at a phone's width) against the
 * real router: sign in with the keyboard, open a video, and check that the text and the forest
 * plot show the API's numbers, in English and after switching to Chinese. The browser and its
 * driver come from the system packages that ops/scripts/setup-browser.sh installs.
 */
class CreatorPageBrowserTest extends GatewayTest {

  static final Path SCREENSHOTS = Path.of("target", "browser");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Evidence EVIDENCE = EvidenceFixtures.cooking();

  private ChromeDriver browser;

  @BeforeEach
  void openBrowser() {
    assertThat(CHROMIUM).as("chromium (ops/scripts/setup-browser.sh installs it)").exists();
    assertThat(CHROMEDRIVER).as("chromedriver (ops/scripts/setup-browser.sh installs it)").exists();
    gateway.videos.put(video("v-cook-1", "home cooking, three ways", Instant.parse("2026-10-02T00:00:00Z")));
    gateway.videos.put(video("v-new", "a video without an explanation", Instant.parse("2026-10-01T00:00:00Z")));
    gateway.effects.put(published(7));
    for (String language : List.of("en", "zh")) {
      gateway.explanations.put(new StoredExplanation("v-cook-1", 7, language, "template", null, null,
          new Verdict(true, List.of()), Answer.NO_LLM, List.of(), null, new TemplateWriter(1.1).write(EVIDENCE, language),
          EVIDENCE, Instant.parse("2026-10-03T00:00:00Z")));
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-proxy-server",
            "--window-size=390,844");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build(), options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCreatorSignsInOpensAVideoAndReadsItsExplanationAndPlotInBothLanguages() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get("http://127.0.0.1:" + gateway.port() + "/creator/");

    // A wrong key is refused where the creator can read why.
    browser.findElement(By.id("key")).sendKeys("tcf_000000000000_wrong" + Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
    assertThat(browser.findElement(By.id("signin-error")).getText()).contains("not valid");

    // Sign in, and open the first video, with the keyboard only.
    WebElement key = browser.findElement(By.id("key"));
    key.clear();
    key.sendKeys(FakeKeyStore.CREATOR_1 + Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("videos")));
    List<WebElement> videos = browser.findElements(By.cssSelector("#video-list button"));
    assertThat(videos).extracting(v -> v.getAttribute("data-video-id")).containsExactly("v-cook-1", "v-new");
    videos.get(0).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("explanation")));

    assertShowsTheApisExplanation("en");
    Files.createDirectories(SCREENSHOTS);
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("creator-page-en.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    browser.findElement(By.id("lang-zh")).sendKeys(Keys.ENTER);
    String zhSummary = api("/v1/videos/v-cook-1/explanation?lang=zh").getString("summary");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), zhSummary));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh");
    assertShowsTheApisExplanation("zh");
    File zh = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(zh.toPath(), SCREENSHOTS.resolve("creator-page-zh.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // The page fits a phone's width: nothing wider than the window.
    Number scroll = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(scroll.intValue()).isLessThanOrEqualTo(0);
  }

  @Test
  void aVideoWithoutAnExplanationOffersToAskForOne() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get("http://127.0.0.1:" + gateway.port() + "/creator/");
    browser.findElement(By.id("key")).sendKeys(FakeKeyStore.CREATOR_1 + Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("videos")));
    browser.findElements(By.cssSelector("#video-list button")).get(1).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request")));
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("No explanation yet.");

    browser.findElement(By.id("request")).click();
    wait.until(d -> !gateway.explainer.starts().isEmpty());
    assertThat(gateway.explainer.starts().get(0).workflowId()).isEqualTo("video-explanation/v-new/7/en");
  }

  /** The page's summary, driver texts and plot marks are the API's, in the API's order. */
  private void assertShowsTheApisExplanation(String language) {
    JsonObject x = api("/v1/videos/v-cook-1/explanation?lang=" + language);
    assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo(x.getString("summary"));
    JsonArray drivers = x.getJsonArray("drivers");
    List<WebElement> texts = browser.findElements(By.cssSelector("#drivers li"));
    List<WebElement> marks = browser.findElements(By.cssSelector("#forest g.mark"));
    assertThat(texts).hasSize(drivers.size());
    assertThat(marks).hasSize(drivers.size());
    for (int i = 0; i < drivers.size(); i++) {
      JsonObject d = drivers.getJsonObject(i);
      assertThat(texts.get(i).getText()).isEqualTo(d.getString("text"));
      assertThat(marks.get(i).getAttribute("data-tag")).isEqualTo(d.getString("tag"));
      assertThat(Double.parseDouble(marks.get(i).getAttribute("data-effect"))).isEqualTo(d.getDouble("effectPp"));
      assertThat(Double.parseDouble(marks.get(i).getAttribute("data-low"))).isEqualTo(d.getDouble("lowPp"));
      assertThat(Double.parseDouble(marks.get(i).getAttribute("data-high"))).isEqualTo(d.getDouble("highPp"));
      assertThat(marks.get(i).getAttribute("class").contains("not-established")).isEqualTo(!d.getBoolean("established"));
    }
    assertThat(browser.findElements(By.cssSelector("#forest line.zero"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#suggestions li"))).hasSize(x.getJsonArray("suggestions").size());
  }

  private JsonObject api(String uri) {
    return gateway.presenting(FakeKeyStore.CREATOR_1).get(uri).json();
  }

  private static StoredVideo video(String id, String title, Instant created) {
    return new StoredVideo(new VideoSubmission(id, "c-1", title, null, null, null, 30.0, "en", null),
        "h", IngestStage.DONE, "video-ingest/" + id, null, created, created);
  }
}
