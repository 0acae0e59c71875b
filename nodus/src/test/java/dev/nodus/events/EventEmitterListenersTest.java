package dev.nodus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import dev.nodus.internal.errors.Warnings;
import dev.nodus.testing.JsLog;
import dev.nodus.testing.MustCall;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Adding listeners: on/addListener, once, prepend*, listeners, rawListeners, listenerCount,
 * eventNames, 'newListener' and the max-listeners warning. Each test carries the Node program
 * it mirrors ({@code // node:} lines, run with {@code node -e} after the preamble of
 * {@link NodeSnippetsCheck}) and Node's output ({@code // node>} lines), which the test asserts.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventEmitterListenersTest {
  static final Event0 X = Event0.of("x");
  static final Event1<String> DATA = Event1.of("data");

  @RegisterExtension final MustCall calls = new MustCall();

  private final JsLog js = new JsLog();
  private final List<String> log = js.lines;
  private final EventEmitter ee = new EventEmitter();

  private void log(Object... parts) {
    js.log(parts);
  }

  @AfterEach
  void restore() {
    Warnings.setSink(null);
    EventEmitter.defaultMaxListeners(10);
  }

  @Test
  void onAndAddListenerAppendInOrderAndTwiceMeansTwice() {
    // node: const a = () => log('a'), b = () => log('b');
    // node: ee.on('x', a); ee.addListener('x', b); ee.on('x', a); ee.emit('x');
    // node: log(ee.listenerCount('x'));
    // node> a
    // node> b
    // node> a
    // node> 3
    Runnable a = () -> log("a");
    Runnable b = () -> log("b");
    assertThat(ee.on(X, a)).isSameAs(ee);
    assertThat(ee.addListener(X, b)).isSameAs(ee);
    ee.on(X, a);
    ee.emit(X);
    log(ee.listenerCount(X));
    assertThat(log).containsExactly("a", "b", "a", "3");
  }

  @Test
  void onceFiresOnceAndIsRemovedBeforeItRuns() {
    // node: ee.once('x', () => log('once', ee.listenerCount('x')));
    // node: log(ee.emit('x'), ee.emit('x'));
    // node> once 0
    // node> true false
    ee.once(X, calls.mustCall(() -> log("once", ee.listenerCount(X))));
    boolean first = ee.emit(X);
    boolean second = ee.emit(X);
    log(first, second);
    assertThat(log).containsExactly("once 0", "true false");
  }

  @Test
  void prependListenerAndPrependOnceListenerGoFirst() {
    // node: ee.on('p', () => log(1)); ee.prependListener('p', () => log(0));
    // node: ee.prependOnceListener('p', () => log(-1)); ee.emit('p'); ee.emit('p');
    // node> -1
    // node> 0
    // node> 1
    // node> 0
    // node> 1
    Event0 p = Event0.of("p");
    ee.on(p, () -> log(1));
    ee.prependListener(p, () -> log(0));
    ee.prependOnceListener(p, () -> log(-1));
    ee.emit(p);
    ee.emit(p);
    assertThat(log).containsExactly("-1", "0", "1", "0", "1");
  }

  @Test
  void everyListenerShapeHasEveryAddMethod() {
    // Compile-time and run-time check of the overload set for Event0..Event3 and strings.
    Event2<String, Integer> two = Event2.of("two");
    Event3<String, Integer, Boolean> three = Event3.of("three");
    BiConsumer<String, Integer> bi = (s, i) -> log("bi", s, i);
    TriConsumer<String, Integer, Boolean> tri = (s, i, b) -> log("tri", s, i, b);
    ee.addListener(two, bi).prependListener(two, bi).prependOnceListener(two, bi).once(two, bi);
    ee.addListener(three, tri).prependListener(three, tri).prependOnceListener(three, tri)
        .once(three, tri);
    Listener any = args -> log("any", args.length);
    ee.addListener("s", any).prependListener("s", any).prependOnceListener("s", any)
        .once("s", any);
    ee.emit(two, "a", 1);
    ee.emit(three, "b", 2, true);
    ee.emit("s", 1, 2, 3, 4);
    assertThat(log)
        .containsExactly(
            "bi a 1", "bi a 1", "bi a 1", "bi a 1",
            "tri b 2 true", "tri b 2 true", "tri b 2 true", "tri b 2 true",
            "any 4", "any 4", "any 4", "any 4");
    assertThat(ee.listenerCount(two)).isEqualTo(2);
    assertThat(ee.listenerCount(three)).isEqualTo(2);
    assertThat(ee.listenerCount("s")).isEqualTo(2);
  }

  @Test
  void listenersUnwrapsOnceAndRawListenersShowsTheSameWrapperEachTime() {
    // node: const f = () => {}, g = () => {}; ee.on('o', g); ee.once('o', f);
    // node: const raw = ee.rawListeners('o');
    // node: log(ee.listeners('o')[1] === f, raw[1] === f, raw[1].listener === f,
    // node:     raw[1] === ee.rawListeners('o')[1], raw[0] === g);
    // node: ee.off('o', raw[1]); log(ee.listenerCount('o'));
    // node> true false true true true
    // node> 1
    Runnable f = () -> {};
    Runnable g = () -> {};
    ee.on(X, g);
    ee.once(X, f);
    List<Object> raw = ee.rawListeners(X);
    Object wrapper = raw.get(1);
    log(
        ee.listeners(X).get(1) == f,
        wrapper == f,
        wrapper instanceof EventEmitter.Once o && o.listener() == f,
        wrapper == ee.rawListeners(X).get(1),
        raw.get(0) == g);
    ee.off(X, wrapper);
    log(ee.listenerCount(X));
    assertThat(log).containsExactly("true false true true true", "1");
    assertThat(ee.listeners(X)).containsExactly(g);
  }

  @Test
  void listenerCountOfOneListenerCountsOnAndOnce() {
    // node: const f = () => {}, g = () => {};
    // node: ee.on('c', f); ee.once('c', f); ee.on('c', g);
    // node: log(ee.listenerCount('c'), ee.listenerCount('c', f), ee.listenerCount('c', g));
    // node> 3 2 1
    Runnable f = () -> {};
    Runnable g = () -> {};
    ee.on(X, f).once(X, f).on(X, g);
    log(ee.listenerCount(X), ee.listenerCount(X, f), ee.listenerCount("x", g));
    assertThat(log).containsExactly("3 2 1");
  }

  @Test
  void eventNamesFollowJavaScriptPropertyOrder() {
    // node: for (const n of ['b', '10', 'a', '2', '-1', '01', '4294967295', '4294967294'])
    // node:   ee.on(n, () => {});
    // node: log(JSON.stringify(ee.eventNames()));
    // node: ee.off('b', ee.listeners('b')[0]); ee.on('b', () => {});
    // node: log(JSON.stringify(ee.eventNames()));
    // node> ["2","10","4294967294","b","a","-1","01","4294967295"]
    // node> ["2","10","4294967294","a","-1","01","4294967295","b"]
    for (String n : List.of("b", "10", "a", "2", "-1", "01", "4294967295", "4294967294")) {
      ee.on(n, args -> {});
    }
    log(JsLog.json(ee.eventNames()));
    ee.off("b", ee.listeners("b").get(0));
    ee.on("b", args -> {});
    log(JsLog.json(ee.eventNames()));
    assertThat(log)
        .containsExactly(
            "[\"2\",\"10\",\"4294967294\",\"b\",\"a\",\"-1\",\"01\",\"4294967295\"]",
            "[\"2\",\"10\",\"4294967294\",\"a\",\"-1\",\"01\",\"4294967295\",\"b\"]");
  }

  @Test
  void newListenerFiresBeforeAddingSoItsOwnAdditionLandsFirst() {
    // node: ee.on('newListener', (n, l) => {
    // node:   log('new', n, l.name);
    // node:   if (l.name === 'b') ee.on('x', function inner() { log('inner'); });
    // node: });
    // node: ee.on('x', function a() { log('a'); });
    // node: ee.on('x', function b() { log('b'); });
    // node: ee.emit('x');
    // node> new x a
    // node> new x b
    // node> new x inner
    // node> a
    // node> inner
    // node> b
    Runnable a = () -> log("a");
    Runnable b = () -> log("b");
    Runnable inner = () -> log("inner");
    ee.on(
        EventEmitter.NEW_LISTENER,
        (n, l) -> {
          log("new", n, l == a ? "a" : l == b ? "b" : l == inner ? "inner" : "?");
          if (l == b) {
            ee.on(X, inner);
          }
        });
    ee.on(X, a);
    ee.on(X, b);
    ee.emit(X);
    assertThat(log).containsExactly("new x a", "new x b", "new x inner", "a", "inner", "b");
  }

  @Test
  void newListenerReceivesTheOriginalOfAOnceListener() {
    // node: const f = function f() {};
    // node: ee.on('newListener', (n, l) => log('new', n, l === f));
    // node: ee.once('o', f); ee.prependOnceListener('o', f);
    // node> new o true
    // node> new o true
    Runnable f = () -> {};
    ee.on(EventEmitter.NEW_LISTENER, (n, l) -> log("new", n, l == f));
    ee.once(Event0.of("o"), f);
    ee.prependOnceListener(Event0.of("o"), f);
    assertThat(log).containsExactly("new o true", "new o true");
  }

  @Test
  void maxListenersWarningOncePerListArrayWithNodesText() {
    // node: process.on('warning', (w) => log(w.name, w.message));
    // node: const f1 = () => {}, f2 = () => {}, f3 = () => {};
    // node: ee.setMaxListeners(1);
    // node: ee.on('z', f1); ee.on('z', f2); ee.on('z', f3); ee.off('z', f3); ee.on('z', f3);
    // node: ee.off('z', f3); ee.off('z', f2); ee.on('z', f2);
    // node: ee.removeAllListeners('z'); ee.on('z', f1); ee.on('z', f2);
    // node: class Foo extends EventEmitter {} const foo = new Foo();
    // node: for (let i = 0; i < 11; i++) foo.on('q', () => {});
    // node> MaxListenersExceededWarning Possible EventEmitter memory leak detected. 2 z listeners added to [EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit
    // node> MaxListenersExceededWarning Possible EventEmitter memory leak detected. 2 z listeners added to [EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit
    // node> MaxListenersExceededWarning Possible EventEmitter memory leak detected. 2 z listeners added to [EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit
    // node> MaxListenersExceededWarning Possible EventEmitter memory leak detected. 11 q listeners added to [Foo]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit
    Warnings.setSink((type, message) -> log(type, message));
    Event0 z = Event0.of("z");
    Runnable f1 = () -> {};
    Runnable f2 = () -> {};
    Runnable f3 = () -> {};
    ee.setMaxListeners(1);
    ee.on(z, f1).on(z, f2).on(z, f3).off(z, f3);
    ee.on(z, f3).off(z, f3).off(z, f2);
    ee.on(z, f2);
    ee.removeAllListeners(z);
    ee.on(z, f1).on(z, f2);
    class Foo extends EventEmitter {}
    Foo foo = new Foo();
    for (int i = 0; i < 11; i++) {
      foo.on("q", args -> {});
    }
    String z2 =
        "MaxListenersExceededWarning Possible EventEmitter memory leak detected. 2 z listeners"
            + " added to [EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() to"
            + " increase limit";
    assertThat(log)
        .containsExactly(
            z2,
            z2,
            z2,
            "MaxListenersExceededWarning Possible EventEmitter memory leak detected. 11 q"
                + " listeners added to [Foo]. MaxListeners is 10. Use emitter.setMaxListeners()"
                + " to increase limit");
  }

  @Test
  void maxListenersDefaultsAndValidation() {
    // node: log(EventEmitter.defaultMaxListeners, ee.getMaxListeners());
    // node: EventEmitter.defaultMaxListeners = 3; log(ee.getMaxListeners());
    // node: ee.setMaxListeners(0); log(ee.getMaxListeners());
    // node: try { ee.setMaxListeners(-1); } catch (e) { log(e.name, e.code, e.message); }
    // node: try { EventEmitter.defaultMaxListeners = -1; } catch (e) { log(e.code, e.message); }
    // node> 10 10
    // node> 3
    // node> 0
    // node> RangeError ERR_OUT_OF_RANGE The value of "setMaxListeners" is out of range. It must be >= 0. Received -1
    // node> ERR_OUT_OF_RANGE The value of "defaultMaxListeners" is out of range. It must be >= 0. Received -1
    log(EventEmitter.defaultMaxListeners(), ee.getMaxListeners());
    EventEmitter.defaultMaxListeners(3);
    log(ee.getMaxListeners());
    ee.setMaxListeners(0);
    log(ee.getMaxListeners());
    try {
      ee.setMaxListeners(-1);
    } catch (NodeError e) {
      log(e.name(), e.code(), e.getMessage());
    }
    assertThatThrownBy(() -> EventEmitter.defaultMaxListeners(-1))
        .isInstanceOfSatisfying(NodeError.class, e -> log(e.code(), e.getMessage()));
    assertThat(log)
        .containsExactly(
            "10 10",
            "3",
            "0",
            "RangeError ERR_OUT_OF_RANGE The value of \"setMaxListeners\" is out of range. It"
                + " must be >= 0. Received -1",
            "ERR_OUT_OF_RANGE The value of \"defaultMaxListeners\" is out of range. It must be"
                + " >= 0. Received -1");
  }

  @Test
  void zeroMaxListenersNeverWarns() {
    Warnings.setSink((type, message) -> log(type));
    ee.setMaxListeners(0);
    for (int i = 0; i < 100; i++) {
      ee.on(X, () -> {});
    }
    assertThat(log).isEmpty();
    assertThat(ee.listenerCount(X)).isEqualTo(100);
  }

  @Test
  void typedKeysAndStringNamesShareOneList() {
    // node: ee.on('data', (d) => log('typed', d)); ee.on('data', (...a) => log('any', a.length));
    // node: ee.emit('data', 'x'); log(ee.listenerCount('data'), JSON.stringify(ee.eventNames()));
    // node> typed x
    // node> any 1
    // node> 2 ["data"]
    Consumer<String> typed = d -> log("typed", d);
    ee.on(DATA, typed);
    ee.on("data", args -> log("any", args.length));
    ee.emit("data", "x");
    log(ee.listenerCount("data"), JsLog.json(ee.eventNames()));
    assertThat(log).containsExactly("typed x", "any 1", "2 [\"data\"]");
    ee.off("data", typed);
    assertThat(ee.listenerCount(DATA)).isEqualTo(1);
  }

  @Test
  void nullListenerIsRejected() {
    assertThatThrownBy(() -> ee.on(X, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ee.off(X, null)).isInstanceOf(NullPointerException.class);
  }
}
