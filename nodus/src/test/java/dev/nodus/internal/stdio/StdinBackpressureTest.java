package dev.nodus.internal.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Timers;
import dev.nodus.stream.Readable;
import dev.nodus.testing.Programs;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** stdin read into a slow consumer: the reader thread stops at the high-water mark. */
@Timeout(60)
class StdinBackpressureTest {

  /** An endless-until-{@code total} source that records how far ahead of the consumer it was read. */
  private static final class Source extends InputStream {
    final long total;
    final AtomicLong consumed;
    long produced;
    long maxAhead;

    Source(long total, AtomicLong consumed) {
      this.total = total;
      this.consumed = consumed;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (produced == total) {
        return -1;
      }
      int n = (int) Math.min(len, total - produced);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) (produced + i);
      }
      produced += n;
      maxAhead = Math.max(maxAhead, produced - consumed.get());
      return n;
    }
  }

  @Test
  void aSlowConsumerKeepsWhatStdinHoldsBounded() {
    long total = 16L * 1024 * 1024;
    AtomicLong consumed = new AtomicLong();
    Source source = new Source(total, consumed);
    int[] hwm = {0};
    boolean[] ended = {false};
    long[] badByteAt = {-1};
    Programs.run(Duration.ofSeconds(50), () -> {
      Readable stdin = StdinStream.over(source);
      hwm[0] = stdin.readableHighWaterMark();
      long[] sincePause = {0};
      stdin.on(Readable.DATA, d -> {
        long at = consumed.get();
        for (int i = 0; i < d.length() && badByteAt[0] < 0; i += 4093) {
          if (d.readUInt8(i) != ((at + i) & 0xff)) {
            badByteAt[0] = at + i;
          }
        }
        consumed.addAndGet(d.length());
        sincePause[0] += d.length();
        // A slow consumer: every 256 KiB it pauses for 2 ms.
        if (sincePause[0] >= 256 * 1024) {
          sincePause[0] = 0;
          stdin.pause();
          Timers.setTimeout(stdin::resume, 2);
        }
      });
      stdin.on(Readable.END, () -> ended[0] = true);
    });
    assertThat(ended[0]).isTrue();
    assertThat(consumed.get()).isEqualTo(total);
    assertThat(badByteAt[0]).as("first corrupted byte").isEqualTo(-1);
    // The stream's mark, the chunk pushed past it, and the chunk the thread read before waiting.
    System.out.println("stdin read at most " + source.maxAhead + " bytes ahead of the consumer (mark "
        + hwm[0] + ")");
    assertThat(source.maxAhead).isLessThanOrEqualTo(hwm[0] + 2 * 65536L);
  }
}
