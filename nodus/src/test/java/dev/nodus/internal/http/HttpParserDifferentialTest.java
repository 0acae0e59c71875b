package dev.nodus.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link HttpParser} against Node's own parser, event by event: every case of {@code
 * cases.json}, fed whole, byte by byte and in the case's extra splits, must give the event log
 * Node v20's {@code HTTPParser} gave ({@code llhttp-recorded.jsonl}, made by {@code
 * llhttp-oracle.js}). A second test re-runs the oracle when {@code node} is on the PATH and checks
 * the recording is still what Node does.
 */
class HttpParserDifferentialTest {
  private static final String RES = "/dev/nodus/internal/http/";

  static String resource(String name) throws IOException {
    try (InputStream in = HttpParserDifferentialTest.class.getResourceAsStream(RES + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases() throws IOException {
    Map<String, Object> file = (Map<String, Object>) MiniJson.parse(resource("cases.json"));
    return (List<Map<String, Object>>) file.get("cases");
  }

  static byte[] input(Map<String, Object> c) {
    if (c.get("inputB64") != null) {
      return Base64.getDecoder().decode((String) c.get("inputB64"));
    }
    return ((String) c.get("input")).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The splits the oracle runs, by name: whole, bytes, then the case's own. */
  @SuppressWarnings("unchecked")
  static Map<String, List<byte[]>> splits(Map<String, Object> c, byte[] in) {
    Map<String, List<byte[]>> out = new LinkedHashMap<>();
    out.put("whole", List.of(in));
    if (in.length > 1 && !Boolean.TRUE.equals(c.get("noBytes"))) {
      List<byte[]> bytes = new ArrayList<>();
      for (int i = 0; i < in.length; i++) {
        bytes.add(Arrays.copyOfRange(in, i, i + 1));
      }
      out.put("bytes", bytes);
    }
    List<List<Long>> extra = (List<List<Long>>) c.getOrDefault("splits", List.of());
    for (List<Long> sizes : extra) {
      List<byte[]> chunks = new ArrayList<>();
      int at = 0;
      List<String> names = new ArrayList<>();
      for (Long n : sizes) {
        int to = Math.min(in.length, at + n.intValue());
        chunks.add(Arrays.copyOfRange(in, at, to));
        at = to;
        names.add(String.valueOf(n));
      }
      if (at < in.length) {
        chunks.add(Arrays.copyOfRange(in, at, in.length));
      }
      out.put(String.join(",", names), chunks);
    }
    return out;
  }

  static String latin1(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.ISO_8859_1);
  }

  /** Runs one case through HttpParser, logging as llhttp-oracle.js does. */
  static List<Object> run(Map<String, Object> c, List<byte[]> chunks) {
    List<Object> events = new ArrayList<>();
    boolean response = "response".equals(c.get("mode"));
    int max = c.get("maxHeaderSize") == null ? 0 : ((Long) c.get("maxHeaderSize")).intValue();
    int lenient = c.get("lenient") == null ? 0 : ((Long) c.get("lenient")).intValue();
    int hcReturn = c.get("headersCompleteReturn") == null
        ? 0 : ((Long) c.get("headersCompleteReturn")).intValue();
    boolean[] upgrade = {false};
    boolean[] complete = {false};
    HttpParser p = new HttpParser(response ? HttpParser.Type.RESPONSE : HttpParser.Type.REQUEST,
        max, lenient, new HttpParserCallbacks() {
          @Override
          public void onMessageBegin() {
            events.add(List.of("begin"));
            complete[0] = false;
          }

          @Override
          public int onHeadersComplete(int major, int minor, List<String> raw, String method,
              String url, int status, String statusMessage, boolean upg, boolean keepAlive) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("versionMajor", (long) major);
            h.put("versionMinor", (long) minor);
            h.put("method", method);
            h.put("url", url);
            h.put("statusCode", response ? (Object) (long) status : null);
            h.put("statusMessage", statusMessage);
            h.put("upgrade", upg);
            h.put("shouldKeepAlive", keepAlive);
            h.put("headers", new ArrayList<Object>(raw));
            events.add(List.of("head", h));
            upgrade[0] = upg || hcReturn == 2;
            return hcReturn;
          }

          @Override
          public void onBody(byte[] data, int offset, int length) {
            events.add(List.of("body", latin1(data, offset, length)));
          }

          @Override
          public void onTrailers(List<String> raw) {
            events.add(List.of("trailers", new ArrayList<Object>(raw)));
          }

          @Override
          public void onMessageComplete() {
            events.add(List.of("complete"));
            complete[0] = true;
          }
        });
    int offset = 0;
    for (byte[] chunk : chunks) {
      int r = p.execute(chunk, 0, chunk.length);
      if (r < 0) {
        HttpParseError e = p.error();
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", e.code());
        err.put("reason", e.reason());
        err.put("bytesParsed", (long) e.bytesParsed());
        events.add(Arrays.asList("exec", (long) chunk.length, err));
        return events;
      }
      events.add(Arrays.asList("exec", (long) chunk.length, (long) r));
      offset += r;
      if (r != chunk.length || (upgrade[0] && complete[0])) {
        byte[] all = concat(chunks);
        events.add(List.of("upgrade", latin1(all, offset, all.length - offset)));
        return events;
      }
    }
    if (!Boolean.FALSE.equals(c.get("finish"))) {
      HttpParseError e = p.finish();
      if (e == null) {
        events.add(Arrays.asList("finish", null));
      } else {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", e.code());
        err.put("reason", e.reason());
        events.add(Arrays.asList("finish", err));
      }
    }
    return events;
  }

  /** As llhttp-oracle.js: runs of identical events become ["repeat", n, event]. */
  static List<Object> compress(List<Object> events) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < events.size();) {
      int j = i + 1;
      while (j < events.size() && events.get(j).equals(events.get(i))) {
        j++;
      }
      out.add(j - i > 1 ? Arrays.asList("repeat", (long) (j - i), events.get(i)) : events.get(i));
      i = j;
    }
    return out;
  }

  static byte[] concat(List<byte[]> chunks) {
    int n = 0;
    for (byte[] b : chunks) {
      n += b.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] b : chunks) {
      System.arraycopy(b, 0, all, at, b.length);
      at += b.length;
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> parseLines(String text) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add((Map<String, Object>) MiniJson.parse(line));
      }
    }
    return out;
  }

  /** Compares logs; returns a description of the first difference or null. */
  @SuppressWarnings("unchecked")
  static String diff(List<Object> expected, List<Object> actual) {
    int n = Math.max(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      Object e = i < expected.size() ? expected.get(i) : "(none)";
      Object a = i < actual.size() ? actual.get(i) : "(none)";
      if (!e.equals(a)) {
        return "event " + i + ": node " + e + " / ours " + a;
      }
    }
    return null;
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void everyCaseAndSplitGivesNodesEvents() throws IOException {
    int runs = compareAll(resource("cases.json"), resource("llhttp-recorded.jsonl"));
    assertThat(runs).isGreaterThan(4000);
  }

  /**
   * A wider net when node is here: the generator's seeded mutations and compositions with
   * another seed and ten times as many, recorded live and compared the same way.
   */
  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void freshSeedAgainstLiveNode() throws Exception {
    Assumptions.assumeTrue(nodeOnPath(), "node is not on the PATH: no live comparison");
    Path dir = Files.createTempDirectory("llhttp-fresh");
    for (String f : List.of("gen-cases.js", "llhttp-oracle.js", "sample-inputs.json")) {
      Files.writeString(dir.resolve(f), resource(f), StandardCharsets.UTF_8);
    }
    ProcessBuilder gen = new ProcessBuilder("node", "gen-cases.js").directory(dir.toFile())
        .redirectOutput(dir.resolve("cases.json").toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    gen.environment().put("FUZZ_N", "3000");
    gen.environment().put("COMPOSE_N", "2000");
    gen.environment().put("FUZZ_SEED", "20261206");
    Process g = gen.start();
    assertThat(g.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(g.exitValue()).isZero();
    Process o = new ProcessBuilder("node", "llhttp-oracle.js", "cases.json")
        .directory(dir.toFile()).redirectOutput(dir.resolve("out.jsonl").toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertThat(o.waitFor(200, TimeUnit.SECONDS)).isTrue();
    assertThat(o.exitValue()).isZero();
    int runs = compareAll(Files.readString(dir.resolve("cases.json"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("out.jsonl"), StandardCharsets.UTF_8));
    assertThat(runs).isGreaterThan(15000);
  }

  /** Runs every recorded (case, split) through HttpParser; returns the number of runs. */
  @SuppressWarnings("unchecked")
  static int compareAll(String casesJson, String recordedText) {
    Map<String, Object> file = (Map<String, Object>) MiniJson.parse(casesJson);
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    for (Map<String, Object> c : (List<Map<String, Object>>) file.get("cases")) {
      byId.put((String) c.get("id"), c);
    }
    List<Map<String, Object>> recorded = parseLines(recordedText);
    List<String> failures = new ArrayList<>();
    int runs = 0;
    Map<String, Map<String, List<byte[]>>> splitCache = new LinkedHashMap<>();
    for (Map<String, Object> line : recorded) {
      String id = (String) line.get("id");
      Map<String, Object> c = byId.get(id);
      assertThat(c).as("case %s of the recording is in cases.json", id).isNotNull();
      Map<String, List<byte[]>> splits = splitCache.computeIfAbsent(id, k -> splits(c, input(c)));
      List<byte[]> chunks = splits.get((String) line.get("split"));
      assertThat(chunks).as("split %s of %s", line.get("split"), id).isNotNull();
      List<Object> expected = (List<Object>) line.get("events");
      List<Object> actual = compress(run(c, chunks));
      runs++;
      String d = diff(expected, actual);
      if (d != null) {
        failures.add(id + " [" + line.get("split") + "] " + d);
      }
    }
    assertThat(failures).as("%d of %d runs differ from node", failures.size(), runs)
        .isEmpty();
    return runs;
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void recordingIsWhatNodeDoesToday() throws Exception {
    Assumptions.assumeTrue(nodeOnPath(), "node is not on the PATH: recording not re-checked");
    Path dir = Files.createTempDirectory("llhttp-oracle");
    Path oracle = dir.resolve("llhttp-oracle.js");
    Path cases = dir.resolve("cases.json");
    Files.writeString(oracle, resource("llhttp-oracle.js"));
    Files.writeString(cases, resource("cases.json"));
    Path out = dir.resolve("out.jsonl");
    Process proc = new ProcessBuilder("node", oracle.toString(), cases.toString())
        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertThat(proc.waitFor(100, TimeUnit.SECONDS)).isTrue();
    assertThat(proc.exitValue()).isZero();
    List<Map<String, Object>> now = parseLines(Files.readString(out, StandardCharsets.UTF_8));
    List<Map<String, Object>> recorded = parseLines(resource("llhttp-recorded.jsonl"));
    assertThat(now).hasSameSizeAs(recorded);
    for (int i = 0; i < now.size(); i++) {
      assertThat(now.get(i)).as("line %d (%s)", i, recorded.get(i).get("id"))
          .isEqualTo(recorded.get(i));
    }
  }

  static boolean nodeOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "node"))) {
        return true;
      }
    }
    return false;
  }
}
