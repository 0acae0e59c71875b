package dev.nodus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Readable: flowing and paused modes, 'readable', read(n), encodings. Event order as Node's. */
@Timeout(60)
class ReadableFlowTest {

  private static Readable source() {
    return Readable.create(new ReadableOptions().read((s, n) -> {}));
  }

  @Test
  void dataListenerStartsFlowingOnALaterTick() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.on('data', d => console.log('data:' + d));
        r.on('end', () => console.log('end'));
        r.on('close', () => console.log('close'));
        r.push('a'); r.push('b'); r.push(null);
        console.log('sync', r.readableFlowing, r.readableLength);
        """, """
        sync true 2
        data:a
        data:b
        end
        close
        """, log -> {
          Readable r = source();
          r.on(Readable.TEXT, d -> log.add("data:" + d));
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.push("a");
          r.push("b");
          r.push(null);
          log.add("sync " + r.readableFlowing() + " " + r.readableLength());
        });
  }

  @Test
  void readCalledWithHighWaterMarkAndPushReturnsFalseAtIt() {
    Scenario.check("""
        const {Readable} = require('stream');
        let i = 0;
        const r = new Readable({highWaterMark: 4, read(n) {
          i++;
          console.log('_read', n, i);
          if (i > 3) { this.push(null); return; }
          console.log('push', this.push('xy'), this.push('zw'), this.readableLength);
        }});
        r.on('data', d => console.log('data:' + d + ' len=' + r.readableLength));
        r.on('end', () => console.log('end'));
        r.on('close', () => console.log('close'));
        """, """
        _read 4 1
        push true false 4
        _read 4 2
        push false false 8
        data:xy len=6
        data:zw len=4
        _read 4 3
        push false false 8
        data:xy len=6
        data:zw len=4
        _read 4 4
        data:xy len=2
        data:zw len=0
        end
        close
        """, log -> {
          int[] i = {0};
          Readable r = Readable.create(new ReadableOptions().highWaterMark(4).read((s, n) -> {
            i[0]++;
            log.add("_read " + n + " " + i[0]);
            if (i[0] > 3) {
              s.push(null);
              return;
            }
            boolean a = s.push("xy");
            boolean b = s.push("zw");
            log.add("push " + a + " " + b + " " + s.readableLength());
          }));
          r.on(Readable.TEXT, d -> log.add("data:" + d + " len=" + r.readableLength()));
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.CLOSE, () -> log.add("close"));
        });
  }

  @Test
  void readableEventDrivesPausedModeAndWinsOverData() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.on('readable', () => {
          let c;
          console.log('readable', r.readableLength);
          while ((c = r.read()) !== null) console.log('read:' + c);
        });
        r.on('data', d => console.log('data:' + d));
        r.on('end', () => console.log('end', r.readableFlowing));
        r.on('close', () => console.log('close'));
        r.push('a'); r.push('b');
        setImmediate(() => { r.push('c'); r.push(null); });
        console.log('flowing', r.readableFlowing);
        """, """
        flowing false
        readable 2
        data:ab
        read:ab
        readable 1
        data:c
        read:c
        readable 0
        end false
        close
        """, log -> {
          Readable r = source();
          r.on(Readable.READABLE, () -> {
            log.add("readable " + r.readableLength());
            Object c;
            while ((c = r.read()) != null) {
              log.add("read:" + c);
            }
          });
          r.on(Readable.TEXT, d -> log.add("data:" + d));
          r.on(Readable.END, () -> log.add("end " + r.readableFlowing()));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.push("a");
          r.push("b");
          Timers.setImmediate(() -> {
            r.push("c");
            r.push(null);
          });
          log.add("flowing " + r.readableFlowing());
        });
  }

  @Test
  void readNWithEncodingKeepsSplitCharacters() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.setEncoding('utf8');
        r.push(Buffer.from([0xe2, 0x82]));
        r.push(Buffer.from([0xac, 0x41, 0x42, 0xf0, 0x9f]));
        r.push(Buffer.from([0x98, 0x80, 0x43]));
        console.log('len', r.readableLength, r.readableEncoding);
        console.log('r1', JSON.stringify(r.read(1)));
        console.log('r2', JSON.stringify(r.read(2)));
        console.log('r3', JSON.stringify(r.read(10)));
        console.log('len', r.readableLength);
        r.push(Buffer.from([0xc3]));
        r.push(null);
        r.on('readable', () => { console.log('readable', JSON.stringify(r.read())); });
        r.on('end', () => console.log('end'));
        """, """
        len 6 utf8
        r1 "€"
        r2 "AB"
        r3 null
        len 3
        readable "😀C�"
        end
        """, log -> {
          Readable r = source();
          r.setEncoding("utf8");
          r.push(Buffer.from(new byte[] {(byte) 0xe2, (byte) 0x82}));
          r.push(Buffer.from(new byte[] {(byte) 0xac, 0x41, 0x42, (byte) 0xf0, (byte) 0x9f}));
          r.push(Buffer.from(new byte[] {(byte) 0x98, (byte) 0x80, 0x43}));
          log.add("len " + r.readableLength() + " " + r.readableEncoding());
          log.add("r1 " + Json.str(r.read(1)));
          log.add("r2 " + Json.str(r.read(2)));
          log.add("r3 " + Json.str(r.read(10)));
          log.add("len " + r.readableLength());
          r.push(Buffer.from(new byte[] {(byte) 0xc3}));
          r.push(null);
          r.on(Readable.READABLE, () -> log.add("readable " + Json.str(r.read())));
          r.on(Readable.END, () -> log.add("end"));
        });
  }

  @Test
  void readNOnBytesSlicesAndJoinsChunks() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.push('abc'); r.push('defg'); r.push('h');
        console.log(String(r.read(2)), String(r.read(3)), r.read(9), r.readableLength);
        console.log(String(r.read(3)), r.readableLength);
        r.push(null);
        console.log(String(r.read(5)), r.readableLength);
        r.on('end', () => console.log('end'));
        """, """
        ab cde null 3
        fgh 0
        null 0
        end
        """, log -> {
          Readable r = source();
          r.push("abc");
          r.push("defg");
          r.push("h");
          log.add(r.read(2) + " " + r.read(3) + " " + Json.nul(r.read(9)) + " " + r.readableLength());
          log.add(r.read(3) + " " + r.readableLength());
          r.push(null);
          log.add(r.read(5) + " " + r.readableLength());
          r.on(Readable.END, () -> log.add("end"));
        });
  }

  @Test
  void pauseAndResumeEmitEvents() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.on('pause', () => console.log('pause'));
        r.on('resume', () => console.log('resume'));
        r.on('data', d => {
          console.log('data:' + d);
          if (String(d) === 'b') {
            r.pause();
            console.log('paused', r.isPaused(), r.readableFlowing);
            setImmediate(() => { console.log('imm'); r.resume(); });
          }
        });
        r.on('end', () => console.log('end'));
        r.on('close', () => console.log('close'));
        r.push('a'); r.push('b'); r.push('c'); r.push(null);
        """, """
        resume
        data:a
        data:b
        pause
        paused true false
        imm
        resume
        data:c
        end
        close
        """, log -> {
          Readable r = source();
          r.on(Readable.PAUSE, () -> log.add("pause"));
          r.on(Readable.RESUME, () -> log.add("resume"));
          r.on(Readable.TEXT, d -> {
            log.add("data:" + d);
            if (d.equals("b")) {
              r.pause();
              log.add("paused " + r.isPaused() + " " + r.readableFlowing());
              Timers.setImmediate(() -> {
                log.add("imm");
                r.resume();
              });
            }
          });
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.push("a");
          r.push("b");
          r.push("c");
          r.push(null);
        });
  }

  @Test
  void resumeWithoutDataListenerDiscardsDataButEnds() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.on('resume', () => console.log('resume'));
        r.on('end', () => console.log('end', r.readableDidRead));
        r.on('close', () => console.log('close'));
        r.push('a'); r.push(null);
        r.resume();
        console.log('flowing', r.readableFlowing);
        """, """
        flowing true
        resume
        end true
        close
        """, log -> {
          Readable r = source();
          r.on(Readable.RESUME, () -> log.add("resume"));
          r.on(Readable.END, () -> log.add("end " + r.readableDidRead()));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.push("a");
          r.push(null);
          r.resume();
          log.add("flowing " + r.readableFlowing());
        });
  }

  @Test
  void destroyWithErrorEmitsErrorThenCloseAndNoEnd() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.on('data', d => {
          console.log('data:' + d);
          r.destroy(new Error('boom'));
          console.log('destroyed', r.destroyed, r.readable, r.errored && r.errored.message, r.closed);
        });
        r.on('error', e => console.log('error', e.message, r.closed));
        r.on('end', () => console.log('end'));
        r.on('close', () => console.log('close', r.readableAborted));
        r.push('a'); r.push('b'); r.push(null);
        """, """
        data:a
        destroyed true false boom true
        data:b
        destroyed true false boom true
        error boom true
        close true
        """, log -> {
          Readable r = source();
          r.on(Readable.TEXT, d -> {
            log.add("data:" + d);
            r.destroy(new IllegalStateException("boom"));
            log.add("destroyed " + r.destroyed() + " " + r.readable() + " "
                + r.errored().getMessage() + " " + r.closed());
          });
          r.on(Readable.ERROR, e -> log.add("error " + e.getMessage() + " " + r.closed()));
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.CLOSE, () -> log.add("close " + r.readableAborted()));
          r.push("a");
          r.push("b");
          r.push(null);
        });
  }

  @Test
  void destroyHookRunsOnceAndCanDelayClose() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}, destroy(err, cb) {
          console.log('_destroy', err);
          setImmediate(() => { console.log('cb'); cb(err); });
        }});
        r.on('close', () => console.log('close', r.closed));
        r.destroy();
        r.destroy();
        console.log('sync', r.destroyed, r.closed);
        """, """
        _destroy null
        sync true false
        cb
        close true
        """, log -> {
          Readable r = Readable.create(new ReadableOptions().read((s, n) -> {})
              .destroy((s, err, cb) -> {
                log.add("_destroy " + err);
                Timers.setImmediate(() -> {
                  log.add("cb");
                  cb.accept(err);
                });
              }));
          r.on(Readable.CLOSE, () -> log.add("close " + r.closed()));
          r.destroy();
          r.destroy();
          log.add("sync " + r.destroyed() + " " + r.closed());
        });
  }

  @Test
  void autoDestroyFalseAndEmitCloseFalse() {
    Scenario.check("""
        const {Readable} = require('stream');
        const a = new Readable({read(){}, autoDestroy: false});
        a.on('end', () => console.log('a end', a.destroyed));
        a.on('close', () => console.log('a close'));
        a.resume(); a.push(null);
        const b = new Readable({read(){}, emitClose: false});
        b.on('end', () => console.log('b end'));
        b.on('close', () => console.log('b close'));
        b.resume(); b.push(null);
        setTimeout(() => console.log('later', a.destroyed, b.destroyed, b.closed), 5);
        """, """
        a end false
        b end
        later false true true
        """, log -> {
          Readable a = Readable.create(new ReadableOptions().read((s, n) -> {}).autoDestroy(false));
          a.on(Readable.END, () -> log.add("a end " + a.destroyed()));
          a.on(Readable.CLOSE, () -> log.add("a close"));
          a.resume();
          a.push(null);
          Readable b = Readable.create(new ReadableOptions().read((s, n) -> {}).emitClose(false));
          b.on(Readable.END, () -> log.add("b end"));
          b.on(Readable.CLOSE, () -> log.add("b close"));
          b.resume();
          b.push(null);
          Timers.setTimeout(
              () -> log.add("later " + a.destroyed() + " " + b.destroyed() + " " + b.closed()), 5);
        });
  }

  @Test
  void fromIterableObjectMode() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = Readable.from(['a', 'b', 'c']);
        console.log(r.readableObjectMode, r.readableHighWaterMark);
        r.on('data', d => console.log('data', d, r.readableLength));
        r.on('end', () => console.log('end'));
        r.on('close', () => console.log('close'));
        """, """
        true 1
        data a 1
        data b 1
        data c 0
        end
        close
        """, log -> {
          Readable r = Readable.from(List.of("a", "b", "c"));
          log.add(r.readableObjectMode() + " " + r.readableHighWaterMark());
          r.on(Readable.CHUNK, d -> log.add("data " + d + " " + r.readableLength()));
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.CLOSE, () -> log.add("close"));
        });
  }

  @Test
  void unshiftPutsDataBack() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.push('hello world'); r.push(null);
        r.once('readable', () => {
          const c = r.read(5);
          console.log('got', String(c));
          r.unshift(Buffer.from('HE'));
          console.log('len', r.readableLength);
          r.on('data', d => console.log('data:' + d));
        });
        r.on('end', () => console.log('end'));
        """, """
        got hello
        len 8
        data:HE
        data: world
        end
        """, log -> {
          Readable r = source();
          r.push("hello world");
          r.push(null);
          r.once(Readable.READABLE, () -> {
            Object c = r.read(5);
            log.add("got " + c);
            r.unshift(Buffer.from("HE"));
            log.add("len " + r.readableLength());
            r.on(Readable.TEXT, d -> log.add("data:" + d));
          });
          r.on(Readable.END, () -> log.add("end"));
        });
  }

  @Test
  void pushAfterEofErrors() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.on('error', e => console.log('error', e.code, e.message));
        r.on('close', () => console.log('close'));
        r.push(null);
        console.log('push', r.push('x'));
        """, """
        push false
        error ERR_STREAM_PUSH_AFTER_EOF stream.push() after EOF
        close
        """, log -> {
          Readable r = source();
          r.on(Readable.ERROR, e -> log.add("error " + Scenario.code(e) + " " + e.getMessage()));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.push(null);
          log.add("push " + r.push("x"));
        });
  }

  @Test
  void constructDelaysReading() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({
          construct(cb) { console.log('construct'); setImmediate(() => { console.log('constructed'); cb(); }); },
          read() { console.log('_read'); this.push('x'); this.push(null); },
        });
        r.on('data', d => console.log('data:' + d));
        r.on('end', () => console.log('end'));
        r.on('close', () => console.log('close'));
        console.log('sync');
        """, """
        sync
        construct
        constructed
        _read
        data:x
        end
        close
        """, log -> {
          Readable r = Readable.create(new ReadableOptions()
              .construct((s, cb) -> {
                log.add("construct");
                Timers.setImmediate(() -> {
                  log.add("constructed");
                  cb.accept(null);
                });
              })
              .read((s, n) -> {
                log.add("_read");
                s.push("x");
                s.push(null);
              }));
          r.on(Readable.TEXT, d -> log.add("data:" + d));
          r.on(Readable.END, () -> log.add("end"));
          r.on(Readable.CLOSE, () -> log.add("close"));
          log.add("sync");
        });
  }

  @Test
  void objectModeCountsObjects() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({objectMode: true, read(){}});
        console.log(r.readableHighWaterMark);
        for (let i = 0; i < 17; i++) { const ok = r.push({i}); if (!ok) console.log('full at', i, r.readableLength); }
        r.push(null);
        console.log(JSON.stringify(r.read()), r.readableLength);
        """, """
        16
        full at 15 16
        full at 16 17
        {"i":0} 16
        """, log -> {
          Readable r = Readable.create(new ReadableOptions().objectMode(true).read((s, n) -> {}));
          log.add("" + r.readableHighWaterMark());
          for (int i = 0; i < 17; i++) {
            boolean ok = r.push(List.of(i));
            if (!ok) {
              log.add("full at " + i + " " + r.readableLength());
            }
          }
          r.push(null);
          log.add("{\"i\":" + ((List<?>) r.read()).get(0) + "} " + r.readableLength());
        });
  }

  @Test
  void invalidChunkTypeDestroys() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable({read(){}});
        r.on('error', e => console.log('error', e.code));
        r.on('close', () => console.log('close'));
        console.log(r.push(42));
        """, """
        false
        error ERR_INVALID_ARG_TYPE
        close
        """, log -> {
          Readable r = source();
          r.on(Readable.ERROR, e -> log.add("error " + Scenario.code(e)));
          r.on(Readable.CLOSE, () -> log.add("close"));
          log.add("" + r.push(42));
        });
  }

  @Test
  void readMethodNotImplemented() {
    Scenario.check("""
        const {Readable} = require('stream');
        const r = new Readable();
        r.on('error', e => console.log('error', e.code, e.message));
        r.on('close', () => console.log('close'));
        r.resume();
        """, """
        error ERR_METHOD_NOT_IMPLEMENTED The _read() method is not implemented
        close
        """, log -> {
          Readable r = new Readable() {};
          r.on(Readable.ERROR, e -> log.add("error " + Scenario.code(e) + " " + e.getMessage()));
          r.on(Readable.CLOSE, () -> log.add("close"));
          r.resume();
        });
  }

  @Test
  void dataKeysGiveBuffersOrStrings() {
    Scenario.java(log -> {
      Readable r = source();
      r.setEncoding("hex");
      r.on(Readable.TEXT, s -> log.add("text " + s));
      r.on(Readable.DATA, b -> log.add("data " + b.length()));
      r.push(Buffer.from("AB"));
      r.push(null);
    });
    List<String> out = Scenario.java(log -> {
      Readable r = source();
      r.setEncoding("hex");
      r.on(Readable.TEXT, s -> log.add("text " + s));
      r.on(Readable.CHUNK, o -> log.add("chunk " + o.getClass().getSimpleName()));
      r.push(Buffer.from("AB"));
      r.push(null);
    });
    assertThat(out).containsExactly("text 4142", "chunk String");
  }
}
