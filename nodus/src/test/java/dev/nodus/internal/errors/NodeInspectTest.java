package dev.nodus.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Strings as node v20's util.inspect() prints them (expected texts recorded with node -e). */
class NodeInspectTest {
  @Test
  void quotesAndEscapesAsNode() {
    assertThat(NodeInspect.string("a\u000bb")).isEqualTo("'a\\x0Bb'");
    assertThat(NodeInspect.string("a\u0000b")).isEqualTo("'a\\x00b'");
    assertThat(NodeInspect.string("\u007f")).isEqualTo("'\\x7F'");
    assertThat(NodeInspect.string("\u009f")).isEqualTo("'\\x9F'");
    assertThat(NodeInspect.string("it's")).isEqualTo("\"it's\"");
    assertThat(NodeInspect.string("it's \"q\"")).isEqualTo("`it's \"q\"`");
    assertThat(NodeInspect.string("it's \"q\" `b`")).isEqualTo("'it\\'s \"q\" `b`'");
    assertThat(NodeInspect.string("a${x}'\"")).isEqualTo("'a${x}\\'\"'");
    assertThat(NodeInspect.string("\ud800x")).isEqualTo("'\\ud800x'");
    assertThat(NodeInspect.string("\u00a0")).isEqualTo("'\u00a0'");
    assertThat(NodeInspect.string("a\\b")).isEqualTo("'a\\\\b'");
  }

  @Test
  void outOfRangePrintsLargeNumbersWithSeparators() {
    assertThat(NodeErrors.received(4294967296L)).isEqualTo("4294967296");
    assertThat(NodeErrors.received(4294967297L)).isEqualTo("4_294_967_297");
    assertThat(NodeErrors.received(-12345678901L)).isEqualTo("-12_345_678_901");
  }
}
