package io.tagcf.batch.ranking;

/** The on-disk layouts {@code tagcf bench ranking} reads. */
public enum DatasetFormat {
  /** RecBole's atomic files: {@code NAME.inter} (user_id, item_id, timestamp, …) and {@code NAME.item}. */
  ATOMIC,
  /**
   * UniSRec/LLMRank sequences: {@code NAME.test.inter} (user_id, item_id_list, item_id: the whole
   * history in order, the last item apart) and {@code NAME.item} (item_id, title). No timestamps:
   * times are positions.
   */
  SEQUENCE
}
