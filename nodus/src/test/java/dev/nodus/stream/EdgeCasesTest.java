package dev.nodus.stream;

import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Less common paths of the state machines, each checked against node v20. */
@Timeout(60)
class EdgeCasesTest {

  @Test
  void onceReadableCyclesAndListenerRemoval() {
    Scenario.check("""
        const {Readable} = require('stream');
        let i = 0;
        const r = new Readable({ highWaterMark: 2, read() {
          i++;
          console.log('_read', i);
          if (i <= 3) setImmediate(() => this.push('c' + i)); else this.push(null);
        }});
        const loop = () => r.once('readable', () => {
          const c = r.read();
          console.log('readable ->', c === null ? null : String(c), r.readableFlowing);
          if (c !== null || !r.readableEnded) loop();
        });
        loop();
        r.on('end', () => console.log('end'));
        r.on('close', () => console.log('close'));
        """, """
        _read 1
        _read 2
        readable -> c1 false
        _read 3
        readable -> c2 false
        _read 4
        readable -> c3 false
        readable -> null false
        end
        close
        """, log -> {
          int[] i = {0};
          Readable r = Readable.create(new ReadableOptions().highWaterMark(2).read((s, n) -> {
            i[0]++;
            log.add("_read " + i[0]);
            if (i[0] <= 3) {
              int k = i[0];
              Timers.setImmediate(() -> s.push("c" + k));
            } else {
              s.push(null);
            }
          }));
          Runnable[] loop = new Runnable[1];
          loop[0] = () -> r.once(Readable.READABLE, () -> {
            Object c = r.read();
            log.add("readable -> " + Json.nul(c) + " " + r.readableFlowing());
            if (c != null || !r.readableEnded()) {
              loop[0].run();
            }
          });
          loop[0].run();
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.CLOSE, () -> log.add("close"));
        });
  }

  @Test
  void anExplicitPauseWinsOverANewDataListener() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({ read() {} });
        const onData = (d) => {
          console.log('data:' + d);
          r.off('data', onData);
          r.pause();
          setImmediate(() => { console.log('len', r.readableLength, r.readableFlowing); r.on('data', (d) => console.log('again:' + d)); });
        };
        r.on('data', onData);
        r.on('end', () => console.log('end'));
        r.push('a'); r.push('b'); r.push('c'); r.push(null);
        """, """
        data:a
        len 2 false
        """, log -> {
          Readable r = Readable.create(new ReadableOptions().read((s, n) -> {}));
          Consumer<String>[] onData = new Consumer[1];
          onData[0] = d -> {
            log.add("data:" + d);
            r.off(Readable.TEXT, onData[0]);
            r.pause();
            Timers.setImmediate(() -> {
              log.add("len " + r.readableLength() + " " + r.readableFlowing());
              r.on(Readable.TEXT, x -> log.add("again:" + x));
            });
          };
          r.on(Readable.TEXT, onData[0]);
          r.on(Readable.END, () -> log.add("end"));
          r.push("a");
          r.push("b");
          r.push("c");
          r.push(null);
        });
  }

  @Test
  void setEncodingConvertsWhatIsBuffered() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({ read() {} });
        r.push(Buffer.from([0x68, 0xc3])); r.push(Buffer.from([0xa9, 0x21]));
        r.setEncoding('latin1');
        console.log(r.readableLength, JSON.stringify(r.read(2)), r.readableEncoding);
        r.setEncoding('hex');
        r.push(Buffer.from([0xff]));
        console.log(r.readableLength, JSON.stringify(r.read()));
        """, """
        4 "hÃ" latin1
        4 "©!ff"
        """, log -> {
          Readable r = Readable.create(new ReadableOptions().read((s, n) -> {}));
          r.push(Buffer.from(new byte[] {0x68, (byte) 0xc3}));
          r.push(Buffer.from(new byte[] {(byte) 0xa9, 0x21}));
          r.setEncoding("latin1");
          log.add(r.readableLength() + " " + Json.str(r.read(2)) + " " + r.readableEncoding());
          r.setEncoding("hex");
          r.push(Buffer.from(new byte[] {(byte) 0xff}));
          log.add(r.readableLength() + " " + Json.str(r.read()));
        });
  }

  @Test
  void theThreeDataKeysFollowSetEncoding() {
    // Node's one 'data' chunk is what CHUNK and TEXT give after setEncoding; DATA gives the
    // bytes that text stands for, so a Buffer listener sees the same bytes whatever the encoding.
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({ read() {} });
        r.on('data', (d) => console.log('chunk', typeof d, d.toString(),
            'text', d.toString(), 'data', Buffer.from(d, r.readableEncoding || undefined).toString('hex')));
        r.push(Buffer.from([0x68, 0xc3, 0xa9]));
        setImmediate(() => {
          r.setEncoding('hex');
          r.push(Buffer.from([0x01, 0xff]));
          setImmediate(() => { r.setEncoding('base64'); r.push(Buffer.from([0xfb, 0xff, 0x00, 0x10])); r.push(null); });
        });
        """, """
        chunk object hé text hé data 68c3a9
        chunk string 01ff text 01ff data 01ff
        chunk string +/8A text +/8A data fbff00
        chunk string EA== text EA== data 10
        """, log -> {
          Readable r = Readable.create(new ReadableOptions().read((s, n) -> {}));
          java.util.List<String> texts = new java.util.ArrayList<>();
          java.util.List<String> datas = new java.util.ArrayList<>();
          r.on(Readable.TEXT, texts::add);
          r.on(Readable.DATA, d -> datas.add(d.toString("hex")));
          r.on(Readable.CHUNK, c -> log.add("chunk " + (c instanceof String ? "string" : "object")
              + " " + c + " text " + texts.get(texts.size() - 1)
              + " data " + datas.get(datas.size() - 1)));
          r.push(Buffer.from(new byte[] {0x68, (byte) 0xc3, (byte) 0xa9}));
          Timers.setImmediate(() -> {
            r.setEncoding("hex");
            r.push(Buffer.from(new byte[] {0x01, (byte) 0xff}));
            Timers.setImmediate(() -> {
              r.setEncoding("base64");
              r.push(Buffer.from(new byte[] {(byte) 0xfb, (byte) 0xff, 0x00, 0x10}));
              r.push(null);
            });
          });
        });
  }

  @Test
  void zeroHighWaterMarks() {
    Scenario.check("""
        const {Readable, Writable} = require('stream');
        const r = new Readable({ highWaterMark: 0, read() { console.log('_read'); this.push('x'); } });
        r.once('readable', () => { console.log('read', String(r.read())); r.destroy(); });
        const w = new Writable({ highWaterMark: 0, write(c, e, cb) { setImmediate(cb); } });
        console.log('write', w.write('a'), w.writableNeedDrain);
        w.on('drain', () => console.log('drain'));
        """, """
        write false true
        _read
        read x
        drain
        """, log -> {
          Readable r = Readable.create(new ReadableOptions().highWaterMark(0).read((s, n) -> {
            log.add("_read");
            s.push("x");
          }));
          r.once(Readable.READABLE, () -> {
            log.add("read " + r.read());
            r.destroy();
          });
          Writable w = Writable.create(new WritableOptions().highWaterMark(0)
              .write((s, c, e, cb) -> Timers.setImmediate(() -> cb.accept(null))));
          log.add("write " + w.write("a") + " " + w.writableNeedDrain());
          w.on(Writable.DRAIN, () -> log.add("drain"));
        });
  }

  @Test
  void destroyDuringConstructWaitsForIt() {
    Scenario.check("""
        const {Duplex} = require('stream');
        const d = new Duplex({
          construct(cb) { console.log('construct'); setImmediate(() => { console.log('constructed'); cb(); }); },
          read() {}, write(c, e, cb) { console.log('_write'); cb(); },
          destroy(err, cb) { console.log('_destroy', err && err.message); cb(err); },
        });
        d.on('error', e => console.log('error', e.message));
        d.on('close', () => console.log('close'));
        d.write('a', (e) => console.log('write cb', e ? (e.code || e.message) : null));
        d.destroy(new Error('early'));
        console.log('sync', d.destroyed);
        """, """
        sync true
        construct
        write cb early
        constructed
        _destroy early
        error early
        close
        """, log -> {
          Duplex d = Duplex.create(new DuplexOptions()
              .construct((s, cb) -> {
                log.add("construct");
                Timers.setImmediate(() -> {
                  log.add("constructed");
                  cb.accept(null);
                });
              })
              .read((s, n) -> {})
              .write((s, c, e, cb) -> {
                log.add("_write");
                cb.accept(null);
              })
              .destroy((s, err, cb) -> {
                log.add("_destroy " + err.getMessage());
                cb.accept(err);
              }));
          d.on(Duplex.ERROR, e -> log.add("error " + e.getMessage()));
          d.on(Duplex.CLOSE, () -> log.add("close"));
          d.write("a", e -> log.add("write cb " + Scenario.code(e)));
          d.destroy(new IllegalStateException("early"));
          log.add("sync " + d.destroyed());
        });
  }

  @Test
  void stringsKeptWithDecodeStringsFalseAndEncodedOtherwise() {
    Scenario.check("""
        const {Writable} = require('stream');
        const log = (w) => (c, e, cb) => { console.log(w, typeof c, e, c.length); cb(); };
        const a = new Writable({ write: log('a') });
        a.write('héllo'); a.write('é', 'latin1');
        const b = new Writable({ decodeStrings: false, write: log('b') });
        b.write('héllo'); b.write('é', 'latin1'); b.write(Buffer.from('x'));
        const c = new Writable({ defaultEncoding: 'latin1', write: log('c') });
        c.write('é');
        """, """
        a object buffer 6
        a object buffer 1
        b string utf8 5
        b string latin1 1
        b object buffer 1
        c object buffer 1
        """, log -> {
          Writable a = Writable.create(new WritableOptions().write(WritableOptionsLog.of(log, "a")));
          a.write("héllo");
          a.write("é", "latin1");
          Writable b = Writable.create(new WritableOptions().decodeStrings(false)
              .write(WritableOptionsLog.of(log, "b")));
          b.write("héllo");
          b.write("é", "latin1");
          b.write(Buffer.from("x"));
          Writable c = Writable.create(new WritableOptions().defaultEncoding("latin1")
              .write(WritableOptionsLog.of(log, "c")));
          c.write("é");
        });
  }

  @Test
  void endWithChunkAfterDestroyAndUnshiftAfterEnd() {
    Scenario.check("""
        const {Readable, Writable} = require('stream');
        const w = new Writable({ write(c, e, cb) { cb(); } });
        w.on('error', (e) => console.log('w error', e.code));
        w.destroy();
        w.end('x', (e) => console.log('end cb', e && e.code));
        const r = new Readable({ read() {} });
        r.on('error', (e) => console.log('r error', e.code));
        r.on('end', () => { console.log('end'); r.unshift('late'); });
        r.resume(); r.push(null);
        """, """
        end cb ERR_STREAM_DESTROYED
        end
        r error ERR_STREAM_UNSHIFT_AFTER_END_EVENT
        """, log -> {
          Writable w = Writable.create(new WritableOptions().write((s, c, e, cb) -> cb.accept(null)));
          w.on(Writable.ERROR, e -> log.add("w error " + Scenario.code(e)));
          w.destroy();
          w.end("x", null, e -> log.add("end cb " + Scenario.code(e)));
          Readable r = Readable.create(new ReadableOptions().read((s, n) -> {}));
          r.on(Readable.ERROR, e -> log.add("r error " + Scenario.code(e)));
          r.on(Readable.END, () -> {
            log.add("end");
            r.unshift("late");
          });
          r.resume();
          r.push(null);
        });
  }
}
