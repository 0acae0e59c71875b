package dev.nodus.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state machine is one big method; HotSpot never JIT-compiles a method over 8000 bytes of
 * bytecode ({@code -XX:HugeMethodLimit}, on by default), which would make every request ~10x
 * slower without any test failing. This keeps every method of {@link HttpParser} under the limit.
 */
class HttpParserMethodSizeTest {

  @Test
  void everyMethodStaysCompilable() throws IOException {
    Map<String, Integer> sizes = codeSizes(HttpParser.class);
    assertThat(sizes).containsKey("run");
    assertThat(sizes).allSatisfy((name, size) ->
        assertThat(size).as("bytecode bytes of HttpParser.%s", name).isLessThan(8000));
  }

  /** Method name to code length, read from the class file. */
  static Map<String, Integer> codeSizes(Class<?> c) throws IOException {
    String res = "/" + c.getName().replace('.', '/') + ".class";
    try (InputStream raw = c.getResourceAsStream(res);
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readUnsignedShort();
      in.readUnsignedShort();
      int cpCount = in.readUnsignedShort();
      String[] utf8 = new String[cpCount];
      for (int i = 1; i < cpCount; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 3, 4 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++;
          }
          case 7, 8, 16, 19, 20 -> in.skipBytes(2);
          case 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 15 -> in.skipBytes(3);
          default -> throw new IOException("constant tag " + tag);
        }
      }
      in.skipBytes(6); // access, this, super
      in.skipBytes(2 * in.readUnsignedShort()); // interfaces
      int fields = in.readUnsignedShort();
      for (int i = 0; i < fields; i++) {
        in.skipBytes(6);
        skipAttributes(in);
      }
      Map<String, Integer> out = new HashMap<>();
      int methods = in.readUnsignedShort();
      for (int i = 0; i < methods; i++) {
        in.skipBytes(2);
        String name = utf8[in.readUnsignedShort()];
        in.skipBytes(2);
        int attrs = in.readUnsignedShort();
        for (int a = 0; a < attrs; a++) {
          String attr = utf8[in.readUnsignedShort()];
          int len = in.readInt();
          if (attr.equals("Code")) {
            in.skipBytes(4); // max stack, max locals
            int codeLength = in.readInt();
            out.merge(name, codeLength, Math::max);
            in.skipBytes(len - 8);
          } else {
            in.skipBytes(len);
          }
        }
      }
      return out;
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
