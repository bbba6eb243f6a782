package io.tagcf.models.tags;

import java.util.Locale;

/** Content tags describe the video; audience tags name the user roles it appeals to. */
public enum TagKind {
  ITEM,
  AUDIENCE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TagKind fromWireName(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
