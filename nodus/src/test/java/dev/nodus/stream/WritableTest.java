package dev.nodus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Writable: backpressure, drain, cork/writev, final/finish, errors. Event order as Node's. */
@Timeout(60)
class WritableTest {

  /** A Writable whose writes complete on setImmediate, logging each. */
  private static Writable slow(Scenario.Log log, int hwm) {
    return Writable.create(new WritableOptions().highWaterMark(hwm).write((s, chunk, enc, cb) -> {
      log.add("_write " + chunk + " " + enc);
      Timers.setImmediate(() -> cb.accept(null));
    }));
  }

  private static void events(Scenario.Log log, Writable w) {
    w.on(Writable.DRAIN, () -> log.add("drain " + w.writableLength()));
    w.on(Writable.PREFINISH, () -> log.add("prefinish"));
    w.on(Writable.FINISH, () -> log.add("finish " + w.writableFinished()));
    w.on(Writable.CLOSE, () -> log.add("close " + w.closed()));
    w.on(Writable.ERROR, e -> log.add("error " + Scenario.code(e)));
  }

  @Test
  void writeReturnsFalseAtHighWaterMarkThenOneDrain() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({highWaterMark: 3, write(chunk, enc, cb) {
          console.log('_write ' + chunk + ' ' + enc);
          setImmediate(() => cb(null));
        }});
        w.on('drain', () => console.log('drain ' + w.writableLength));
        w.on('prefinish', () => console.log('prefinish'));
        w.on('finish', () => console.log('finish ' + w.writableFinished));
        w.on('close', () => console.log('close ' + w.closed));
        console.log('w1', w.write('a'), w.writableLength, w.writableNeedDrain);
        console.log('w2', w.write('bb', () => console.log('cb bb')), w.writableLength, w.writableNeedDrain);
        console.log('w3', w.write('c'), w.writableLength);
        w.once('drain', () => { console.log('again', w.write('d')); w.end('e', () => console.log('end cb')); console.log('ended', w.writableEnded, w.writable); });
        """, """
        _write a buffer
        w1 true 1 false
        w2 false 3 true
        w3 false 4
        _write bb buffer
        _write c buffer
        cb bb
        drain 0
        _write d buffer
        again true
        ended true false
        _write e buffer
        prefinish
        end cb
        finish true
        close true
        """, log -> {
          Writable w = slow(log, 3);
          events(log, w);
          log.add("w1 " + w.write("a") + " " + w.writableLength() + " " + w.writableNeedDrain());
          log.add("w2 " + w.write("bb", e -> log.add("cb bb")) + " " + w.writableLength() + " "
              + w.writableNeedDrain());
          log.add("w3 " + w.write("c") + " " + w.writableLength());
          w.once(Writable.DRAIN, () -> {
            log.add("again " + w.write("d"));
            w.end("e", () -> log.add("end cb"));
            log.add("ended " + w.writableEnded() + " " + w.writable());
          });
        });
  }

  @Test
  void synchronousWriteCallbacksAreDeferredAndBatched() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({highWaterMark: 2, write(chunk, enc, cb) { console.log('_write ' + chunk); cb(); }});
        w.on('drain', () => console.log('drain'));
        w.on('finish', () => console.log('finish'));
        w.on('close', () => console.log('close'));
        const cb = (e) => console.log('cb', e);
        console.log(w.write('aaa', cb), w.write('b', cb), w.write('c'));
        process.nextTick(() => console.log('tick'));
        w.end(() => console.log('end cb'));
        console.log('sync');
        """, """
        _write aaa
        _write b
        _write c
        true true true
        sync
        cb null
        cb null
        tick
        end cb
        finish
        close
        """, log -> {
          Writable w = Writable.create(new WritableOptions().highWaterMark(2).write((s, c, e, cb) -> {
            log.add("_write " + c);
            cb.accept(null);
          }));
          w.on(Writable.DRAIN, () -> log.add("drain"));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          Consumer<Throwable> cb = e -> log.add("cb " + e);
          boolean a = w.write("aaa", cb);
          boolean b = w.write("b", cb);
          boolean c = w.write("c");
          log.add(a + " " + b + " " + c);
          Timers.nextTick(() -> log.add("tick"));
          w.end(() -> log.add("end cb"));
          log.add("sync");
        });
  }

  @Test
  void objectModeSynchronousWritesTakeATick() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({objectMode: true, write(chunk, enc, cb) { console.log('_write', chunk.n); cb(); }});
        w.on('finish', () => console.log('finish'));
        w.write({n: 1}); w.write({n: 2});
        process.nextTick(() => console.log('tick'));
        w.end();
        console.log('sync', w.writableLength);
        """, """
        _write 1
        _write 2
        sync 0
        tick
        finish
        """, log -> {
          Writable w = Writable.create(new WritableOptions().objectMode(true).write((s, c, e, cb) -> {
            log.add("_write " + c);
            cb.accept(null);
          }));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.write(1);
          w.write(2);
          Timers.nextTick(() -> log.add("tick"));
          w.end();
          log.add("sync " + w.writableLength());
        });
  }

  @Test
  void corkBatchesIntoWritev() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({
          write(chunk, enc, cb) { console.log('_write ' + chunk); cb(); },
          writev(chunks, cb) { console.log('_writev ' + chunks.map(c => c.chunk + '/' + c.encoding).join(',')); cb(); },
        });
        w.on('finish', () => console.log('finish'));
        w.cork(); w.cork();
        w.write('a'); w.write('b', () => console.log('cb b')); w.write(Buffer.from('c'));
        console.log('corked', w.writableCorked, w.writableLength);
        w.uncork();
        console.log('still', w.writableCorked);
        process.nextTick(() => { w.uncork(); console.log('uncorked', w.writableLength); w.write('d'); w.end(); });
        """, """
        corked 2 3
        still 1
        _writev a/buffer,b/buffer,c/buffer
        uncorked 0
        _write d
        cb b
        finish
        """, log -> {
          Writable w = Writable.create(new WritableOptions()
              .write((s, c, e, cb) -> {
                log.add("_write " + c);
                cb.accept(null);
              })
              .writev((s, chunks, cb) -> {
                StringBuilder b = new StringBuilder("_writev ");
                for (int i = 0; i < chunks.size(); i++) {
                  b.append(i == 0 ? "" : ",").append(chunks.get(i).chunk()).append('/')
                      .append(chunks.get(i).encoding());
                }
                log.add(b.toString());
                cb.accept(null);
              }));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.cork();
          w.cork();
          w.write("a");
          w.write("b", e -> log.add("cb b"));
          w.write(Buffer.from("c"));
          log.add("corked " + w.writableCorked() + " " + w.writableLength());
          w.uncork();
          log.add("still " + w.writableCorked());
          Timers.nextTick(() -> {
            w.uncork();
            log.add("uncorked " + w.writableLength());
            w.write("d");
            w.end();
          });
        });
  }

  @Test
  void writesQueuedBehindAPendingWriteGoToWritevInOrder() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({
          decodeStrings: false,
          write(chunk, enc, cb) { console.log('_write ' + chunk + ' ' + enc); setImmediate(cb); },
          writev(chunks, cb) { console.log('_writev ' + chunks.map(c => c.chunk + '/' + c.encoding).join(',')); setImmediate(cb); },
        });
        w.on('finish', () => console.log('finish'));
        w.on('close', () => console.log('close'));
        w.write('a'); w.write('b', () => console.log('cb b')); w.write('c', 'latin1', () => console.log('cb c'));
        w.end(() => console.log('end cb'));
        """, """
        _write a utf8
        _writev b/utf8,c/latin1
        cb b
        cb c
        end cb
        finish
        close
        """, log -> {
          Writable w = Writable.create(new WritableOptions().decodeStrings(false)
              .write((s, c, e, cb) -> {
                log.add("_write " + c + " " + e);
                Timers.setImmediate(() -> cb.accept(null));
              })
              .writev((s, chunks, cb) -> {
                StringBuilder b = new StringBuilder("_writev ");
                for (int i = 0; i < chunks.size(); i++) {
                  b.append(i == 0 ? "" : ",").append(chunks.get(i).chunk()).append('/')
                      .append(chunks.get(i).encoding());
                }
                log.add(b.toString());
                Timers.setImmediate(() -> cb.accept(null));
              }));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.write("a");
          w.write("b", e -> log.add("cb b"));
          w.write("c", "latin1", e -> log.add("cb c"));
          w.end(() -> log.add("end cb"));
        });
  }

  @Test
  void finalRunsBeforePrefinishAndFinish() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({
          write(chunk, enc, cb) { console.log('_write ' + chunk); cb(); },
          final(cb) { console.log('_final'); setImmediate(() => { console.log('final done'); cb(); }); },
        });
        w.on('prefinish', () => console.log('prefinish'));
        w.on('finish', () => console.log('finish'));
        w.on('close', () => console.log('close'));
        w.end('x', () => console.log('end cb'));
        w.end(() => console.log('end cb 2'));
        console.log('sync', w.writableEnded, w.writableFinished);
        """, """
        _write x
        _final
        sync true false
        final done
        prefinish
        end cb
        end cb 2
        finish
        close
        """, log -> {
          Writable w = Writable.create(new WritableOptions()
              .write((s, c, e, cb) -> {
                log.add("_write " + c);
                cb.accept(null);
              })
              .final_((s, cb) -> {
                log.add("_final");
                Timers.setImmediate(() -> {
                  log.add("final done");
                  cb.accept(null);
                });
              }));
          w.on(Writable.PREFINISH, () -> log.add("prefinish"));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.end("x", () -> log.add("end cb"));
          w.end(() -> log.add("end cb 2"));
          log.add("sync " + w.writableEnded() + " " + w.writableFinished());
        });
  }

  @Test
  void finalErrorDestroys() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { cb(new Error('nope')); } });
        w.on('error', e => console.log('error', e.message));
        w.on('finish', () => console.log('finish'));
        w.on('close', () => console.log('close'));
        w.end((e) => console.log('end cb', e && e.message));
        """, """
        error nope
        close
        end cb nope
        """, log -> {
          Writable w = Writable.create(new WritableOptions()
              .write((s, c, e, cb) -> cb.accept(null))
              .final_((s, cb) -> cb.accept(new IllegalStateException("nope"))));
          w.on(Writable.ERROR, e -> log.add("error " + e.getMessage()));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.end(null, null, e -> log.add("end cb " + e.getMessage()));
        });
  }

  @Test
  void writeAfterEndCallsBackAndEmitsError() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({ write(c, e, cb) { cb(); } });
        w.on('error', e => console.log('error', e.code, e.message));
        w.on('finish', () => console.log('finish'));
        w.on('close', () => console.log('close'));
        w.end();
        console.log('write', w.write('x', (e) => console.log('cb', e.code)));
        console.log('sync');
        """, """
        write false
        sync
        cb ERR_STREAM_WRITE_AFTER_END
        error ERR_STREAM_WRITE_AFTER_END write after end
        close
        """, log -> {
          Writable w = Writable.create(new WritableOptions().write((s, c, e, cb) -> cb.accept(null)));
          w.on(Writable.ERROR, e -> log.add("error " + Scenario.code(e) + " " + e.getMessage()));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.end();
          log.add("write " + w.write("x", e -> log.add("cb " + Scenario.code(e))));
          log.add("sync");
        });
  }

  @Test
  void writeAfterDestroyCallsBackWithoutError() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({ write(c, e, cb) { cb(); } });
        w.on('error', e => console.log('error', e.code));
        w.on('close', () => console.log('close'));
        w.destroy();
        console.log('write', w.write('x', (e) => console.log('cb', e.code, e.message)));
        w.end((e) => console.log('end cb', e.code, e.message));
        """, """
        write false
        close
        cb ERR_STREAM_DESTROYED Cannot call write after a stream was destroyed
        """, log -> {
          Writable w = Writable.create(new WritableOptions().write((s, c, e, cb) -> cb.accept(null)));
          w.on(Writable.ERROR, e -> log.add("error " + Scenario.code(e)));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.destroy();
          log.add("write " + w.write("x", e -> log.add("cb " + Scenario.code(e) + " " + e.getMessage())));
          w.end(null, null, e -> log.add("end cb " + Scenario.code(e) + " " + e.getMessage()));
        });
  }

  @Test
  void endTwiceAfterFinishReportsAlreadyFinished() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({ write(c, e, cb) { cb(); }, autoDestroy: false });
        w.on('finish', () => {
          console.log('finish');
          w.end((e) => console.log('end cb', e.code, e.message));
        });
        w.on('error', e => console.log('error', e.code));
        w.end();
        """, """
        finish
        end cb ERR_STREAM_ALREADY_FINISHED Cannot call end after a stream was finished
        """, log -> {
          Writable w = Writable.create(new WritableOptions().autoDestroy(false)
              .write((s, c, e, cb) -> cb.accept(null)));
          w.on(Writable.FINISH, () -> {
            log.add("finish");
            w.end(null, null, e -> log.add("end cb " + Scenario.code(e) + " " + e.getMessage()));
          });
          w.on(Writable.ERROR, e -> log.add("error " + Scenario.code(e)));
          w.end();
        });
  }

  @Test
  void nullAndInvalidChunksThrowSynchronously() {
    List<String> out = Scenario.java(log -> {
      Writable w = Writable.create(new WritableOptions().write((s, c, e, cb) -> cb.accept(null)));
      try {
        w.write(null);
      } catch (NodeError e) {
        log.add(e.code() + " " + e.getMessage());
      }
      try {
        w.write(5);
      } catch (NodeError e) {
        log.add(e.code() + " " + e.getMessage());
      }
      try {
        w.write("x", "nope");
      } catch (NodeError e) {
        log.add(e.code() + " " + e.getMessage());
      }
      w.end();
    });
    // Recorded from node v20: see the script in writeNullNodeScript().
    assertThat(out).containsExactly(
        "ERR_STREAM_NULL_VALUES May not write null values to stream",
        "ERR_INVALID_ARG_TYPE The \"chunk\" argument must be of type string or an instance of "
            + "Buffer, TypedArray, or DataView. Received type number (5)",
        "ERR_UNKNOWN_ENCODING Unknown encoding: nope");
    if (Scenario.nodeAvailable()) {
      assertThat(Scenario.node("""
          const {Writable} = require('stream');
          const w = new Writable({ write(c, e, cb) { cb(); } });
          for (const f of [() => w.write(null), () => w.write(5), () => w.write('x', 'nope')]) {
            try { f(); } catch (e) { console.log(e.code + ' ' + e.message); }
          }
          """)).containsExactlyElementsOf(out);
    }
  }

  @Test
  void writeErrorFailsQueuedWritesThenEmitsErrorAndClose() {
    Scenario.check("""
        const {Writable} = require('stream');
        let n = 0;
        const w = new Writable({ write(c, e, cb) { n++; setImmediate(() => cb(n === 1 ? new Error('disk') : null)); } });
        w.on('error', e => console.log('error', e.message, w.writableLength));
        w.on('close', () => console.log('close', w.errored && w.errored.message));
        w.write('a', (e) => console.log('cb a', e && e.message));
        w.write('b', (e) => console.log('cb b', e && e.message));
        w.end((e) => console.log('end cb', e && e.message));
        """, """
        cb a disk
        cb b disk
        end cb disk
        error disk 0
        close disk
        """, log -> {
          int[] n = {0};
          Writable w = Writable.create(new WritableOptions().write((s, c, e, cb) -> {
            n[0]++;
            boolean fail = n[0] == 1;
            Timers.setImmediate(() -> cb.accept(fail ? new IllegalStateException("disk") : null));
          }));
          w.on(Writable.ERROR, e -> log.add("error " + e.getMessage() + " " + w.writableLength()));
          w.on(Writable.CLOSE, () -> log.add("close " + w.errored().getMessage()));
          w.write("a", e -> log.add("cb a " + e.getMessage()));
          w.write("b", e -> log.add("cb b " + e.getMessage()));
          w.end(null, null, e -> log.add("end cb " + e.getMessage()));
        });
  }

  @Test
  void destroyWithErrorFailsPendingCallbacks() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({ write(c, e, cb) { setImmediate(cb); } });
        w.on('error', e => console.log('error', e.message));
        w.on('close', () => console.log('close'));
        w.write('a', (e) => console.log('cb a', e && e.code));
        w.write('b', (e) => console.log('cb b', e && e.message));
        w.end((e) => console.log('end cb', e && e.message));
        w.destroy(new Error('kill'));
        console.log('sync', w.destroyed, w.writable);
        """, """
        sync true false
        error kill
        close
        cb a null
        cb b kill
        end cb kill
        """, log -> {
          Writable w = Writable.create(new WritableOptions().write((s, c, e, cb) ->
              Timers.setImmediate(() -> cb.accept(null))));
          w.on(Writable.ERROR, e -> log.add("error " + e.getMessage()));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.write("a", e -> log.add("cb a " + (e == null ? "null" : Scenario.code(e))));
          w.write("b", e -> log.add("cb b " + e.getMessage()));
          w.end(null, null, e -> log.add("end cb " + e.getMessage()));
          w.destroy(new IllegalStateException("kill"));
          log.add("sync " + w.destroyed() + " " + w.writable());
        });
  }

  @Test
  void callbackCalledTwiceIsAnError() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({ write(c, e, cb) { cb(); cb(); } });
        w.on('error', e => console.log('error', e.code));
        w.on('close', () => console.log('close'));
        w.write('a');
        """, """
        error ERR_MULTIPLE_CALLBACK
        close
        """, log -> {
          Writable w = Writable.create(new WritableOptions().write((s, c, e, cb) -> {
            cb.accept(null);
            cb.accept(null);
          }));
          w.on(Writable.ERROR, e -> log.add("error " + Scenario.code(e)));
          w.on(Writable.CLOSE, () -> log.add("close"));
          w.write("a");
        });
  }

  @Test
  void constructDelaysWritesAndFinal() {
    Scenario.check("""
        const {Writable} = require('stream');
        const w = new Writable({
          construct(cb) { console.log('construct'); setImmediate(() => { console.log('ready'); cb(); }); },
          write(c, e, cb) { console.log('_write ' + c); cb(); },
          final(cb) { console.log('_final'); cb(); },
        });
        w.on('finish', () => console.log('finish'));
        w.on('close', () => console.log('close'));
        console.log(w.write('a'), w.writableLength);
        w.end('b');
        """, """
        true 1
        construct
        ready
        _write a
        _write b
        _final
        finish
        close
        """, log -> {
          Writable w = Writable.create(new WritableOptions()
              .construct((s, cb) -> {
                log.add("construct");
                Timers.setImmediate(() -> {
                  log.add("ready");
                  cb.accept(null);
                });
              })
              .write((s, c, e, cb) -> {
                log.add("_write " + c);
                cb.accept(null);
              })
              .final_((s, cb) -> {
                log.add("_final");
                cb.accept(null);
              }));
          w.on(Writable.FINISH, () -> log.add("finish"));
          w.on(Writable.CLOSE, () -> log.add("close"));
          log.add(w.write("a") + " " + w.writableLength());
          w.end("b");
        });
  }

  @Test
  void subclassOverridingWritevGetsBatches() {
    List<String> out = Scenario.java(log -> {
      Writable w = new Writable(new WritableOptions().highWaterMark(1)) {
        @Override
        protected void _write(Object chunk, String encoding, Consumer<Throwable> callback) {
          log.add("_write " + chunk);
          Timers.setImmediate(() -> callback.accept(null));
        }

        @Override
        protected void _writev(List<Chunk> chunks, Consumer<Throwable> callback) {
          log.add("_writev " + chunks.size());
          callback.accept(null);
        }
      };
      w.on(Writable.FINISH, () -> log.add("finish"));
      w.write("a");
      w.write("b");
      w.write("c");
      w.end();
    });
    assertThat(out).containsExactly("_write a", "_writev 2", "finish");
  }

  @Test
  void setDefaultEncodingValidates() {
    Scenario.java(log -> {
      Writable w = Writable.create(new WritableOptions().decodeStrings(false)
          .write((s, c, e, cb) -> {
            log.add(e);
            cb.accept(null);
          }));
      w.setDefaultEncoding("LATIN1");
      w.write("x");
      assertThatThrownBy(() -> w.setDefaultEncoding("bogus"))
          .hasMessage("Unknown encoding: bogus");
      w.end();
    });
  }
}
