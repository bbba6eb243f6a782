package io.tagcf.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void controlAndBidirectionalCharactersAreShownAsEscapes() {
    assertThat(TerminalText.escape("\u001b]0;owned\u0007title")).isEqualTo("\\u001b]0;owned\\u0007title");
    assertThat(TerminalText.escape("a\rb\u0000c\u007fd\u009be")).isEqualTo("a\\u000db\\u0000c\\u007fd\\u009be");
    assertThat(TerminalText.escape("abc\u202edcba")).isEqualTo("abc\\u202edcba");
  }

  @Test
  void ordinaryTextIsUnchangedWhateverItsScript() {
    String text = "line 3: unknown field 'transcirpt'\t猫咪 — ok\nnext";
    assertThat(TerminalText.escape(text)).isSameAs(text);
    assertThat(TerminalText.escape(null)).isNull();
  }
}
