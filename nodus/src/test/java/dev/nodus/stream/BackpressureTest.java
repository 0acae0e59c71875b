package dev.nodus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Memory stays bounded with a slow consumer; errors in a pipeline are reported once. */
@Timeout(60)
class BackpressureTest {
  private static final int HWM = 16 * 1024;
  private static final int CHUNK = 1024;
  private static final int TOTAL = 4 * 1024 * 1024;

  @Test
  void fastProducerIntoSlowConsumerKeepsBuffersBounded() {
    int[] produced = {0};
    int[] consumed = {0};
    int[] maxReadable = {0};
    int[] maxWritable = {0};
    int[] pauses = {0};
    AtomicReference<Throwable> result = new AtomicReference<>();
    boolean[] done = {false};
    Scenario.java(log -> {
      byte[] block = new byte[CHUNK];
      // The producer pushes as long as push() allows, i.e. it is as fast as the stream lets it.
      Readable src = Readable.create(new ReadableOptions().read((s, n) -> {
        while (produced[0] < TOTAL) {
          produced[0] += CHUNK;
          boolean more = s.push(Buffer.wrap(block));
          maxReadable[0] = Math.max(maxReadable[0], s.readableLength());
          if (!more) {
            return;
          }
        }
        s.push(null);
      }));
      // The consumer completes one write per loop turn (setImmediate): much slower.
      Writable dst = Writable.create(new WritableOptions().write((s, chunk, enc, cb) -> {
        consumed[0] += ((Buffer) chunk).length();
        maxWritable[0] = Math.max(maxWritable[0], s.writableLength());
        Timers.setImmediate(() -> cb.accept(null));
      }));
      src.on(Readable.PAUSE, () -> pauses[0]++);
      Stream.pipeline(src, dst, err -> {
        result.set(err);
        done[0] = true;
      });
    });
    assertThat(done[0]).isTrue();
    assertThat(result.get()).isNull();
    assertThat(consumed[0]).isEqualTo(TOTAL);
    assertThat(pauses[0]).as("the source was paused for backpressure").isGreaterThan(10);
    assertThat(maxReadable[0]).as("max readableLength").isLessThanOrEqualTo(2 * HWM);
    assertThat(maxWritable[0]).as("max writableLength").isLessThanOrEqualTo(2 * HWM);
  }

  @Test
  void transformChainUnderBackpressureStaysBounded() {
    int[] maxBuffered = {0};
    int[] total = {0};
    Scenario.java(log -> {
      int[] n = {0};
      Readable src = Readable.create(new ReadableOptions().read((s, size) -> {
        if (n[0]++ < 2000) {
          s.push(Buffer.alloc(512));
        } else {
          s.push(null);
        }
      }));
      PassThrough a = new PassThrough();
      PassThrough b = new PassThrough();
      Writable dst = Writable.create(new WritableOptions().write((s, chunk, enc, cb) -> {
        total[0] += ((Buffer) chunk).length();
        int buffered = src.readableLength() + a.readableLength() + a.writableLength()
            + b.readableLength() + b.writableLength() + s.writableLength();
        maxBuffered[0] = Math.max(maxBuffered[0], buffered);
        Timers.setImmediate(() -> cb.accept(null));
      }));
      Stream.pipeline(List.of(src, a, b, dst), err -> log.add("done " + err));
    });
    assertThat(total[0]).isEqualTo(2000 * 512);
    // Four buffers of 16 KiB each, plus what is in flight.
    assertThat(maxBuffered[0]).isLessThanOrEqualTo(2 * 5 * HWM);
  }
}
