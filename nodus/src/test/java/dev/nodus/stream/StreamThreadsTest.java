package dev.nodus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.Nodus;
import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streams called from a thread other than their loop: the same results as on the loop (node's). */
@Timeout(60)
class StreamThreadsTest {

  /** Runs {@code body} on a plain thread while the calling loop is blocked, so nothing it hands over can run. */
  private static void offLoopWhileBlocked(Runnable body) {
    CountDownLatch done = new CountDownLatch(1);
    Thread t = new Thread(() -> {
      try {
        body.run();
      } finally {
        done.countDown();
      }
    }, "other");
    t.start();
    try {
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void log(List<String> log, Runnable r) {
    try {
      r.run();
      log.add("no throw");
    } catch (NodeError e) {
      log.add(e.name() + " " + e.code() + " " + e.getMessage());
    }
  }

  /*
   * node -e 'const {Writable,Readable}=require("stream");
   *   const w=new Writable({highWaterMark:10,write(c,e,cb){setTimeout(cb,1)}});
   *   for (const f of [()=>w.write(null),()=>w.write(123),()=>w.setDefaultEncoding("nope"),
   *       ()=>w.end(123),()=>new Readable().setEncoding("nope")])
   *     { try{f();console.log("no throw")}catch(e){console.log(e.name,e.code,e.message)} }
   *   console.log(w.write(Buffer.alloc(4)),w.write(Buffer.alloc(4)),w.write(Buffer.alloc(4)),
   *     w.writableLength, w.writableNeedDrain);
   *   w.on("drain",()=>console.log("drain", w.writableLength));'
   */
  private static final List<String> NODE = List.of(
      "TypeError ERR_STREAM_NULL_VALUES May not write null values to stream",
      "TypeError ERR_INVALID_ARG_TYPE The \"chunk\" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (123)",
      "TypeError ERR_UNKNOWN_ENCODING Unknown encoding: nope",
      "TypeError ERR_INVALID_ARG_TYPE The \"chunk\" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (123)",
      "TypeError ERR_UNKNOWN_ENCODING Unknown encoding: nope",
      "true true false 12 true",
      "drain 0");

  private static void script(List<String> log, Writable w, Readable r) {
    log(log, () -> w.write(null));
    log(log, () -> w.write(123));
    log(log, () -> w.setDefaultEncoding("nope"));
    log(log, () -> w.end(123));
    log(log, () -> r.setEncoding("nope"));
    boolean a = w.write(Buffer.alloc(4));
    boolean b = w.write(Buffer.alloc(4));
    boolean c = w.write(Buffer.alloc(4));
    log.add(a + " " + b + " " + c + " " + w.writableLength() + " " + w.writableNeedDrain());
  }

  private static Writable slowWritable() {
    return Writable.create(new WritableOptions().highWaterMark(10)
        .write((s, chunk, enc, cb) -> Timers.setTimeout(() -> cb.accept(null), 1)));
  }

  @Test
  void onTheLoopAsNode() {
    List<String> log = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(20), () -> {
      Writable w = slowWritable();
      script(log, w, Readable.create(new ReadableOptions().read((s, n) -> {})));
      w.on(Writable.DRAIN, () -> log.add("drain " + w.writableLength()));
    });
    assertThat(log).containsExactlyElementsOf(NODE);
  }

  @Test
  void offTheLoopTheSameErrorsReturnValuesAndDrain() {
    List<String> log = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(20), () -> {
      Writable w = slowWritable();
      Readable r = Readable.create(new ReadableOptions().read((s, n) -> {}));
      // Added on the loop, before the writes: a listener added off the loop is handed over too.
      w.on(Writable.DRAIN, () -> {
        log.add("drain " + w.writableLength());
        threads.add(String.valueOf(Nodus.inLoop()));
      });
      offLoopWhileBlocked(() -> script(log, w, r));
    });
    assertThat(log).containsExactlyElementsOf(NODE);
    assertThat(threads).containsExactly("true");
  }

  @Test
  void callsFromOneThreadRunOnTheLoopInTheOrderMade() {
    List<String> log = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(20), () -> {
      Writable w = Writable.create(new WritableOptions()
          .write((s, chunk, enc, cb) -> {
            log.add("write " + chunk + " " + Nodus.inLoop());
            cb.accept(null);
          })
          .writev((s, chunks, cb) -> {
            StringBuilder sb = new StringBuilder("writev");
            for (Chunk c : chunks) {
              sb.append(' ').append(c.chunk());
            }
            log.add(sb + " " + Nodus.inLoop());
            cb.accept(null);
          })
          .decodeStrings(false));
      PassThrough p = new PassThrough();
      offLoopWhileBlocked(() -> {
        w.on(Writable.FINISH, () -> log.add("finish " + Nodus.inLoop()));
        w.write("a");
        w.cork();
        w.write("b");
        w.write("c");
        w.uncork();
        w.end("d");
        Consumer<Buffer> onData = d -> log.add("data " + d + " " + Nodus.inLoop());
        p.on(Readable.DATA, onData);
        p.write("x");
        p.end();
      });
    });
    // Each handed-over call runs as its own loop callback, its nextTicks right after it (as
    // separate I/O events in Node): 'finish', due on the tick after end("d"), comes before the
    // PassThrough's calls run. Made in one synchronous block on the loop, node prints
    // [write a, writev b c, write d, data x, finish].
    assertThat(log).containsExactly(
        "write a true", "writev b c true", "write d true", "finish true", "data x true");
  }

  @Test
  void aStreamsEmitterHandsListenersAndEmitsToItsLoopInOrder() {
    List<String> log = new CopyOnWriteArrayList<>();
    boolean[] returned = new boolean[2];
    Programs.run(Duration.ofSeconds(20), () -> {
      PassThrough p = new PassThrough();
      dev.nodus.events.Event1<String> ping = dev.nodus.events.Event1.of("ping");
      p.on(ping, v -> log.add("early " + v + " " + Nodus.inLoop()));
      offLoopWhileBlocked(() -> {
        p.on(ping, v -> log.add("late " + v + " " + Nodus.inLoop()));
        // Still queued behind the loop: the second listener is not there yet, the first is.
        returned[0] = p.emit(ping, "a");
        returned[1] = p.emit(dev.nodus.events.Event0.of("nobody"));
        log.add("count while blocked " + p.listenerCount(ping));
      });
    });
    assertThat(returned).containsExactly(true, false);
    // Handed over in order: the listener added off the loop hears the emit made after it.
    assertThat(log).containsExactly("count while blocked 1", "early a true", "late a true");
  }

  @Test
  void pipelineAndFinishedCalledOffTheLoopRunOnIt() {
    List<String> log = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(20), () -> {
      Readable src = Readable.from(List.of("a", "b", "c"));
      StringBuilder got = new StringBuilder();
      Writable dst = Writable.create(new WritableOptions().decodeStrings(false)
          .write((w, chunk, enc, cb) -> {
            got.append(chunk);
            cb.accept(null);
          }));
      offLoopWhileBlocked(() -> {
        Stream.finished(dst, err -> log.add("finished " + err + " " + got + " " + Nodus.inLoop()));
        Stream.pipeline(src, dst, err -> log.add("pipeline " + err + " " + Nodus.inLoop()));
      });
    });
    assertThat(log).containsExactlyInAnyOrder("finished null abc true", "pipeline null true");
  }

  @Test
  void onceDrainFromAnotherThreadAfterFalseRunsEvenWhenTheDrainCameFirst() {
    List<String> log = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(20), () -> {
      // _write completes at once: the loop emits 'drain' in the tick after it takes the write,
      // before the once('drain') handed over behind the write reaches it.
      Writable w = Writable.create(new WritableOptions().highWaterMark(10)
          .write((s, chunk, enc, cb) -> cb.accept(null)));
      Duplex d = Duplex.create(new DuplexOptions().writableHighWaterMark(10).read((s, n) -> {})
          .write((s, chunk, enc, cb) -> cb.accept(null)));
      w.on(Writable.DRAIN, () -> log.add("w drain emitted"));
      offLoopWhileBlocked(() -> {
        log.add("w write " + w.write(Buffer.alloc(12)));
        w.once(Writable.DRAIN, () -> log.add("w once " + Nodus.inLoop()));
        log.add("d write " + d.write(Buffer.alloc(12)));
        d.once(Duplex.DRAIN, () -> log.add("d once " + Nodus.inLoop()));
      });
      Timers.setTimeout(() -> {
        // No drain is due: a later one is a new one, heard by on() only.
        w.write(Buffer.alloc(1));
        d.destroy();
      }, 20);
    });
    assertThat(log).containsExactly(
        "w write false", "d write false", "w drain emitted", "w once true", "d once true");
  }
}
