package dev.nodus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.Timers;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stream.pipeline and Stream.finished. Event order as Node's. */
@Timeout(60)
class PipelineTest {

  @Test
  void pipelineSucceedsAfterTheLastStageFinished() {
    Scenario.check("""
        const {Readable, Transform, Writable, pipeline} = require('stream');
        const src = Readable.from(['a', 'b'], { objectMode: false });
        const up = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
        const out = [];
        const dst = new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } });
        for (const [n, s] of [['src', src], ['up', up], ['dst', dst]]) s.on('close', () => console.log(n + ' close'));
        dst.on('finish', () => console.log('finish'));
        const r = pipeline(src, up, dst, (err) => console.log('done', err ?? null, out.join('')));
        console.log(r === dst);
        """, """
        true
        finish
        up close
        dst close
        src close
        done null AB
        """, log -> {
          Readable src = Readable.from(List.of("a", "b"), new ReadableOptions());
          Transform up = Transform.create(new TransformOptions().transform((s, c, e, cb) ->
              cb.accept(null, c.toString().toUpperCase(Locale.ROOT))));
          StringBuilder out = new StringBuilder();
          Writable dst = Writable.create(new WritableOptions().write((s, c, e, cb) -> {
            out.append(c);
            cb.accept(null);
          }));
          src.on(Readable.CLOSE, () -> log.add("src close"));
          up.on(Readable.CLOSE, () -> log.add("up close"));
          dst.on(Readable.CLOSE, () -> log.add("dst close"));
          dst.on(Writable.FINISH, () -> log.add("finish"));
          Writable r = Stream.pipeline(src, up, dst, err -> log.add("done " + err + " " + out));
          log.add("" + (r == dst));
        });
  }

  @Test
  void errorInTheMiddleDestroysEveryStageAndReportsOnce() {
    Scenario.check("""
        const {Readable, Transform, Writable, pipeline} = require('stream');
        let n = 0;
        const src = new Readable({ read() { n++; this.push('x' + n); } });
        const mid = new Transform({ transform(c, e, cb) {
          if (String(c) === 'x3') return cb(new Error('mid failed'));
          cb(null, c);
        }});
        const dst = new Writable({ write(c, e, cb) { console.log('_write ' + c); setImmediate(cb); } });
        for (const [name, s] of [['src', src], ['mid', mid], ['dst', dst]]) {
          s.on('close', () => console.log(name + ' close', s.destroyed, s.errored ? s.errored.message : s.errored));
        }
        mid.on('error', e => console.log('mid error', e.message));
        pipeline(src, mid, dst, (err) => console.log('callback', err && err.message));
        """, """
        _write x1
        mid error mid failed
        mid close true mid failed
        src close true mid failed
        dst close true mid failed
        callback mid failed
        """, log -> {
          int[] n = {0};
          Readable src = Readable.create(new ReadableOptions().read((s, size) -> {
            n[0]++;
            s.push("x" + n[0]);
          }));
          Transform mid = Transform.create(new TransformOptions().transform((s, c, e, cb) -> {
            if (c.toString().equals("x3")) {
              cb.accept(new IllegalStateException("mid failed"), null);
              return;
            }
            cb.accept(null, c);
          }));
          Writable dst = Writable.create(new WritableOptions().write((s, c, e, cb) -> {
            log.add("_write " + c);
            Timers.setImmediate(() -> cb.accept(null));
          }));
          for (var e : List.of(List.of("src", src), List.of("mid", mid), List.of("dst", dst))) {
            String name = (String) e.get(0);
            StreamBase s = (StreamBase) e.get(1);
            s.on(Readable.CLOSE, () -> log.add(name + " close " + s.destroyed() + " "
                + (s.errored() == null ? "null" : Scenario.code(s.errored()))));
          }
          mid.on(Readable.ERROR, e -> log.add("mid error " + e.getMessage()));
          Stream.pipeline(src, mid, dst, err -> log.add("callback " + err.getMessage()));
        });
  }

  @Test
  void destinationDestroyedEarlyIsAPrematureClose() {
    Scenario.check("""
        const {Readable, Writable, pipeline} = require('stream');
        const src = new Readable({ read() {} });
        const dst = new Writable({ write(c, e, cb) { cb(); } });
        src.on('close', () => console.log('src close', src.errored && src.errored.code));
        pipeline(src, dst, (err) => console.log('callback', err.code, err.message));
        src.push('a');
        setImmediate(() => dst.destroy());
        """, """
        src close ERR_STREAM_PREMATURE_CLOSE
        callback ERR_STREAM_PREMATURE_CLOSE Premature close
        """, log -> {
          Readable src = Readable.create(new ReadableOptions().read((s, n) -> {}));
          Writable dst = Writable.create(new WritableOptions().write((s, c, e, cb) -> cb.accept(null)));
          src.on(Readable.CLOSE, () -> log.add("src close "
              + (src.errored() == null ? "null" : Scenario.code(src.errored()))));
          Stream.pipeline(src, dst, err -> log.add("callback " + Scenario.code(err) + " "
              + err.getMessage()));
          src.push("a");
          Timers.setImmediate(() -> dst.destroy());
        });
  }

  @Test
  void sourceErrorReachesTheCallbackOnce() {
    Scenario.check("""
        const {Readable, PassThrough, pipeline} = require('stream');
        const src = new Readable({ read() {} });
        const a = new PassThrough(), b = new PassThrough();
        let calls = 0;
        pipeline([src, a, b], (err) => { calls++; console.log('callback', calls, err.message); });
        b.resume();
        src.destroy(new Error('src failed'));
        a.destroy(new Error('second'));
        setTimeout(() => console.log('calls', calls, a.destroyed, b.destroyed), 5);
        """, """
        callback 1 src failed
        calls 1 true true
        """, log -> {
          Readable src = Readable.create(new ReadableOptions().read((s, n) -> {}));
          PassThrough a = new PassThrough();
          PassThrough b = new PassThrough();
          int[] calls = {0};
          Stream.pipeline(List.of(src, a, b), err -> {
            calls[0]++;
            log.add("callback " + calls[0] + " " + err.getMessage());
          });
          b.resume();
          src.destroy(new IllegalStateException("src failed"));
          a.destroy(new IllegalStateException("second"));
          Timers.setTimeout(() -> log.add("calls " + calls[0] + " " + a.destroyed() + " "
              + b.destroyed()), 5);
        });
  }

  @Test
  void pipelineNeedsTwoStreams() {
    Scenario.java(log -> assertThatThrownBy(() -> Stream.pipeline(List.of(new PassThrough()),
        err -> {})).hasMessage("The \"streams\" argument must be specified"));
  }

  @Test
  void finishedOnAlreadyFinishedStreams() {
    Scenario.check("""
        const {Readable, Writable, finished} = require('stream');
        const w = new Writable({ write(c, e, cb) { cb(); } });
        w.end();
        w.on('finish', () => {
          finished(w, (err) => console.log('w finished', err ?? null));
          console.log('registered w');
        });
        const r = new Readable({ read() {} });
        r.resume(); r.push(null);
        r.on('close', () => {
          finished(r, (err) => console.log('r finished', err ?? null));
          console.log('registered r');
        });
        """, """
        registered w
        w finished null
        registered r
        r finished null
        """, log -> {
          Writable w = Writable.create(new WritableOptions().write((s, c, e, cb) -> cb.accept(null)));
          w.end();
          w.on(Writable.FINISH, () -> {
            Stream.finished(w, err -> log.add("w finished " + err));
            log.add("registered w");
          });
          Readable r = Readable.create(new ReadableOptions().read((s, n) -> {}));
          r.resume();
          r.push(null);
          r.on(Readable.CLOSE, () -> {
            Stream.finished(r, err -> log.add("r finished " + err));
            log.add("registered r");
          });
        });
  }

  @Test
  void finishedReportsPrematureCloseAndErrors() {
    Scenario.check("""
        const {Readable, Duplex, finished} = require('stream');
        const r = new Readable({ read() {} });
        finished(r, (err) => console.log('r', err.code));
        r.destroy();
        const e = new Readable({ read() {} });
        finished(e, (err) => console.log('e', err.message));
        e.on('error', () => {});
        e.destroy(new Error('broken'));
        const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
        const cleanup = finished(d, (err) => console.log('d', err ?? null));
        d.push(null); d.resume(); d.end();
        const x = new Readable({ read() {} });
        const stop = finished(x, (err) => console.log('x called'));
        stop();
        x.destroy();
        """, """
        r ERR_STREAM_PREMATURE_CLOSE
        e broken
        d null
        """, log -> {
          Readable r = Readable.create(new ReadableOptions().read((s, n) -> {}));
          Stream.finished(r, err -> log.add("r " + Scenario.code(err)));
          r.destroy();
          Readable e = Readable.create(new ReadableOptions().read((s, n) -> {}));
          Stream.finished(e, err -> log.add("e " + err.getMessage()));
          e.on(Readable.ERROR, err -> {});
          e.destroy(new IllegalStateException("broken"));
          Duplex d = Duplex.create(new DuplexOptions().read((s, n) -> {})
              .write((s, c, x, cb) -> cb.accept(null)));
          Stream.finished(d, err -> log.add("d " + err));
          d.push(null);
          d.resume();
          d.end();
          Readable x = Readable.create(new ReadableOptions().read((s, n) -> {}));
          Runnable stop = Stream.finished(x, err -> log.add("x called"));
          stop.run();
          x.destroy();
        });
  }

  @Test
  void finishedWatchesOnlyTheChosenSide() {
    List<String> out = Scenario.java(log -> {
      Duplex d = Duplex.create(new DuplexOptions().read((s, n) -> {})
          .write((s, c, x, cb) -> cb.accept(null)));
      Stream.finished(d, false, true, err -> log.add("writable side " + err));
      d.end();
      Timers.setTimeout(() -> {
        log.add("later");
        d.destroy();
      }, 5);
    });
    assertThat(out).containsExactly("writable side null", "later");
  }
}
