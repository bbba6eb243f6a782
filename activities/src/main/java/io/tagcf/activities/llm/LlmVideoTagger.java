package io.tagcf.activities.llm;

import dev.langchain4j.service.AiServices;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tagging.llm.TagReplyCheck;
import io.tagcf.models.tagging.llm.TagReplyValidator;
import io.tagcf.models.video.LanguageDetector;
import io.tagcf.models.video.VideoSubmission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tags one video with the LLM, one kind per call (the paper's two prompts), in the video's
 * language, and validates the reply. The model's order becomes the score: the first tag scores
 * 1.0, the last just above 0.5, so LLM and offline scores share the scale the API shows.
 */
public final class LlmVideoTagger {

  private final VideoTaggingAssistant assistant;
  private final TagReplyValidator validator;
  private final LlmSettings settings;

  public LlmVideoTagger(VideoTaggingAssistant assistant, TagReplyValidator validator, LlmSettings settings) {
    this.assistant = assistant;
    this.validator = validator;
    this.settings = settings;
  }

  public static LlmVideoTagger create(LlmSettings settings) {
    VideoTaggingAssistant assistant =
        AiServices.builder(VideoTaggingAssistant.class).chatModel(ChatModels.create(settings)).build();
    return new LlmVideoTagger(assistant, new TagReplyValidator(TagReplyValidator.Limits.defaults()), settings);
  }

  /**
   * @throws LlmReplyRejectedException when the reply parses but fails validation
   * @throws RuntimeException LangChain4j's exceptions for transport, HTTP and parsing failures
   */
  public LlmTags tag(VideoSubmission video, TagKind kind) {
    boolean chinese = isChinese(video);
    String payload = VideoPayload.of(video);
    TagListReply reply = switch (kind) {
      case ITEM -> chinese ? assistant.itemTagsZh(payload) : assistant.itemTagsEn(payload);
      case AUDIENCE -> chinese ? assistant.audienceTagsZh(payload) : assistant.audienceTagsEn(payload);
    };
    TagReplyCheck check = validator.check(reply == null ? null : reply.tags(), chinese, promptText(kind, chinese));
    if (!check.valid()) {
      throw new LlmReplyRejectedException(check.problems());
    }
    List<String> accepted = check.accepted();
    List<RawTag> tags = new ArrayList<>(accepted.size());
    for (int i = 0; i < accepted.size(); i++) {
      tags.add(new RawTag(accepted.get(i), kind, 1.0 - 0.5 * i / accepted.size()));
    }
    return new LlmTags(tags, settings.provider().wireName(), settings.model(), VideoTaggingAssistant.PROMPT_VERSION);
  }

  private static boolean isChinese(VideoSubmission v) {
    String lang = v.language() != null ? v.language() : LanguageDetector.detect(v.title());
    return lang.toLowerCase(Locale.ROOT).startsWith("zh");
  }

  /** Both prompt texts of a call, for catching replies that echo them. */
  static String promptText(TagKind kind, boolean chinese) {
    String base = "/prompts/" + VideoTaggingAssistant.PROMPT_VERSION + "/" + kind.wireName() + (chinese ? ".zh" : ".en");
    return read(base + ".system.txt") + "\n" + read(base + ".user.txt");
  }

  private static String read(String resource) {
    try (InputStream in = LlmVideoTagger.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("prompt resource missing: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
