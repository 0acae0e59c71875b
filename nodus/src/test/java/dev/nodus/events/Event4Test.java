package dev.nodus.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Four-argument events: typed listeners, and string-named listeners of the same event. */
class Event4Test {
  private static final Event4<String, Integer, Integer, Throwable> FAILED = Event4.of("failed");

  @Test
  void typedAndNamedListenersSeeAllFourArguments() {
    EventEmitter e = new EventEmitter();
    List<String> log = new ArrayList<>();
    e.on(FAILED, (a, b, c, d) -> log.add("on " + a + " " + b + " " + c + " " + d.getMessage()));
    e.once(FAILED, (a, b, c, d) -> log.add("once " + a));
    e.prependListener(FAILED, (a, b, c, d) -> log.add("first " + d.getMessage()));
    e.on("failed", args -> log.add("args " + args.length + " " + args[3]));
    assertThat(e.emit(FAILED, "x", 1, 4, new IllegalStateException("boom"))).isTrue();
    e.emit("failed", "y", 2, 6, new IllegalStateException("again"));
    assertThat(log).containsExactly(
        "first boom", "on x 1 4 boom", "once x", "args 4 java.lang.IllegalStateException: boom",
        "first again", "on y 2 6 again", "args 4 java.lang.IllegalStateException: again");
    assertThat(e.listenerCount(FAILED)).isEqualTo(3);
  }
}
