package io.tagcf.bench;

import io.tagcf.models.video.VideoSubmission;
import io.tagcf.models.video.VideoText;
import io.tagcf.ops.demo.CorpusVideo;
import io.tagcf.ops.demo.SampleCorpus;
import java.util.ArrayList;
import java.util.List;

/** The bundled sample corpus as benchmark input: real video texts, cycled to the size asked for. */
final class BenchCorpus {

  private BenchCorpus() {}

  /** {@code n} uploads of the corpus, in corpus order, repeated as needed; language detected if absent. */
  static List<VideoSubmission> videos(int n) {
    List<CorpusVideo> corpus = SampleCorpus.bundled();
    List<VideoSubmission> out = new ArrayList<>(n);
    for (int i = 0; out.size() < n; i++) {
      out.add(corpus.get(i % corpus.size()).submission("bench-" + i, "bench"));
    }
    return out;
  }

  /** The texts the embedding activity really embeds: {@link VideoText} of {@link #videos}. */
  static List<String> videoTexts(int n) {
    return videos(n).stream().map(VideoText::of).toList();
  }
}
