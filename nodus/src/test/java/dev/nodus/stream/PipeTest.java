package dev.nodus.stream;

import dev.nodus.Timers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Readable.pipe: backpressure, several destinations, unpipe, end:false, errors. */
@Timeout(60)
class PipeTest {

  @Test
  void backpressurePausesTheSourceUntilDrain() {
    Scenario.check("""
        const {Readable, Writable} = require('stream');
        let i = 0;
        const src = new Readable({ highWaterMark: 4, read() {
          i++;
          if (i > 4) { console.log('push null'); this.push(null); return; }
          console.log('push ' + i, this.push('c' + i));
        }});
        const dst = new Writable({ highWaterMark: 4, write(c, e, cb) {
          console.log('_write ' + c);
          setImmediate(cb);
        }});
        src.on('pause', () => console.log('pause'));
        src.on('resume', () => console.log('resume'));
        src.on('end', () => console.log('end'));
        src.on('close', () => console.log('src close'));
        dst.on('pipe', s => console.log('pipe', s === src));
        dst.on('unpipe', s => console.log('unpipe', s === src));
        dst.on('drain', () => console.log('drain'));
        dst.on('finish', () => console.log('finish'));
        dst.on('close', () => console.log('dst close'));
        console.log(src.pipe(dst) === dst);
        """, """
        pipe true
        true
        push 1 true
        resume
        push 2 false
        _write c1
        push 3 false
        pause
        push 4 false
        _write c2
        drain
        resume
        push null
        _write c3
        pause
        end
        src close
        _write c4
        finish
        unpipe true
        dst close
        """, log -> {
          int[] i = {0};
          Readable src = Readable.create(new ReadableOptions().highWaterMark(4).read((s, n) -> {
            i[0]++;
            if (i[0] > 4) {
              log.add("push null");
              s.push(null);
              return;
            }
            log.add("push " + i[0] + " " + s.push("c" + i[0]));
          }));
          Writable dst = Writable.create(new WritableOptions().highWaterMark(4)
              .write((s, c, e, cb) -> {
                log.add("_write " + c);
                Timers.setImmediate(() -> cb.accept(null));
              }));
          src.on(Readable.PAUSE, () -> log.add("pause"));
          src.on(Readable.RESUME, () -> log.add("resume"));
          src.on(Readable.END, () -> log.add("end"));
          src.on(Readable.CLOSE, () -> log.add("src close"));
          dst.on(Writable.PIPE, s -> log.add("pipe " + (s == src)));
          dst.on(Writable.UNPIPE, s -> log.add("unpipe " + (s == src)));
          dst.on(Writable.DRAIN, () -> log.add("drain"));
          dst.on(Writable.FINISH, () -> log.add("finish"));
          dst.on(Writable.CLOSE, () -> log.add("dst close"));
          log.add("" + (src.pipe(dst) == dst));
        });
  }

  @Test
  void pipeToTwoDestinationsWaitsForTheSlowest() {
    Scenario.check("""
        const {Readable, Writable} = require('stream');
        const src = new Readable({ read() {} });
        const mk = (name, delay) => new Writable({ highWaterMark: 2, write(c, e, cb) {
          console.log(name + ' ' + c);
          if (delay) setTimeout(cb, delay); else cb();
        }});
        const fast = mk('fast', 0), slow = mk('slow', 5);
        slow.on('drain', () => console.log('slow drain'));
        fast.on('finish', () => console.log('fast finish'));
        slow.on('finish', () => console.log('slow finish'));
        src.pipe(fast); src.pipe(slow);
        src.on('pause', () => console.log('pause'));
        src.on('resume', () => console.log('resume'));
        src.push('aaa'); src.push('bbb'); src.push(null);
        """, """
        resume
        fast aaa
        slow aaa
        pause
        slow drain
        resume
        fast bbb
        slow bbb
        pause
        fast finish
        slow finish
        """, log -> {
          Readable src = Readable.create(new ReadableOptions().read((s, n) -> {}));
          java.util.function.BiFunction<String, Integer, Writable> mk = (name, delay) ->
              Writable.create(new WritableOptions().highWaterMark(2).write((s, c, e, cb) -> {
                log.add(name + " " + c);
                if (delay > 0) {
                  Timers.setTimeout(() -> cb.accept(null), delay);
                } else {
                  cb.accept(null);
                }
              }));
          Writable fast = mk.apply("fast", 0);
          Writable slow = mk.apply("slow", 5);
          slow.on(Writable.DRAIN, () -> log.add("slow drain"));
          fast.on(Writable.FINISH, () -> log.add("fast finish"));
          slow.on(Writable.FINISH, () -> log.add("slow finish"));
          src.pipe(fast);
          src.pipe(slow);
          src.on(Readable.PAUSE, () -> log.add("pause"));
          src.on(Readable.RESUME, () -> log.add("resume"));
          src.push("aaa");
          src.push("bbb");
          src.push(null);
        });
  }

  @Test
  void unpipeStopsTheFlowAndEmitsUnpipe() {
    Scenario.check("""
        const {Readable, Writable} = require('stream');
        const src = new Readable({ read() {} });
        const dst = new Writable({ write(c, e, cb) { console.log('_write ' + c); cb(); } });
        dst.on('unpipe', s => console.log('unpipe', src.readableFlowing, src.isPaused()));
        dst.on('finish', () => console.log('finish'));
        src.on('end', () => console.log('end'));
        src.pipe(dst);
        src.push('a');
        setImmediate(() => {
          src.unpipe(dst);
          src.push('b');
          console.log('len', src.readableLength);
          src.unpipe(dst);
          setImmediate(() => { console.log('dst ended', dst.writableEnded); });
        });
        """, """
        _write a
        unpipe false true
        len 1
        dst ended false
        """, log -> {
          Readable src = Readable.create(new ReadableOptions().read((s, n) -> {}));
          Writable dst = Writable.create(new WritableOptions().write((s, c, e, cb) -> {
            log.add("_write " + c);
            cb.accept(null);
          }));
          dst.on(Writable.UNPIPE, s -> log.add("unpipe " + src.readableFlowing() + " "
              + src.isPaused()));
          dst.on(Writable.FINISH, () -> log.add("finish"));
          src.on(Readable.END, () -> log.add("end"));
          src.pipe(dst);
          src.push("a");
          Timers.setImmediate(() -> {
            src.unpipe(dst);
            src.push("b");
            log.add("len " + src.readableLength());
            src.unpipe(dst);
            Timers.setImmediate(() -> log.add("dst ended " + dst.writableEnded()));
          });
        });
  }

  @Test
  void pipeWithEndFalseLeavesTheDestinationOpen() {
    Scenario.check("""
        const {Readable, Writable} = require('stream');
        const dst = new Writable({ write(c, e, cb) { console.log('_write ' + c); cb(); } });
        dst.on('finish', () => console.log('finish'));
        dst.on('unpipe', () => console.log('unpipe'));
        const a = new Readable({ read() {} });
        a.on('end', () => {
          console.log('a end', dst.writableEnded);
          const b = new Readable({ read() {} });
          b.pipe(dst);
          b.push('second'); b.push(null);
        });
        a.pipe(dst, { end: false });
        a.push('first'); a.push(null);
        """, """
        _write first
        a end false
        unpipe
        _write second
        finish
        unpipe
        """, log -> {
          Writable dst = Writable.create(new WritableOptions().write((s, c, e, cb) -> {
            log.add("_write " + c);
            cb.accept(null);
          }));
          dst.on(Writable.FINISH, () -> log.add("finish"));
          dst.on(Writable.UNPIPE, s -> log.add("unpipe"));
          Readable a = Readable.create(new ReadableOptions().read((s, n) -> {}));
          a.on(Readable.END, () -> {
            log.add("a end " + dst.writableEnded());
            Readable b = Readable.create(new ReadableOptions().read((s, n) -> {}));
            b.pipe(dst);
            b.push("second");
            b.push(null);
          });
          a.pipe(dst, false);
          a.push("first");
          a.push(null);
        });
  }

  @Test
  void destinationErrorUnpipesAndIsStillReported() {
    Scenario.check("""
        const {Readable, Writable} = require('stream');
        const src = new Readable({ read() {} });
        const dst = new Writable({ write(c, e, cb) { cb(new Error('EPIPE')); } });
        dst.on('unpipe', () => console.log('unpipe'));
        dst.on('error', e => console.log('error', e.message, src.readableFlowing));
        dst.on('close', () => console.log('close'));
        src.pipe(dst);
        src.push('x');
        """, """
        unpipe
        error EPIPE false
        close
        """, log -> {
          Readable src = Readable.create(new ReadableOptions().read((s, n) -> {}));
          Writable dst = Writable.create(new WritableOptions()
              .write((s, c, e, cb) -> cb.accept(new IllegalStateException("EPIPE"))));
          dst.on(Writable.UNPIPE, s -> log.add("unpipe"));
          dst.on(Writable.ERROR, e -> log.add("error " + e.getMessage() + " " + src.readableFlowing()));
          dst.on(Writable.CLOSE, () -> log.add("close"));
          src.pipe(dst);
          src.push("x");
        });
  }

  @Test
  void pipeIntoATransformChain() {
    Scenario.check("""
        const {Readable, PassThrough, Writable} = require('stream');
        const src = Readable.from(['a', 'b', 'c'], { objectMode: false });
        const mid = new PassThrough();
        const out = [];
        const dst = new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } });
        dst.on('finish', () => console.log('finish', out.join('')));
        mid.on('end', () => console.log('mid end'));
        src.pipe(mid).pipe(dst);
        """, """
        mid end
        finish abc
        """, log -> {
          Readable src = Readable.from(java.util.List.of("a", "b", "c"), new ReadableOptions());
          PassThrough mid = new PassThrough();
          StringBuilder out = new StringBuilder();
          Writable dst = Writable.create(new WritableOptions().write((s, c, e, cb) -> {
            out.append(c);
            cb.accept(null);
          }));
          dst.on(Writable.FINISH, () -> log.add("finish " + out));
          mid.on(PassThrough.END, () -> log.add("mid end"));
          src.pipe(mid).pipe(dst);
        });
  }

  @Test
  void aPipeRemovesItsListenersWhenTheDestinationFinishes() {
    // One listener object serves the destination's 'close' and 'finish'; whichever fires, both
    // registrations go, as Node's onclose/onfinish remove each other.
    Scenario.check("""
        const {Readable, Writable} = require('stream');
        const w = new Writable({ write(c, e, cb) { cb(); } });
        const r = new Readable({ read() {} });
        const counts = () => [w.listenerCount('close'), w.listenerCount('finish'),
          r.listenerCount('data'), r.listenerCount('end'), w.listenerCount('unpipe'),
          w.listenerCount('error')].join(' ');
        r.pipe(w);
        console.log('piped', counts());
        w.on('unpipe', () => console.log('unpipe', counts()));
        r.push(null);
        """, """
        piped 1 1 1 1 1 1
        unpipe 0 0 0 0 1 0
        """, log -> {
          Writable w = Writable.create(new WritableOptions().write((s, c, e, cb) -> cb.accept(null)));
          Readable r = Readable.create(new ReadableOptions().read((s, n) -> {}));
          java.util.function.Supplier<String> counts = () -> w.listenerCount("close") + " "
              + w.listenerCount("finish") + " " + r.listenerCount("data") + " " + r.listenerCount("end")
              + " " + w.listenerCount("unpipe") + " " + w.listenerCount("error");
          r.pipe(w);
          log.add("piped " + counts.get());
          w.on(Writable.UNPIPE, src -> log.add("unpipe " + counts.get()));
          r.push(null);
        });
  }
}
