package io.tagcf.batch.tag;

import com.google.common.base.Suppliers;
import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.activities.llm.LlmTags;
import io.tagcf.activities.llm.LlmVideoTagger;
import io.tagcf.activities.llm.VideoTaggingAssistant;
import io.tagcf.batch.LocalModels;
import io.tagcf.batch.llm.LlmGaveUpException;
import io.tagcf.batch.llm.RetryingLlmCaller;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.models.video.VideoSubmission;
import java.util.function.Supplier;

/**
 * The paper's two LLM calls per video (interest tags, then target audiences), each under the
 * {@link RetryingLlmCaller}; when either still fails, the offline tagger tags the video and the line
 * records why, as the ingest workflow does. The offline tagger is loaded on the first fallback
 * only: a healthy LLM run never pays for it.
 */
public final class LlmFirstBatchTagger implements BatchTagger {

  private final LlmVideoTagger llm;
  private final RetryingLlmCaller calls;
  private final Supplier<OfflineTagger> offline;
  private final LlmSettings settings;

  public LlmFirstBatchTagger(LlmVideoTagger llm, RetryingLlmCaller calls, Supplier<OfflineTagger> offline, LlmSettings settings) {
    this.llm = llm;
    this.calls = calls;
    this.offline = offline;
    this.settings = settings;
  }

  /** The offline tagger for the fallback is only built if a video needs it. */
  public static LlmFirstBatchTagger create(LlmSettings settings, String embeddingModel, OfflineTagger.Settings offline) {
    return new LlmFirstBatchTagger(LlmVideoTagger.create(settings), RetryingLlmCaller.of(settings),
        Suppliers.memoize(() -> LocalModels.offlineTagger(embeddingModel, offline)), settings);
  }

  @Override
  public TagLine tag(VideoSubmission video) {
    LlmTags items;
    LlmTags audiences;
    try {
      items = calls.call(() -> llm.tag(video, TagKind.ITEM));
      audiences = calls.call(() -> llm.tag(video, TagKind.AUDIENCE));
    } catch (LlmGaveUpException e) {
      TagExtraction fallback = offline.get().tag(video);
      return TagLine.of(video.videoId(), new TagExtraction(fallback.itemTags(), fallback.audienceTags(),
          TaggerKind.FALLBACK, fallback.provider(), fallback.model(), fallback.promptVersion(),
          "LLM tagging failed: " + e.getMessage()));
    }
    return TagLine.of(video.videoId(), new TagExtraction(items.tags(), audiences.tags(), TaggerKind.LLM,
        items.provider(), items.model(), items.promptVersion(), null));
  }

  @Override
  public String description() {
    return "LLM (" + settings.provider().wireName() + " " + settings.model() + ", prompt "
        + VideoTaggingAssistant.PROMPT_VERSION + ") with offline fallback";
  }
}
