package dev.nodus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Duplex half-open rules, Transform and PassThrough. Event order as Node's. */
@Timeout(60)
class DuplexTransformTest {

  private static void events(Scenario.Log log, Duplex d) {
    d.on(Duplex.END, () -> log.add("end"));
    d.on(Duplex.PREFINISH, () -> log.add("prefinish"));
    d.on(Duplex.FINISH, () -> log.add("finish"));
    d.on(Duplex.CLOSE, () -> log.add("close"));
    d.on(Duplex.ERROR, e -> log.add("error " + e.getMessage()));
  }

  @Test
  void allowHalfOpenFalseEndsTheWritableSideAfterEnd() {
    Scenario.check("""
        const {Duplex} = require('stream');
        const d = new Duplex({
          allowHalfOpen: false,
          read() {},
          write(c, e, cb) { console.log('_write ' + c); cb(); },
          final(cb) { console.log('_final'); cb(); },
        });
        d.on('end', () => console.log('end', d.writableEnded));
        d.on('prefinish', () => console.log('prefinish'));
        d.on('finish', () => console.log('finish'));
        d.on('close', () => console.log('close', d.destroyed));
        d.on('data', c => console.log('data:' + c));
        d.write('w');
        d.push('r'); d.push(null);
        """, """
        _write w
        data:r
        end false
        _final
        prefinish
        finish
        close true
        """, log -> {
          Duplex d = Duplex.create(new DuplexOptions().allowHalfOpen(false)
              .read((s, n) -> {})
              .write((s, c, e, cb) -> {
                log.add("_write " + c);
                cb.accept(null);
              })
              .final_((s, cb) -> {
                log.add("_final");
                cb.accept(null);
              }));
          d.on(Duplex.END, () -> log.add("end " + d.writableEnded()));
          d.on(Duplex.PREFINISH, () -> log.add("prefinish"));
          d.on(Duplex.FINISH, () -> log.add("finish"));
          d.on(Duplex.CLOSE, () -> log.add("close " + d.destroyed()));
          d.on(Duplex.TEXT, c -> log.add("data:" + c));
          d.write("w");
          d.push("r");
          d.push(null);
        });
  }

  @Test
  void halfOpenDuplexClosesOnlyWhenBothSidesAreDone() {
    Scenario.check("""
        const {Duplex} = require('stream');
        const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
        d.on('end', () => { console.log('end', d.writable, d.destroyed); setImmediate(() => { console.log('ending'); d.end(); }); });
        d.on('finish', () => console.log('finish'));
        d.on('close', () => console.log('close'));
        d.resume();
        d.push(null);
        """, """
        end true false
        ending
        finish
        close
        """, log -> {
          Duplex d = Duplex.create(new DuplexOptions().read((s, n) -> {})
              .write((s, c, e, cb) -> cb.accept(null)));
          d.on(Duplex.END, () -> {
            log.add("end " + d.writable() + " " + d.destroyed());
            Timers.setImmediate(() -> {
              log.add("ending");
              d.end();
            });
          });
          d.on(Duplex.FINISH, () -> log.add("finish"));
          d.on(Duplex.CLOSE, () -> log.add("close"));
          d.resume();
          d.push(null);
        });
  }

  @Test
  void sidesHaveTheirOwnOptions() {
    Scenario.check("""
        const {Duplex} = require('stream');
        const d = new Duplex({ readableObjectMode: true, writableHighWaterMark: 5, read() {}, write(c, e, cb) { cb(); } });
        console.log(d.readableObjectMode, d.writableObjectMode, d.readableHighWaterMark, d.writableHighWaterMark, d.allowHalfOpen);
        const e = new Duplex({ objectMode: true, highWaterMark: 3, readableHighWaterMark: 7 });
        console.log(e.readableObjectMode, e.writableObjectMode, e.readableHighWaterMark, e.writableHighWaterMark);
        const f = new Duplex({ readable: false, read() {}, write(c, e, cb) { cb(); } });
        console.log(f.readable, f.writable, f.readableEnded);
        f.on('finish', () => console.log('f finish'));
        f.on('close', () => console.log('f close'));
        f.end();
        """, """
        true false 16 5 true
        true true 3 3
        false true true
        f finish
        f close
        """, log -> {
          Duplex d = Duplex.create(new DuplexOptions().readableObjectMode(true)
              .writableHighWaterMark(5).read((s, n) -> {}).write((s, c, e, cb) -> cb.accept(null)));
          log.add(d.readableObjectMode() + " " + d.writableObjectMode() + " "
              + d.readableHighWaterMark() + " " + d.writableHighWaterMark() + " " + d.allowHalfOpen());
          Duplex e = Duplex.create(new DuplexOptions().objectMode(true).highWaterMark(3)
              .readableHighWaterMark(7));
          log.add(e.readableObjectMode() + " " + e.writableObjectMode() + " "
              + e.readableHighWaterMark() + " " + e.writableHighWaterMark());
          Duplex f = Duplex.create(new DuplexOptions().readable(false).read((s, n) -> {})
              .write((s, c, x, cb) -> cb.accept(null)));
          log.add(f.readable() + " " + f.writable() + " " + f.readableEnded());
          f.on(Duplex.FINISH, () -> log.add("f finish"));
          f.on(Duplex.CLOSE, () -> log.add("f close"));
          f.end();
        });
  }

  @Test
  void transformWithFlush() {
    Scenario.check("""
        const {Transform} = require('stream');
        const t = new Transform({
          transform(chunk, enc, cb) { console.log('_transform ' + chunk); cb(null, String(chunk).toUpperCase()); },
          flush(cb) { console.log('_flush'); this.push('!'); cb(null, '?'); },
        });
        t.on('data', c => console.log('data:' + c));
        t.on('prefinish', () => console.log('prefinish'));
        t.on('finish', () => console.log('finish'));
        t.on('end', () => console.log('end'));
        t.on('close', () => console.log('close'));
        t.write('ab');
        t.end('cd');
        console.log('sync');
        """, """
        _transform ab
        data:AB
        _transform cd
        data:CD
        _flush
        data:!
        data:?
        prefinish
        sync
        end
        finish
        close
        """, log -> {
          Transform t = Transform.create(new TransformOptions()
              .transform((s, chunk, enc, cb) -> {
                log.add("_transform " + chunk);
                cb.accept(null, chunk.toString().toUpperCase(Locale.ROOT));
              })
              .flush((s, cb) -> {
                log.add("_flush");
                s.push("!");
                cb.accept(null, "?");
              }));
          t.on(Transform.TEXT, c -> log.add("data:" + c));
          t.on(Transform.PREFINISH, () -> log.add("prefinish"));
          t.on(Transform.FINISH, () -> log.add("finish"));
          t.on(Transform.END, () -> log.add("end"));
          t.on(Transform.CLOSE, () -> log.add("close"));
          t.write("ab");
          t.end("cd");
          log.add("sync");
        });
  }

  @Test
  void transformErrorDestroys() {
    Scenario.check("""
        const {Transform} = require('stream');
        const t = new Transform({ transform(chunk, enc, cb) { cb(new Error('bad ' + chunk)); } });
        t.on('error', e => console.log('error', e.message));
        t.on('finish', () => console.log('finish'));
        t.on('end', () => console.log('end'));
        t.on('close', () => console.log('close', t.destroyed));
        t.write('x', (e) => console.log('cb', e && e.message));
        t.write('y', (e) => console.log('cb y', e && e.message));
        """, """
        cb bad x
        cb y bad x
        error bad x
        close true
        """, log -> {
          Transform t = Transform.create(new TransformOptions()
              .transform((s, chunk, enc, cb) ->
                  cb.accept(new IllegalStateException("bad " + chunk), null)));
          t.on(Transform.ERROR, e -> log.add("error " + e.getMessage()));
          t.on(Transform.FINISH, () -> log.add("finish"));
          t.on(Transform.END, () -> log.add("end"));
          t.on(Transform.CLOSE, () -> log.add("close " + t.destroyed()));
          t.write("x", e -> log.add("cb " + e.getMessage()));
          t.write("y", e -> log.add("cb y " + e.getMessage()));
        });
  }

  @Test
  void transformHoldsTheWriteCallbackWhileItsOutputIsFull() {
    Scenario.check("""
        const {Transform} = require('stream');
        const t = new Transform({ readableHighWaterMark: 2, writableHighWaterMark: 2,
          transform(chunk, enc, cb) { console.log('_transform ' + chunk); cb(null, chunk); } });
        for (const c of ['a', 'b', 'c', 'd']) console.log('write', c, t.write(c, () => console.log('cb ' + c)), t.readableLength, t.writableLength);
        setImmediate(() => {
          console.log('reading');
          t.on('data', c => console.log('data:' + c));
          t.end();
        });
        t.on('end', () => console.log('end'));
        t.on('finish', () => console.log('finish'));
        """, """
        _transform a
        write a true 1 0
        _transform b
        write b true 2 1
        write c false 2 2
        write d false 2 3
        cb a
        reading
        _transform c
        _transform d
        cb b
        data:a
        data:b
        data:c
        data:d
        cb c
        cb d
        finish
        end
        """, log -> {
          Transform t = Transform.create(new TransformOptions().readableHighWaterMark(2)
              .writableHighWaterMark(2)
              .transform((s, chunk, enc, cb) -> {
                log.add("_transform " + chunk);
                cb.accept(null, chunk);
              }));
          for (String c : List.of("a", "b", "c", "d")) {
            boolean ok = t.write(c, e -> log.add("cb " + c));
            log.add("write " + c + " " + ok + " " + t.readableLength() + " " + t.writableLength());
          }
          Timers.setImmediate(() -> {
            log.add("reading");
            t.on(Transform.TEXT, c -> log.add("data:" + c));
            t.end();
          });
          t.on(Transform.END, () -> log.add("end"));
          t.on(Transform.FINISH, () -> log.add("finish"));
        });
  }

  @Test
  void passThroughObjectMode() {
    Scenario.check("""
        const {PassThrough} = require('stream');
        const p = new PassThrough({ objectMode: true });
        p.on('data', c => console.log('data', JSON.stringify(c)));
        p.on('end', () => console.log('end'));
        p.on('finish', () => console.log('finish'));
        p.on('close', () => console.log('close'));
        p.write(1); p.write('two'); p.end(3);
        """, """
        data 1
        data "two"
        data 3
        end
        finish
        close
        """, log -> {
          PassThrough p = new PassThrough(new DuplexOptions().objectMode(true));
          p.on(PassThrough.CHUNK, c -> log.add("data " + (c instanceof String ? Json.str(c) : c)));
          p.on(PassThrough.END, () -> log.add("end"));
          p.on(PassThrough.FINISH, () -> log.add("finish"));
          p.on(PassThrough.CLOSE, () -> log.add("close"));
          p.write(1);
          p.write("two");
          p.end(3);
        });
  }

  @Test
  void readableHighWaterMarkZeroDisablesWritableBuffering() {
    Scenario.check("""
        const {PassThrough} = require('stream');
        const p = new PassThrough({ readableHighWaterMark: 0 });
        console.log(p.readableHighWaterMark, p.writableHighWaterMark);
        console.log(p.write('a'), p.writableLength, p.readableLength);
        """, """
        0 0
        false 1 1
        """, log -> {
          PassThrough p = new PassThrough(new DuplexOptions().readableHighWaterMark(0));
          log.add(p.readableHighWaterMark() + " " + p.writableHighWaterMark());
          log.add(p.write("a") + " " + p.writableLength() + " " + p.readableLength());
        });
  }

  @Test
  void socketLikeSubclass() {
    // The shape net.Socket uses: pushes from I/O callbacks, _read restarts reading, _write's
    // callback synchronous when accepted, _final sends FIN, its own 'close' with emitClose off.
    Scenario.check("""
        const {Duplex} = require('stream');
        class FakeSocket extends Duplex {
          constructor() { super({allowHalfOpen: false, emitClose: false, decodeStrings: false}); this.wire = []; }
          _read(n) { console.log('_read reading=' + this._readableState.reading); }
          onIo(d) { this.push(Buffer.from(d)); }
          _write(c, e, cb) { this.wire.push(String(c)); cb(); }
          _writev(chunks, cb) { this.wire.push(chunks.map(c => c.chunk).join('')); cb(); }
          _final(cb) { console.log('FIN after [' + this.wire.join(', ') + ']'); cb(); }
          _destroy(err, cb) { cb(err); setImmediate(() => this.emit('close', err != null)); }
        }
        const s = new FakeSocket();
        s.on('data', d => console.log('data ' + d));
        s.on('end', () => console.log('end'));
        s.on('finish', () => console.log('finish'));
        s.on('close', (h) => console.log('close hadError=' + h));
        s.cork(); s.write('GET '); s.write('/'); s.uncork(); s.write(' HTTP');
        setImmediate(() => { s.onIo('hello'); s.onIo('world'); s.push(null); });
        """, """
        _read reading=true
        data hello
        data world
        end
        FIN after [GET /,  HTTP]
        finish
        close hadError=false
        """, log -> {
      class FakeSocket extends Duplex {
        boolean reading;
        final List<String> wire = new java.util.ArrayList<>();

        FakeSocket() {
          super(new DuplexOptions().allowHalfOpen(false).emitClose(false).decodeStrings(false));
        }

        @Override
        protected void _read(int size) {
          log.add("_read reading=" + readableReading());
          reading = true;
        }

        void onIo(String data) {
          if (!push(Buffer.from(data))) {
            reading = false;
          }
        }

        @Override
        protected void _write(Object chunk, String encoding, Consumer<Throwable> callback) {
          wire.add(chunk.toString());
          callback.accept(null);
        }

        @Override
        protected void _writev(List<Chunk> chunks, Consumer<Throwable> callback) {
          StringBuilder b = new StringBuilder();
          for (Chunk c : chunks) {
            b.append(c.chunk());
          }
          wire.add(b.toString());
          callback.accept(null);
        }

        @Override
        protected void _final(Consumer<Throwable> callback) {
          log.add("FIN after " + wire);
          callback.accept(null);
        }

        @Override
        protected void _destroy(Throwable err, Consumer<Throwable> callback) {
          callback.accept(err);
          Timers.setImmediate(() -> emit("close", err != null));
        }
      }
      FakeSocket s = new FakeSocket();
      s.on(Duplex.TEXT, d -> log.add("data " + d));
      s.on(Duplex.END, () -> log.add("end"));
      s.on(Duplex.FINISH, () -> log.add("finish"));
      s.on("close", args -> log.add("close hadError=" + args[0]));
      s.cork();
      s.write("GET ");
      s.write("/");
      s.uncork();
      s.write(" HTTP");
      Timers.setImmediate(() -> {
        s.onIo("hello");
        s.onIo("world");
        s.push(null);
      });
    });
  }

  @Test
  void transformSubclassWithOverrides() {
    List<String> out = Scenario.java(log -> {
      Transform t = new Transform() {
        @Override
        protected void _transform(Object chunk, String enc, BiConsumer<Throwable, Object> cb) {
          push(chunk);
          push(chunk);
          cb.accept(null, null);
        }
      };
      t.on(Transform.TEXT, c -> log.add(c));
      t.on(Transform.END, () -> log.add("end"));
      t.end("x");
    });
    assertThat(out).containsExactly("x", "x", "end");
  }
}
