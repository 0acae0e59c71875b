package dev.nodus.internal.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A Buffer over loaned bytes: one heap copy on first access, shared by its views; freed once. */
class ExternalBytesTest {
  /** Loaned bytes that count their copies and frees. */
  private static final class Loan extends ExternalBytes {
    final byte[] outside;
    int copies;
    int frees;

    Loan(String text) {
      this(text.getBytes(StandardCharsets.UTF_8));
    }

    private Loan(byte[] outside) {
      super(outside.length);
      this.outside = outside;
    }

    @Override
    protected void copyTo(byte[] dst) {
      copies++;
      System.arraycopy(outside, 0, dst, 0, dst.length);
    }

    @Override
    protected void free() {
      frees++;
    }
  }

  @Test
  void theFirstAccessCopiesOnceAndFreesAndViewsShareTheCopy() {
    Loan loan = new Loan("hello world");
    Buffer b = BufferAccess.wrap(loan);
    Buffer world = b.subarray(6);
    assertThat(loan.borrowed()).isTrue();
    assertThat(loan.copies).isZero();

    assertThat(world.toString()).isEqualTo("world");
    assertThat(loan.copies).isEqualTo(1);
    assertThat(loan.frees).isEqualTo(1);
    assertThat(loan.borrowed()).isFalse();

    world.write("WORLD", 0);
    assertThat(b.toString()).isEqualTo("hello WORLD");
    assertThat(b.buffer()).isSameAs(world.buffer());
    assertThat(BufferAccess.external(world)).isSameAs(loan);

    loan.materialize();
    loan.drop();
    assertThat(loan.copies).isEqualTo(1);
    assertThat(loan.frees).isEqualTo(1);
  }

  @Test
  void aDroppedLoanIsFreedWithoutACopyAndCannotBeRead() {
    Loan loan = new Loan("gone");
    Buffer b = BufferAccess.wrap(loan);
    loan.drop();
    loan.drop();
    assertThat(loan.frees).isEqualTo(1);
    assertThat(loan.copies).isZero();
    assertThatThrownBy(b::toString).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void heapBuffersHaveNoLoan() {
    assertThat(BufferAccess.external(Buffer.from("x"))).isNull();
  }
}
