package dev.nodus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import dev.nodus.testing.JsLog;
import dev.nodus.testing.MustCall;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Emitting: the return value, Node's snapshot of the list, once-listeners under re-entrance,
 * exceptions, 'error' without listener, typed keys and string names on one list, and Event1
 * views. Node programs and their output are in the {@code // node:} / {@code // node>}
 * comments (see {@link NodeSnippetsCheck}).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventEmitterEmitTest {
  static final Event0 X = Event0.of("x");

  @RegisterExtension final MustCall calls = new MustCall();

  private final JsLog js = new JsLog();
  private final List<String> log = js.lines;
  private final EventEmitter ee = new EventEmitter();

  private void log(Object... parts) {
    js.log(parts);
  }

  @Test
  void emitReturnsWhetherAnyoneListened() {
    // node: ee.on('error', () => {});
    // node: log(ee.emit('nothing'), ee.on('s', () => {}).emit('s'), ee.emit('error', 1));
    // node> false true true
    ee.on("error", args -> {});
    log(ee.emit("nothing"), ee.on("s", args -> {}).emit("s"), ee.emit("error", 1));
    assertThat(log).containsExactly("false true true");
  }

  @Test
  void removalAndAdditionDuringEmitDoNotChangeTheCurrentEmission() {
    // node: const b = () => log('b'), c = () => log('c');
    // node: const a = () => { log('a'); ee.off('x', b); ee.on('x', c); };
    // node: ee.on('x', a); ee.on('x', b); ee.emit('x'); log('second'); ee.emit('x');
    // node> a
    // node> b
    // node> second
    // node> a
    // node> c
    Runnable b = () -> log("b");
    Runnable c = () -> log("c");
    Runnable a =
        () -> {
          log("a");
          ee.off(X, b);
          ee.on(X, c);
        };
    ee.on(X, a).on(X, b);
    ee.emit(X);
    log("second");
    ee.emit(X);
    assertThat(log).containsExactly("a", "b", "second", "a", "c");
  }

  @Test
  void onceListenerRunsOnceEvenWhenTheEventReentersItself() {
    // node: let d = 0;
    // node: ee.once('r', () => { log('once', d); if (d++ < 2) ee.emit('r'); });
    // node: ee.on('r', () => log('on')); ee.emit('r'); log(ee.listenerCount('r'));
    // node> once 0
    // node> on
    // node> on
    // node> 1
    int[] d = {0};
    Event0 r = Event0.of("r");
    ee.once(
        r,
        calls.mustCall(
            () -> {
              log("once", d[0]);
              if (d[0]++ < 2) {
                ee.emit(r);
              }
            }));
    ee.on(r, () -> log("on"));
    ee.emit(r);
    log(ee.listenerCount(r));
    assertThat(log).containsExactly("once 0", "on", "on", "1");
  }

  @Test
  void onceListenerStillInAnOuterSnapshotIsNotCalledTwice() {
    // node: const second = () => log('second');
    // node: let inner = false;
    // node: ee.on('x', () => { log('first'); if (!inner) { inner = true; ee.emit('x'); } });
    // node: ee.once('x', second); ee.emit('x'); log(ee.listenerCount('x'));
    // node> first
    // node> first
    // node> second
    // node> 1
    boolean[] inner = {false};
    ee.on(
        X,
        () -> {
          log("first");
          if (!inner[0]) {
            inner[0] = true;
            ee.emit(X);
          }
        });
    ee.once(X, calls.mustCall(() -> log("second")));
    ee.emit(X);
    log(ee.listenerCount(X));
    assertThat(log).containsExactly("first", "first", "second", "1");
  }

  @Test
  void aThrowingListenerStopsTheEmissionAndTheExceptionPropagates() {
    // node: ee.on('e', () => { throw new Error('x'); }); ee.on('e', () => log('never'));
    // node: try { ee.emit('e'); } catch (e) { log('threw', e.message); }
    // node> threw x
    Event0 e = Event0.of("e");
    ee.on(
        e,
        () -> {
          throw new IllegalStateException("x");
        });
    ee.on(e, calls.mustNotCall());
    try {
      ee.emit(e);
    } catch (IllegalStateException ex) {
      log("threw", ex.getMessage());
    }
    assertThat(log).containsExactly("threw x");
  }

  @Test
  void aThrowingOnceListenerIsStillRemoved() {
    // node: ee.once('e', () => { throw new Error('x'); });
    // node: try { ee.emit('e'); } catch (e) { log('threw'); } log(ee.listenerCount('e'), ee.emit('e'));
    // node> threw
    // node> 0 false
    Event0 e = Event0.of("e");
    ee.once(
        e,
        () -> {
          throw new IllegalStateException("x");
        });
    assertThatThrownBy(() -> ee.emit(e)).hasMessage("x");
    log("threw");
    log(ee.listenerCount(e), ee.emit(e));
    assertThat(log).containsExactly("threw", "0 false");
  }

  @Test
  void errorWithoutListenerThrowsTheErrorItself() throws Exception {
    // node: try { ee.emit('error', new TypeError('bad')); } catch (e) { log(e.constructor.name, e.message); }
    // node> TypeError bad
    IllegalArgumentException bad = new IllegalArgumentException("bad");
    assertThatThrownBy(() -> ee.emit(EventEmitter.ERROR, bad)).isSameAs(bad);
    // A checked exception is thrown as it is too, as JavaScript throws any Error.
    IOException io = new IOException("io");
    assertThatThrownBy(() -> ee.emit(EventEmitter.ERROR, io)).isSameAs(io);
    assertThatThrownBy(() -> ee.emit("error", io, "extra")).isSameAs(io);
  }

  @Test
  void errorWithoutListenerWrapsOtherValuesInErrUnhandledError() {
    // node: for (const args of [['str'], [], [42], [null], ["it's"], [1.5]]) {
    // node:   try { new EventEmitter().emit('error', ...args); } catch (e) { log(e.code, e.message); }
    // node: }
    // node> ERR_UNHANDLED_ERROR Unhandled error. ('str')
    // node> ERR_UNHANDLED_ERROR Unhandled error. (undefined)
    // node> ERR_UNHANDLED_ERROR Unhandled error. (42)
    // node> ERR_UNHANDLED_ERROR Unhandled error. (null)
    // node> ERR_UNHANDLED_ERROR Unhandled error. ("it's")
    // node> ERR_UNHANDLED_ERROR Unhandled error. (1.5)
    for (Object[] args :
        List.of(
            new Object[] {"str"},
            new Object[] {},
            new Object[] {42},
            new Object[] {null},
            new Object[] {"it's"},
            new Object[] {1.5})) {
      try {
        new EventEmitter().emit("error", args);
      } catch (NodeError e) {
        log(e.code(), e.getMessage());
      }
    }
    assertThat(log)
        .containsExactly(
            "ERR_UNHANDLED_ERROR Unhandled error. ('str')",
            "ERR_UNHANDLED_ERROR Unhandled error. (undefined)",
            "ERR_UNHANDLED_ERROR Unhandled error. (42)",
            "ERR_UNHANDLED_ERROR Unhandled error. (null)",
            "ERR_UNHANDLED_ERROR Unhandled error. (\"it's\")",
            "ERR_UNHANDLED_ERROR Unhandled error. (1.5)");
    // The typed key with a null error is emit('error', null), not emit('error').
    assertThatThrownBy(() -> ee.emit(EventEmitter.ERROR, null))
        .hasMessage("Unhandled error. (null)");
  }

  @Test
  void errorWithAListenerIsAnOrdinaryEvent() {
    // node: ee.on('error', (e) => log('handled', e.message)); log(ee.emit('error', new Error('boom')));
    // node> handled boom
    // node> true
    ee.on(EventEmitter.ERROR, calls.mustCall(e -> log("handled", e.getMessage())));
    log(ee.emit(EventEmitter.ERROR, new IllegalStateException("boom")));
    assertThat(log).containsExactly("handled boom", "true");
  }

  @Test
  void typedAndStringListenersShareTheListInRegistrationOrder() {
    // node: ee.on('data', (d) => log('typed', d)); ee.on('data', (...a) => log('string', a.join()));
    // node: ee.on('data', (d) => log('typed2', d));
    // node: ee.emit('data', 'x'); ee.emit('data', 'y', 'z');
    // node> typed x
    // node> string x
    // node> typed2 x
    // node> typed y
    // node> string y,z
    // node> typed2 y
    Event1<String> data = Event1.of("data");
    ee.on(data, d -> log("typed", d));
    ee.on("data", args -> log("string", String.join(",", (String[]) toStrings(args))));
    ee.on(Event1.<String>of("data"), d -> log("typed2", d));
    ee.emit(data, "x");
    ee.emit("data", "y", "z");
    assertThat(log)
        .containsExactly("typed x", "string x", "typed2 x", "typed y", "string y,z", "typed2 y");
  }

  private static String[] toStrings(Object[] args) {
    String[] s = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      s[i] = String.valueOf(args[i]);
    }
    return s;
  }

  @Test
  void stringEmitReachesEveryShapeWithMissingArgumentsAsNull() {
    Event2<String, Integer> two = Event2.of("m");
    Event3<String, Integer, Boolean> three = Event3.of("m");
    ee.on(Event0.of("m"), () -> log("zero"));
    ee.on(Event1.<String>of("m"), a -> log("one", a));
    ee.on(two, (a, b) -> log("two", a, b));
    ee.on(three, (a, b, c) -> log("three", a, b, c));
    ee.emit("m", "s");
    ee.emit("m", "s", 1, true, "extra");
    ee.emit(two, "t", 2);
    assertThat(log)
        .containsExactly(
            "zero", "one s", "two s null", "three s null null",
            "zero", "one s", "two s 1", "three s 1 true",
            "zero", "one t", "two t 2", "three t 2 null");
  }

  @Test
  void event1ViewsGiveEachListenerItsOwnType() {
    // One Node event, two Java views (Readable.DATA / Readable.TEXT style).
    Event1<byte[]> bytes = Event1.of("data", v -> v instanceof String s ? s.getBytes() : (byte[]) v);
    Event1<String> text = Event1.of("data", v -> v instanceof byte[] b ? new String(b) : (String) v);
    ee.on(bytes, b -> log("bytes", b.length));
    ee.on(text, s -> log("text", s));
    ee.on("data", args -> log("raw", args[0].getClass().getSimpleName()));
    ee.emit(text, "héllo");
    ee.emit(bytes, new byte[] {'h', 'i'});
    assertThat(log)
        .containsExactly("bytes 6", "text héllo", "raw String", "bytes 2", "text hi", "raw byte[]");
    assertThat(bytes.name()).isEqualTo("data");
    assertThat(ee.listenerCount(text)).isEqualTo(3);
  }

  @Test
  void listenersMayBeAddedFromOtherThreadsWhileEmitting() throws Exception {
    // The emitter is documented as safe for adding/removing from any thread.
    int n = 2000;
    Thread t =
        new Thread(
            () -> {
              for (int i = 0; i < n; i++) {
                ee.on(X, () -> {});
              }
            });
    t.start();
    for (int i = 0; i < 200; i++) {
      ee.emit(X);
    }
    t.join();
    assertThat(ee.listenerCount(X)).isEqualTo(n);
  }
}
