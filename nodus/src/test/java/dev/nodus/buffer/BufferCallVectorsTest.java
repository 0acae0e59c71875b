package dev.nodus.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replays calls recorded from Node v20 ({@code C} lines of {@code buffer/vectors.txt}): every
 * read/write method, toString ranges, subarray, copy (overlapping too), fill, alloc, the indexOf
 * family, compare, write, concat, swap — results, the bytes afterwards, and for errors Node's
 * code, class name and message. Each Node call form is mapped onto the Java overload with the
 * same argument kinds, so a missing overload fails the test too.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BufferCallVectorsTest {

  @Test
  void everyRecordedCallBehavesAsInNode() {
    List<String[]> cases = Vectors.of("C");
    assertThat(cases).hasSizeGreaterThan(3000);
    List<String> failures = new ArrayList<>();
    int errors = 0;
    for (String[] c : cases) {
      String got;
      try {
        got = replay(c[1], c[2], c[3]);
      } catch (RuntimeException | Error e) {
        got = "harness: " + e;
      }
      String expected = c[4] + " " + c[5];
      if (c[4].startsWith("x:")) {
        errors++;
      }
      if (!got.equals(expected)) {
        failures.add(c[1] + "(" + c[3] + ") on " + c[2] + "\n    expected " + expected + "\n    got      " + got);
      }
    }
    assertThat(errors).as("error cases").isGreaterThan(300);
    assertThat(failures).hasSizeLessThan(1).withFailMessage(
        () -> failures.size() + " failures, first:\n" + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
  }

  /** Runs one call and renders its result and the bytes afterwards as the generator does. */
  private static String replay(String method, String recvHex, String argTokens) {
    Buffer recv = recvHex.equals("-") ? null : Buffer.from(Vectors.bytes(recvHex));
    String[] toks = argTokens.isEmpty() ? new String[0] : argTokens.split(" ");
    Object[] args = new Object[toks.length];
    char[] kinds = new char[toks.length];
    List<Buffer> touched = new ArrayList<>();
    for (int i = 0; i < toks.length; i++) {
      kinds[i] = toks[i].charAt(0);
      String v = toks[i].substring(2);
      switch (kinds[i]) {
        case 'i' -> args[i] = Long.parseLong(v);
        case 's' -> args[i] = Vectors.string(v);
        case 'e' -> args[i] = v;
        case 'n' -> args[i] = new BigInteger(v);
        case 'd' -> args[i] = Double.longBitsToDouble(Long.parseUnsignedLong(v, 16));
        case 'b' -> {
          Buffer b = Buffer.from(Vectors.bytes(v));
          touched.add(b);
          args[i] = b;
        }
        case 'v' -> {
          String[] se = v.split(":");
          Buffer b = recv.subarray(Integer.parseInt(se[0]), Integer.parseInt(se[1]));
          touched.add(b);
          args[i] = b;
        }
        case 'l' -> {
          int n = Integer.parseInt(v.substring(0, v.indexOf('/')));
          String[] parts = v.substring(v.indexOf('/') + 1).split(",", -1);
          List<Buffer> list = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            list.add(Buffer.from(Vectors.bytes(parts[k])));
          }
          args[i] = list;
        }
        case 'a' -> {
          String[] parts = v.split(",");
          int[] a = new int[parts.length];
          for (int k = 0; k < a.length; k++) {
            a[k] = Integer.parseInt(parts[k]);
          }
          args[i] = a;
        }
        default -> throw new IllegalArgumentException("token " + toks[i]);
      }
    }
    boolean isStatic = method.startsWith("Buffer.");
    String name = isStatic ? method.substring(7) : method;
    Method m = find(name, isStatic, kinds);
    String result;
    try {
      Object r = m.invoke(recv, convert(m, args));
      result = render(r, recv);
    } catch (InvocationTargetException e) {
      if (!(e.getCause() instanceof NodeError err)) {
        throw new AssertionError("unexpected " + e.getCause(), e.getCause());
      }
      result = "x:" + err.code() + "|" + err.name() + "|" + err.getMessage();
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
    StringBuilder after = new StringBuilder(recv == null ? "-" : Vectors.hex(recv));
    for (Buffer b : touched) {
      after.append(',').append(Vectors.hex(b));
    }
    return result + " " + after;
  }

  /** The one public overload whose parameters take these argument kinds. */
  private static Method find(String name, boolean isStatic, char[] kinds) {
    Method found = null;
    for (Method m : Buffer.class.getMethods()) {
      if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) != isStatic
          || m.getParameterCount() != kinds.length || m.getDeclaringClass() == Object.class && kinds.length > 0) {
        continue;
      }
      Class<?>[] p = m.getParameterTypes();
      boolean ok = true;
      for (int i = 0; i < kinds.length && ok; i++) {
        ok = switch (kinds[i]) {
          case 'i' -> p[i] == int.class || p[i] == long.class;
          case 's', 'e' -> p[i] == String.class;
          case 'b', 'v' -> p[i] == Buffer.class || (name.equals("equals") && p[i] == Object.class);
          case 'n' -> p[i] == BigInteger.class;
          case 'd' -> p[i] == double.class;
          case 'l' -> p[i] == List.class;
          case 'a' -> p[i] == int[].class;
          default -> false;
        };
      }
      if (ok) {
        if (found != null) {
          throw new IllegalStateException("ambiguous " + name + new String(kinds));
        }
        found = m;
      }
    }
    if (found == null) {
      throw new IllegalStateException("no overload " + name + "(" + new String(kinds) + ")");
    }
    return found;
  }

  private static Object[] convert(Method m, Object[] args) {
    Class<?>[] p = m.getParameterTypes();
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (p[i] == int.class) {
        out[i] = Math.toIntExact((Long) out[i]);
      }
    }
    return out;
  }

  private static String render(Object r, Buffer recv) {
    if (r instanceof Buffer b) {
      return b == recv ? "T" : "B:" + Vectors.hex(b);
    }
    if (r instanceof Integer || r instanceof Long) {
      return "i:" + r;
    }
    if (r instanceof BigInteger b) {
      return "n:" + b;
    }
    if (r instanceof Boolean z) {
      return "z:" + (z ? 1 : 0);
    }
    if (r instanceof String s) {
      return "s:" + Vectors.escape(s);
    }
    if (r instanceof Double d) {
      // As the generator: safe integers print as numbers, anything else as float64 bits.
      if (d == Math.rint(d) && Math.abs(d) <= 9007199254740991.0 && !(d == 0 && 1 / d < 0)) {
        return "i:" + d.longValue();
      }
      return "d:" + String.format("%016x", Double.doubleToRawLongBits(d));
    }
    throw new IllegalStateException("result " + r);
  }
}
