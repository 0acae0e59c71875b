package dev.nodus.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.JsLog;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Removing listeners: off/removeListener, removeAllListeners with and without a name, and the
 * 'removeListener' events in Node's order and with Node's payloads. Node programs and their
 * output are in the {@code // node:} / {@code // node>} comments (see {@link NodeSnippetsCheck}).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventEmitterRemoveTest {
  static final Event0 X = Event0.of("x");

  private final JsLog js = new JsLog();
  private final List<String> log = js.lines;
  private final EventEmitter ee = new EventEmitter();

  private void log(Object... parts) {
    js.log(parts);
  }

  @Test
  void offRemovesTheMostRecentInstanceOnly() {
    // node: const a = () => log('a'), b = () => log('b');
    // node: ee.on('x', a); ee.on('x', b); ee.on('x', a); ee.off('x', a); ee.emit('x');
    // node: ee.removeListener('x', a); ee.emit('x'); ee.off('x', a); log(ee.listenerCount('x'));
    // node> a
    // node> b
    // node> b
    // node> 1
    Runnable a = () -> log("a");
    Runnable b = () -> log("b");
    ee.on(X, a).on(X, b).on(X, a);
    assertThat(ee.off(X, a)).isSameAs(ee);
    ee.emit(X);
    ee.removeListener(X, a);
    ee.emit(X);
    ee.off(X, a);
    log(ee.listenerCount(X));
    assertThat(log).containsExactly("a", "b", "b", "1");
  }

  @Test
  void offRemovesAOnceListenerByTheListenerPassedToOnce() {
    // node: const f = () => log('f'); ee.once('x', f); ee.off('x', f);
    // node: log(ee.emit('x'), ee.listenerCount('x'));
    // node> false 0
    Runnable f = () -> log("f");
    ee.once(X, f);
    ee.off(X, f);
    log(ee.emit(X), ee.listenerCount(X));
    assertThat(log).containsExactly("false 0");
  }

  @Test
  void aFiringOnceListenerRemovesItselfNotAnOnListenerOfTheSameFunction() {
    // node: const f = () => log('f'); ee.once('y', f); ee.on('y', f);
    // node: ee.emit('y'); log(ee.listenerCount('y'), ee.rawListeners('y')[0] === f);
    // node> f
    // node> f
    // node> 1 true
    Runnable f = () -> log("f");
    ee.once(X, f);
    ee.on(X, f);
    ee.emit(X);
    log(ee.listenerCount(X), ee.rawListeners(X).get(0) == f);
    assertThat(log).containsExactly("f", "f", "1 true");
  }

  @Test
  void offOfAnUnknownListenerOrEventDoesNothing() {
    // node: const f = () => {}; let n = 0; ee.on('removeListener', () => n++);
    // node: ee.off('nothing', f); ee.on('x', () => {}); ee.off('x', f); log(n, ee.listenerCount('x'));
    // node> 0 1
    int[] n = {0};
    ee.on(EventEmitter.REMOVE_LISTENER, (e, l) -> n[0]++);
    ee.off("nothing", (Runnable) () -> {});
    ee.on(X, () -> {});
    ee.off(X, (Runnable) () -> {});
    log(n[0], ee.listenerCount(X));
    assertThat(log).containsExactly("0 1");
  }

  @Test
  void removeListenerEventComesAfterRemovalWithNodesPayload() {
    // node: function f() { log('f'); } function g() { log('g'); }
    // node: ee.on('removeListener', (n, l) => log('rm', n,
    // node:   l === f ? 'f' : l === g ? 'g' : l.listener === f ? 'wrapper-of-f' : '?', ee.listenerCount(n)));
    // node: ee.on('x', f); ee.off('x', f);
    // node: ee.once('x', f); ee.emit('x');
    // node: ee.once('x', f); ee.on('x', g); ee.emit('x');
    // node: ee.once('x', f); ee.off('x', f);
    // node: ee.once('x', f); ee.removeAllListeners('x');
    // node> rm x f 0
    // node> rm x f 0
    // node> f
    // node> rm x wrapper-of-f 1
    // node> f
    // node> g
    // node> rm x f 1
    // node> rm x wrapper-of-f 1
    // node> rm x g 0
    Runnable f = () -> log("f");
    Runnable g = () -> log("g");
    ee.on(
        EventEmitter.REMOVE_LISTENER,
        (n, l) -> log("rm", n, name(l, f, g), ee.listenerCount(n)));
    ee.on(X, f).off(X, f);
    ee.once(X, f).emit(X);
    ee.once(X, f).on(X, g).emit(X);
    ee.once(X, f).off(X, f);
    ee.once(X, f).removeAllListeners(X);
    assertThat(log)
        .containsExactly(
            "rm x f 0",
            "rm x f 0",
            "f",
            "rm x wrapper-of-f 1",
            "f",
            "g",
            "rm x f 1",
            "rm x wrapper-of-f 1",
            "rm x g 0");
  }

  private static String name(Object l, Object f, Object g) {
    if (l == f) {
      return "f";
    }
    if (l == g) {
      return "g";
    }
    return l instanceof EventEmitter.Once o && o.listener() == f ? "wrapper-of-f" : "?";
  }

  @Test
  void removeAllListenersOfOneEventGoesLastAddedFirst() {
    // node: function a() {} function b() {} function c() {}
    // node: ee.on('removeListener', (n, l) => log('rm', n, l.name, ee.listenerCount(n)));
    // node: ee.on('x', a); ee.on('x', b); ee.on('x', c); ee.on('y', a);
    // node: ee.removeAllListeners('x'); log(JSON.stringify(ee.eventNames()));
    // node> rm x c 2
    // node> rm x b 1
    // node> rm x a 0
    // node> ["removeListener","y"]
    Runnable a = () -> {};
    Runnable b = () -> {};
    Runnable c = () -> {};
    ee.on(
        EventEmitter.REMOVE_LISTENER,
        (n, l) -> log("rm", n, l == a ? "a" : l == b ? "b" : "c", ee.listenerCount(n)));
    ee.on(X, a).on(X, b).on(X, c).on(Event0.of("y"), a);
    assertThat(ee.removeAllListeners(X)).isSameAs(ee);
    log(JsLog.json(ee.eventNames()));
    assertThat(log)
        .containsExactly("rm x c 2", "rm x b 1", "rm x a 0", "[\"removeListener\",\"y\"]");
  }

  @Test
  void removeAllListenersWithoutNameReportsEachEventThenRemoveListenersOwn() {
    // node: const r1 = function r1(n, l) { log('r1', n, l.name); };
    // node: const r2 = function r2(n, l) { log('r2', n, l.name); };
    // node: ee.on('removeListener', r1); ee.on('removeListener', r2);
    // node: ee.on('foo', function foo() {}); ee.on('bar', function bar() {});
    // node: ee.on('bar', function bar2() {}); ee.on('1', function one() {});
    // node: ee.removeAllListeners(); log(JSON.stringify(ee.eventNames()));
    // node> r1 1 one
    // node> r2 1 one
    // node> r1 foo foo
    // node> r2 foo foo
    // node> r1 bar bar2
    // node> r2 bar bar2
    // node> r1 bar bar
    // node> r2 bar bar
    // node> r1 removeListener r2
    // node> []
    Map<Object, String> names = new IdentityHashMap<>();
    BiConsumer<String, Object> r1 = (n, l) -> log("r1", n, names.get(l));
    BiConsumer<String, Object> r2 = (n, l) -> log("r2", n, names.get(l));
    Listener foo = args -> {};
    Listener bar = args -> {};
    Listener bar2 = args -> {};
    Listener one = args -> {};
    names.putAll(Map.of(r1, "r1", r2, "r2", foo, "foo", bar, "bar", bar2, "bar2", one, "one"));
    ee.on(EventEmitter.REMOVE_LISTENER, r1).on(EventEmitter.REMOVE_LISTENER, r2);
    ee.on("foo", foo).on("bar", bar).on("bar", bar2).on("1", one);
    ee.removeAllListeners();
    log(JsLog.json(ee.eventNames()));
    assertThat(log)
        .containsExactly(
            "r1 1 one",
            "r2 1 one",
            "r1 foo foo",
            "r2 foo foo",
            "r1 bar bar2",
            "r2 bar bar2",
            "r1 bar bar",
            "r2 bar bar",
            "r1 removeListener r2",
            "[]");
  }

  @Test
  void removeAllListenersWithoutRemoveListenerListenersJustClears() {
    // node: ee.on('a', () => {}); ee.once('b', () => {});
    // node: ee.removeAllListeners('b'); log(JSON.stringify(ee.eventNames()));
    // node: ee.removeAllListeners(); log(JSON.stringify(ee.eventNames()), ee.emit('a'));
    // node> ["a"]
    // node> [] false
    ee.on("a", args -> {}).once("b", args -> {});
    ee.removeAllListeners("b");
    log(JsLog.json(ee.eventNames()));
    ee.removeAllListeners();
    log(JsLog.json(ee.eventNames()), ee.emit("a"));
    assertThat(log).containsExactly("[\"a\"]", "[] false");
  }

  @Test
  void removingTheOnlyRemoveListenerListenerEmitsNothing() {
    // node: const r = (n, l) => log('rm', n); ee.on('removeListener', r);
    // node: ee.off('removeListener', r); log(ee.listenerCount('removeListener'));
    // node> 0
    BiConsumer<String, Object> r = (n, l) -> log("rm", n);
    ee.on(EventEmitter.REMOVE_LISTENER, r);
    ee.off(EventEmitter.REMOVE_LISTENER, r);
    log(ee.listenerCount(EventEmitter.REMOVE_LISTENER));
    assertThat(log).containsExactly("0");
  }
}
