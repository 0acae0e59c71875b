package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.events.Event2;
import dev.nodus.events.EventEmitter;
import dev.nodus.testing.MustCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The MustCall extension itself: it must fail a test whose counts are off. */
@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.SECONDS)
class MustCallTest {
  // Not registered: each test drives its own instance and calls afterEach by hand.
  private final MustCall calls = new MustCall();

  @Test
  void passesWhenEveryWrapperRanAsOftenAsExpected() {
    List<String> seen = new ArrayList<>();
    calls.mustCall(() -> seen.add("run")).run();
    Consumer<String> c = calls.mustCall(2, s -> seen.add(s));
    c.accept("a");
    c.accept("b");
    calls.<String, Integer>mustCall((s, i) -> seen.add(s + i)).accept("x", 1);
    calls.mustCallAtLeast(1, () -> {}).run();
    calls.mustNotCall();
    assertThatCode(() -> calls.afterEach(null)).doesNotThrowAnyException();
    assertThat(seen).containsExactly("run", "a", "b", "x1");
  }

  @Test
  void failsWhenAWrapperRanTooOftenOrTooRarely() {
    Runnable once = calls.mustCall(() -> {});
    once.run();
    once.run();
    calls.mustCall(3, (Runnable) () -> {}).run();
    calls.mustCallAtLeast(2, () -> {}).run();
    assertThatThrownBy(() -> calls.afterEach(null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("MustCallTest.java")
        .hasMessageContaining("expected exactly 1 call(s), got 2")
        .hasMessageContaining("expected exactly 3 call(s), got 1")
        .hasMessageContaining("expected at least 2 call(s), got 1");
  }

  @Test
  void mustNotCallThrowsAndStillFailsIfThatWasSwallowed() {
    MustCall.Fn never = calls.mustNotCall("no error expected");
    try {
      never.accept(new IllegalStateException("x"));
    } catch (AssertionError swallowed) {
      assertThat(swallowed).hasMessageContaining("no error expected");
    }
    assertThatThrownBy(() -> calls.afterEach(null))
        .hasMessageContaining("no error expected")
        .hasMessageContaining("got 1");
  }

  @Test
  void theNoOpWrapperFitsEveryListenerShape() {
    EventEmitter ee = new EventEmitter();
    ee.on(Event0.of("a"), calls.mustCall());
    ee.on(Event1.<String>of("b"), calls.mustCall());
    ee.on(Event2.<String, Integer>of("c"), calls.mustCall());
    ee.on("d", calls.mustCall(2));
    ee.emit(Event0.of("a"));
    ee.emit("b", "x");
    ee.emit("c", "x", 1);
    ee.emit("d");
    ee.emit("d", 1, 2, 3, 4);
    assertThatCode(() -> calls.afterEach(null)).doesNotThrowAnyException();
  }
}
