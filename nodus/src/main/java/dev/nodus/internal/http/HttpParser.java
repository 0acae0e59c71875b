package dev.nodus.internal.http;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP/1.x parser that behaves as Node v20's: llhttp 9.3 as {@code src/node_http_parser.cc}
 * configures and drives it ({@code require('_http_common').HTTPParser}). Same messages accepted,
 * same events in the same order, same error codes, reasons and {@code bytesParsed}, whatever way
 * the input is split into {@link #execute} calls.
 *
 * <h2>How it is built</h2>
 *
 * A push parser: {@link #execute(byte[], int, int)} consumes what it is given and reports through
 * {@link HttpParserCallbacks}; state carries over to the next call. It is a byte-level state
 * machine whose states are llhttp's nodes ({@code src/llhttp/http.ts}, {@code url.ts}; the state
 * constants below carry the node names) with the same transitions:
 *
 * <ul>
 *   <li>a state that looks at a byte waits for the next call when the input is exhausted; the
 *       transitions llparse runs without input (callbacks, flag tests, {@code
 *       after_headers_complete}) run at once, so e.g. a head ending exactly at the end of the
 *       input completes in that call;
 *   <li>multi-byte matches ({@code select} tries, {@code match('chunked')} sequences) keep their
 *       position across calls and never backtrack: a mismatch takes the node's {@code otherwise}
 *       at the mismatching byte;
 *   <li>an error stops at llparse's {@code error_pos}: the byte that failed for an error node
 *       reached without consuming, one past it when the edge consumed it ({@code match},
 *       {@code skipTo});
 *   <li>the data callbacks Node registers ({@code on_url}, {@code on_status}, {@code
 *       on_header_field}, {@code on_header_value}, {@code on_body}, the chunk-extension ones) are
 *       llparse spans: called with the bytes of the span when it ends, and with the part seen so
 *       far at the end of each call. Node's binding counts head bytes in those calls ({@code
 *       TrackHeader}: url, status, field and value bytes only; {@code >= maxHeaderSize} fails
 *       with {@code HPE_HEADER_OVERFLOW}; reset when the head completes and at every chunk
 *       header and chunk end, so trailers are counted on their own) and chunk-extension bytes
 *       ({@code > 16384} per chunk: {@code HPE_CHUNK_EXTENSIONS_OVERFLOW}). That is why {@code
 *       bytesParsed} of an overflow depends on where calls split the input, as in Node.
 * </ul>
 *
 * <p>Node's binding layer is folded in: header names and values are collected and decoded as
 * latin-1 once per pair, values trimmed of trailing spaces/tabs ({@code ToTrimmedString}; llhttp
 * already skipped the leading ones); trailers are reported before the message completes; a
 * {@code HPE_PAUSED_UPGRADE} (CONNECT, Upgrade, 101) ends {@code execute} early without an error
 * and the parser resumes, exactly as {@code Parser::Execute} does; an error is not reported while
 * llhttp's {@code upgrade} flag is set (again as {@code Parser::Execute}).
 *
 * <h2>Left to the caller, as in Node</h2>
 *
 * <ul>
 *   <li>{@code maxHeadersCount} (default 2000 entries = 1000 pairs) is applied above the parser,
 *       by {@code _http_common.parserOnHeadersComplete} ({@code n = min(headers.length,
 *       parser.maxHeaderPairs)} for {@code req.headers}; {@code rawHeaders} keeps them all);
 *   <li>the {@code Host} requirement, {@code Expect}, duplicate-header joining: {@code
 *       _http_server}/{@code _http_incoming}.
 * </ul>
 *
 * <p>Not thread-safe; one per connection. Allocation per message: the header list and its
 * strings (common names are shared), the url, the status message; nothing per byte. A callback
 * that throws leaves the parser unusable until {@link #initialize}.
 */
public final class HttpParser {

  /** What is parsed: requests ({@code HTTPParser.REQUEST}) or responses ({@code RESPONSE}). */
  public enum Type {
    /** Requests, as a server parses them. */
    REQUEST,
    /** Responses, as a client parses them. */
    RESPONSE
  }

  // Node's lenient flags (HTTPParser.kLenient*), passed to llhttp_set_lenient_*.
  /** {@code kLenientHeaders}: any byte in values, spaces before the colon, obs-fold. */
  public static final int LENIENT_HEADERS = 1;
  /** {@code kLenientChunkedLength}: Content-Length together with Transfer-Encoding. */
  public static final int LENIENT_CHUNKED_LENGTH = 1 << 1;
  /** {@code kLenientKeepAlive}: keep parsing after a message that closes the connection. */
  public static final int LENIENT_KEEP_ALIVE = 1 << 2;
  /** {@code kLenientTransferEncoding}: codings after {@code chunked} in requests. */
  public static final int LENIENT_TRANSFER_ENCODING = 1 << 3;
  /** {@code kLenientVersion}: any single-digit version. */
  public static final int LENIENT_VERSION = 1 << 4;
  /** {@code kLenientDataAfterClose}: ignore bytes after a message that closes the connection. */
  public static final int LENIENT_DATA_AFTER_CLOSE = 1 << 5;
  /** {@code kLenientOptionalLFAfterCR}: a CR not followed by LF ends a line. */
  public static final int LENIENT_OPTIONAL_LF_AFTER_CR = 1 << 6;
  /** {@code kLenientOptionalCRLFAfterChunk}: chunk data not followed by CRLF. */
  public static final int LENIENT_OPTIONAL_CRLF_AFTER_CHUNK = 1 << 7;
  /** {@code kLenientOptionalCRBeforeLF}: a bare LF ends a line. */
  public static final int LENIENT_OPTIONAL_CR_BEFORE_LF = 1 << 8;
  /** {@code kLenientSpacesAfterChunkSize}: spaces/tabs after a chunk size. */
  public static final int LENIENT_SPACES_AFTER_CHUNK_SIZE = 1 << 9;
  /** {@code kLenientAll}: what {@code insecureHTTPParser: true} sets. */
  public static final int LENIENT_ALL = (1 << 10) - 1;

  /** Node's default {@code --max-http-header-size}. */
  public static final int DEFAULT_MAX_HEADER_SIZE = 16384;

  /** Node's {@code kMaxChunkExtensionsSize}. */
  static final int MAX_CHUNK_EXTENSIONS_SIZE = 16384;

  /**
   * llhttp's method names, indexed by its method number (Node's {@code allMethods}); the numbers
   * missing from llhttp's table are null.
   */
  static final String[] METHODS = {
    "DELETE", "GET", "HEAD", "POST", "PUT", "CONNECT", "OPTIONS", "TRACE", "COPY", "LOCK",
    "MKCOL", "MOVE", "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND", "REBIND", "UNBIND",
    "ACL", "REPORT", "MKACTIVITY", "CHECKOUT", "MERGE", "M-SEARCH", "NOTIFY", "SUBSCRIBE",
    "UNSUBSCRIBE", "PATCH", "PURGE", "MKCALENDAR", "LINK", "UNLINK", "SOURCE", "PRI",
    "DESCRIBE", "ANNOUNCE", "SETUP", "PLAY", "PAUSE", "TEARDOWN", "GET_PARAMETER",
    "SET_PARAMETER", "REDIRECT", "RECORD", "FLUSH", "QUERY"
  };

  private static final int M_CONNECT = 5;
  private static final int M_OPTIONS = 6;
  private static final int M_SOURCE = 33;
  private static final int M_PRI = 34;

  private static final ByteTrie METHOD_TRIE;
  /** Methods llhttp accepts with {@code HTTP/}, {@code RTSP/}, {@code ICE/}. */
  private static final boolean[] HTTP_METHOD = new boolean[METHODS.length];
  private static final boolean[] RTSP_METHOD = new boolean[METHODS.length];

  private static final int HS_GENERAL = 0;
  private static final int HS_CONNECTION = 1;
  private static final int HS_CONTENT_LENGTH = 2;
  private static final int HS_TRANSFER_ENCODING = 3;
  private static final int HS_UPGRADE = 4;
  private static final int HS_CONNECTION_KEEP_ALIVE = 5;
  private static final int HS_CONNECTION_CLOSE = 6;
  private static final int HS_CONNECTION_UPGRADE = 7;
  private static final int HS_TRANSFER_ENCODING_CHUNKED = 8;

  private static final ByteTrie SPECIAL_HEADER_TRIE = new ByteTrie(
      new String[] {
        "connection", "content-length", "proxy-connection", "transfer-encoding", "upgrade"
      },
      new int[] {
        HS_CONNECTION, HS_CONTENT_LENGTH, HS_CONNECTION, HS_TRANSFER_ENCODING, HS_UPGRADE
      });

  static {
    int n = 0;
    for (String m : METHODS) {
      if (m != null) {
        n++;
      }
    }
    String[] keys = new String[n];
    int[] values = new int[n];
    int k = 0;
    for (int i = 0; i < METHODS.length; i++) {
      if (METHODS[i] != null) {
        keys[k] = METHODS[i];
        values[k++] = i;
      }
    }
    METHOD_TRIE = new ByteTrie(keys, values);
    for (int i = 0; i <= 34; i++) {
      HTTP_METHOD[i] = true;
    }
    HTTP_METHOD[46] = true; // QUERY
    for (int i : new int[] {M_OPTIONS, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 1, 3}) {
      RTSP_METHOD[i] = true;
    }
  }

  // flags (llhttp F_*)
  private static final int F_CONNECTION_KEEP_ALIVE = 1;
  private static final int F_CONNECTION_CLOSE = 1 << 1;
  private static final int F_CONNECTION_UPGRADE = 1 << 2;
  private static final int F_CHUNKED = 1 << 3;
  private static final int F_UPGRADE = 1 << 4;
  private static final int F_CONTENT_LENGTH = 1 << 5;
  private static final int F_SKIPBODY = 1 << 6;
  private static final int F_TRAILING = 1 << 7;
  private static final int F_TRANSFER_ENCODING = 1 << 9;

  private static final int FINISH_SAFE = 0;
  private static final int FINISH_SAFE_WITH_CB = 1;
  private static final int FINISH_UNSAFE = 2;

  // Character classes, as llhttp's constants.ts builds them (checked byte by byte against node).
  private static final byte C_TOKEN = 1; // STRICT_TOKEN (header names, chunk extensions)
  private static final byte C_HEADER = 2; // HEADER_CHARS: HTAB, SP..0xFF but DEL
  private static final byte C_URL = 4; // URL_CHAR: 0x21..0x7E but '#' and '?'
  private static final byte C_USERINFO = 8; // USERINFO_CHARS plus '[' ']'
  private static final byte C_QDTEXT = 16; // chunk extension quoted-string text
  private static final byte C_VCHAR = 32; // HTAB, SP, VCHAR, obs-text (quoted-pair)
  private static final byte C_ALPHA = 64;
  private static final byte[] CLASS = new byte[256];

  static {
    String tokenPunct = "!#$%&'*+-.^_`|~";
    String userinfoPunct = "-_.!~*'()%;:&=+$,[]";
    for (int c = 0; c < 256; c++) {
      int cls = 0;
      boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean alnum = alpha || (c >= '0' && c <= '9');
      if (alnum || (c < 128 && tokenPunct.indexOf(c) >= 0)) {
        cls |= C_TOKEN;
      }
      if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
        cls |= C_HEADER;
      }
      if (c >= 0x21 && c <= 0x7e && c != '#' && c != '?') {
        cls |= C_URL;
      }
      if (alnum || (c < 128 && userinfoPunct.indexOf(c) >= 0)) {
        cls |= C_USERINFO;
      }
      if (c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5b)
          || (c >= 0x5d && c <= 0x7e) || c >= 0x80) {
        cls |= C_QDTEXT;
      }
      if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
        cls |= C_VCHAR;
      }
      if (alpha) {
        cls |= C_ALPHA;
      }
      CLASS[c] = (byte) cls;
    }
  }

  private static final long UNSIGNED_MAX = -1L;

  /** Eight bytes at a time, for the value scan (llhttp scans values with SIMD). */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * Header names seen on most requests, in the spellings clients send, decoded once: a name with
   * these exact bytes reuses the string (what Node gets is the same text).
   */
  private static final String[] COMMON_NAMES = {
    "Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Connection",
    "Content-Length", "Content-Type", "Cookie", "Cache-Control", "Upgrade", "Origin", "Referer",
    "Authorization", "Transfer-Encoding", "If-None-Match", "If-Modified-Since", "Pragma",
    "Expect", "Keep-Alive", "Range", "Date", "Server", "Set-Cookie", "Location", "Vary",
    "ETag", "Last-Modified", "Content-Encoding", "X-Forwarded-For", "X-Forwarded-Proto",
    "X-Requested-With", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-Fetch-Mode",
    "Sec-Fetch-Site", "Sec-Fetch-Dest", "Upgrade-Insecure-Requests", "DNT", "TE", "Trailer",
    "host", "user-agent", "accept", "accept-encoding", "accept-language", "connection",
    "content-length", "content-type", "cookie", "cache-control", "upgrade", "origin",
    "referer", "authorization", "transfer-encoding", "x-forwarded-for", "x-forwarded-proto",
    "x-request-id", "date", "server", "set-cookie", "location", "vary", "etag", "keep-alive"
  };
  private static final String[] NAME_TABLE = new String[256];
  private static final byte[][] NAME_BYTES = new byte[256][];

  static {
    for (String n : COMMON_NAMES) {
      byte[] b = n.getBytes(StandardCharsets.ISO_8859_1);
      int h = nameHash(b, b.length);
      while (NAME_TABLE[h] != null) {
        h = (h + 1) & 255;
      }
      NAME_TABLE[h] = n;
      NAME_BYTES[h] = b;
    }
  }

  private static int nameHash(byte[] b, int len) {
    return (len * 31 + b[0] * 7 + b[len - 1] + b[len >> 1] * 3) & 255;
  }

  /** The field's bytes as a String, shared for the common names. */
  private static String name(byte[] b, int len) {
    if (len > 0) {
      for (int h = nameHash(b, len); NAME_TABLE[h] != null; h = (h + 1) & 255) {
        byte[] c = NAME_BYTES[h];
        if (c.length == len) {
          int i = 0;
          while (i < len && c[i] == b[i]) {
            i++;
          }
          if (i == len) {
            return NAME_TABLE[h];
          }
        }
      }
    }
    return new String(b, 0, len, StandardCharsets.ISO_8859_1);
  }

  /**
   * The first index from {@code p} whose byte is not plain value text (0x20-0x7E, 0x80-0xFF),
   * eight bytes at a time; the caller goes on byte by byte from there (HTAB included).
   */
  private static int skipPlain(byte[] d, int p, int end) {
    while (end - p >= 8) {
      long x = (long) LONGS.get(d, p);
      long ctl = (x - 0x2020202020202020L) & ~x & HIGHS; // a byte below 0x20
      long del = x ^ 0x7f7f7f7f7f7f7f7fL;
      long isDel = (del - ONES) & ~del & HIGHS; // a byte equal to 0x7F
      if ((ctl | isDel) != 0) {
        break;
      }
      p += 8;
    }
    return p;
  }

  // States: llhttp node names in comments.
  private static final int S_START = 0; // start
  private static final int S_START_REQ_METHOD = 1; // after_start_req (method select)
  private static final int S_REQ_FIRST_SPACE_BEFORE_URL = 2;
  private static final int S_REQ_SPACES_BEFORE_URL = 3;
  private static final int S_URL_START = 4; // url_start
  private static final int S_URL_SCHEMA = 5;
  private static final int S_URL_SCHEMA_DELIM = 6;
  private static final int S_URL_SERVER = 7;
  private static final int S_URL_SERVER_WITH_AT = 8;
  private static final int S_URL_PATH = 9;
  private static final int S_URL_QUERY_OR_FRAGMENT = 10;
  private static final int S_URL_QUERY = 11;
  private static final int S_URL_FRAGMENT = 12;
  private static final int S_URL_SKIP_LF_TO_HTTP09 = 13;
  private static final int S_REQ_HTTP_START = 14;
  private static final int S_REQ_AFTER_HTTP_START = 15; // protocol word
  private static final int S_REQ_AFTER_PROTOCOL = 16;
  private static final int S_REQ_HTTP_MAJOR = 17;
  private static final int S_REQ_HTTP_DOT = 18;
  private static final int S_REQ_HTTP_MINOR = 19;
  private static final int S_REQ_HTTP_COMPLETE = 20;
  private static final int S_REQ_HTTP_COMPLETE_CRLF = 21;
  private static final int S_REQ_PRI_UPGRADE = 22;
  private static final int S_RES_AFTER_START = 23; // protocol word
  private static final int S_RES_AFTER_PROTOCOL = 24;
  private static final int S_RES_HTTP_MAJOR = 25;
  private static final int S_RES_HTTP_DOT = 26;
  private static final int S_RES_HTTP_MINOR = 27;
  private static final int S_RES_AFTER_VERSION = 28;
  private static final int S_RES_STATUS_CODE_DIGIT = 29; // digits 1..3
  private static final int S_RES_STATUS_CODE_OTHERWISE = 30;
  private static final int S_RES_STATUS = 31;
  private static final int S_RES_LINE_ALMOST_DONE = 32;
  private static final int S_HEADERS_START = 33;
  private static final int S_HEADER_FIELD_START = 34;
  private static final int S_HEADER_FIELD = 35; // special-name select
  private static final int S_HEADER_FIELD_COLON = 36;
  private static final int S_HEADER_FIELD_COLON_DISCARD_WS = 37;
  private static final int S_HEADER_FIELD_GENERAL = 38;
  private static final int S_HEADER_VALUE_DISCARD_WS = 39;
  private static final int S_HEADER_VALUE_DISCARD_WS_ALMOST_DONE = 40;
  private static final int S_HEADER_VALUE_DISCARD_LWS = 41;
  private static final int S_HEADER_VALUE_START = 42;
  private static final int S_HEADER_VALUE_TE_CHUNKED = 43;
  private static final int S_HEADER_VALUE_TE_CHUNKED_LAST = 44;
  private static final int S_HEADER_VALUE_TE_TOKEN = 45;
  private static final int S_HEADER_VALUE_TE_TOKEN_OWS = 46;
  private static final int S_HEADER_VALUE_CONTENT_LENGTH = 47;
  private static final int S_HEADER_VALUE_CONTENT_LENGTH_WS = 48;
  private static final int S_HEADER_VALUE_CONNECTION = 49;
  private static final int S_HEADER_VALUE_CONNECTION_WORD = 50; // close/upgrade/keep-alive
  private static final int S_HEADER_VALUE_CONNECTION_WS = 51;
  private static final int S_HEADER_VALUE_CONNECTION_TOKEN = 52;
  private static final int S_HEADER_VALUE = 53;
  private static final int S_HEADER_VALUE_OTHERWISE = 54;
  private static final int S_HEADER_VALUE_LENIENT = 55;
  private static final int S_HEADER_VALUE_ALMOST_DONE = 56;
  private static final int S_HEADER_VALUE_LWS = 57;
  private static final int S_HEADERS_ALMOST_DONE = 58;
  private static final int S_BODY_IDENTITY = 59;
  private static final int S_BODY_IDENTITY_EOF = 60;
  private static final int S_CHUNK_SIZE_DIGIT = 61;
  private static final int S_CHUNK_SIZE = 62;
  private static final int S_CHUNK_SIZE_OTHERWISE = 63;
  private static final int S_CHUNK_EXTENSIONS = 64;
  private static final int S_CHUNK_EXTENSION_NAME = 65;
  private static final int S_CHUNK_EXTENSION_VALUE = 66;
  private static final int S_CHUNK_EXTENSION_QUOTED_VALUE = 67;
  private static final int S_CHUNK_EXTENSION_QUOTED_PAIR = 68;
  private static final int S_CHUNK_EXTENSION_QUOTED_VALUE_DONE = 69;
  private static final int S_CHUNK_SIZE_ALMOST_DONE = 70;
  private static final int S_CHUNK_DATA = 71;
  private static final int S_CHUNK_DATA_ALMOST_DONE = 72;
  private static final int S_CLEANUP = 73; // after an upgrade pause
  private static final int S_CLOSED = 74;
  private static final int S_URL_TO_HTTP = 75; // url's to_http: still a url node
  private static final int S_URL_TO_HTTP09 = 76; // url's to_http_09

  // spans (only one is ever open with Node's callbacks)
  private static final int SPAN_NONE = 0;
  private static final int SPAN_URL = 1;
  private static final int SPAN_STATUS = 2;
  private static final int SPAN_FIELD = 3;
  private static final int SPAN_VALUE = 4;
  private static final int SPAN_BODY = 5;
  private static final int SPAN_EXT = 6;

  private static final byte[] PROTO_HTTP = {'H', 'T', 'T', 'P'};
  private static final byte[] PROTO_RTSP = {'R', 'T', 'S', 'P'};
  private static final byte[] PROTO_ICE = {'I', 'C', 'E'};
  private static final byte[] WORD_CLOSE = {'c', 'l', 'o', 's', 'e'};
  private static final byte[] WORD_UPGRADE = {'u', 'p', 'g', 'r', 'a', 'd', 'e'};
  private static final byte[] WORD_KEEP_ALIVE = {'k', 'e', 'e', 'p', '-', 'a', 'l', 'i', 'v', 'e'};
  private static final byte[] WORD_CHUNKED = {'c', 'h', 'u', 'n', 'k', 'e', 'd'};
  private static final byte[] PRI_PREFACE = "\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final HttpParserCallbacks cb;
  private Type type;
  private int maxHeaderSize;
  private int lenient;

  // llhttp state
  private int state;
  private int flags;
  private int headerState;
  private int method;
  private int httpMajor;
  private int httpMinor;
  private int statusCode;
  private int statusDigits;
  private boolean upgrade;
  private int finish;
  private long contentLength;
  private int trieNode;
  private byte[] seq; // sequence being matched
  private int seqIndex;
  private int seqState; // header state or protocol index the sequence leads to

  private int span;
  private int spanStart;

  // error
  private HttpParseError error;
  private String errCode;
  private String errReason;
  private int errPos;
  private boolean pausedUpgrade;
  private boolean headersCompleted;

  // Node binding state
  private long headerRead;
  private long chunkExtRead;
  private byte[] field = new byte[64];
  private int fieldLen;
  private byte[] value = new byte[256];
  private int valueLen;
  private boolean expectingValue;
  private boolean pairPending;
  private ArrayList<String> headers = new ArrayList<>(16);
  private int lastHeaderCount = 16;
  private byte[] text = new byte[128]; // url or status message
  private int textLen;
  private byte[] scratch;

  /**
   * A parser of {@code type} with Node's defaults: {@code maxHeaderSize} 16384, no lenient flags.
   *
   * @param type requests or responses
   * @param callbacks where events go
   */
  public HttpParser(Type type, HttpParserCallbacks callbacks) {
    this(type, DEFAULT_MAX_HEADER_SIZE, 0, callbacks);
  }

  /**
   * A parser as Node's {@code parser.initialize(type, {}, maxHeaderSize, lenientFlags)} makes it.
   *
   * @param type requests or responses
   * @param maxHeaderSize the head-size limit (0: Node's default, 16384)
   * @param lenientFlags {@code LENIENT_*} bits (Node: {@code kLenientAll} when {@code
   *     insecureHTTPParser}, else none)
   * @param callbacks where events go
   */
  public HttpParser(Type type, int maxHeaderSize, int lenientFlags, HttpParserCallbacks callbacks) {
    this.cb = callbacks;
    initialize(type, maxHeaderSize, lenientFlags);
  }

  /**
   * Resets the parser to parse a new stream (Node's {@code parser.initialize()}, as the parser
   * pool reuses parsers).
   *
   * @param type requests or responses
   * @param maxHeaderSize the head-size limit (0: 16384)
   * @param lenientFlags {@code LENIENT_*} bits
   */
  public void initialize(Type type, int maxHeaderSize, int lenientFlags) {
    this.type = type;
    this.maxHeaderSize = maxHeaderSize <= 0 ? DEFAULT_MAX_HEADER_SIZE : maxHeaderSize;
    this.lenient = lenientFlags;
    state = S_START;
    flags = 0;
    headerState = 0;
    method = 0;
    httpMajor = 0;
    httpMinor = 0;
    statusCode = 0;
    upgrade = false;
    finish = FINISH_SAFE;
    contentLength = 0;
    span = SPAN_NONE;
    error = null;
    pausedUpgrade = false;
    headersCompleted = false;
    headerRead = 0;
    chunkExtRead = 0;
    fieldLen = 0;
    valueLen = 0;
    expectingValue = false;
    pairPending = false;
    headers = new ArrayList<>();
    textLen = 0;
  }

  /**
   * Node's {@code parser.headersCompleted()}: the current message's head is complete (false from
   * a message's first byte until its head ends). The server's {@code headersTimeout} applies
   * while it is false.
   */
  public boolean headersCompleted() {
    return headersCompleted;
  }

  /** llhttp's {@code upgrade} flag: the last head was an upgrade, a CONNECT or a 101. */
  public boolean upgrade() {
    return upgrade;
  }

  /** The error that stopped the parser, or null. */
  public HttpParseError error() {
    return error;
  }

  /**
   * Parses the readable bytes of {@code buf} without moving its reader index (Node's {@code
   * parser.execute(buffer)}). See {@link #execute(byte[], int, int)}.
   *
   * @param buf the input
   * @return bytes parsed, or -1 with {@link #error()} set
   */
  public int execute(ByteBuf buf) {
    int n = buf.readableBytes();
    if (buf.hasArray()) {
      return execute(buf.array(), buf.arrayOffset() + buf.readerIndex(), n);
    }
    if (scratch == null || scratch.length < n) {
      scratch = new byte[Math.max(n, 8192)];
    }
    buf.getBytes(buf.readerIndex(), scratch, 0, n);
    return execute(scratch, 0, n);
  }

  /**
   * Parses {@code len} bytes of {@code data} from {@code off}, calling back as it goes (Node's
   * {@code parser.execute()}).
   *
   * @param data the input
   * @param off where it starts
   * @param len how many bytes
   * @return the bytes parsed: {@code len}, or fewer when the message was an upgrade/CONNECT/101
   *     (the rest belongs to the new protocol: Node's {@code head}); -1 on a parse error, with
   *     {@link #error()} set ({@code bytesParsed} as Node). After an error the parser stays
   *     failed (Node's server destroys the socket). While llhttp's {@code upgrade} flag is set an
   *     error is not reported, as in Node: the call returns the error's position, later calls
   *     return 0.
   */
  public int execute(byte[] data, int off, int len) {
    if (error != null) {
      // llhttp keeps failing with the same error; while the upgrade flag hides it, Node returns
      // its stale error position measured from this input, 0 when the error ended the last one
      return upgrade ? 0 : -1;
    }
    int end = off + len;
    if (span != SPAN_NONE) {
      spanStart = off;
    }
    int stop = run(data, off, end);
    if (stop < 0) {
      // ran to the end: flush an open span with what it has so far
      if (span != SPAN_NONE) {
        if (spanCallback(data, spanStart, end) != 0) {
          errPos = end;
          return fail(off);
        }
      }
      return len;
    }
    if (pausedUpgrade) {
      // llhttp_resume_after_upgrade, as Parser::Execute does
      pausedUpgrade = false;
      return stop - off;
    }
    return fail(off);
  }

  private int fail(int off) {
    if (upgrade) {
      // Parser::Execute reports no error while parser_.upgrade is set
      error = new HttpParseError(errCode, errReason, errPos - off);
      return errPos - off;
    }
    error = new HttpParseError(errCode, errReason, errPos - off);
    return -1;
  }

  /**
   * The end of the input (Node's {@code parser.finish()}, called when the socket ends). Completes
   * a body delimited by the connection's end.
   *
   * @return null, or {@code HPE_INVALID_EOF_STATE} when a message was cut short
   */
  public HttpParseError finish() {
    if (error != null) {
      return null;
    }
    switch (finish) {
      case FINISH_SAFE_WITH_CB:
        onMessageComplete();
        return null;
      case FINISH_SAFE:
        return null;
      default:
        if (upgrade) {
          return null;
        }
        return new HttpParseError("HPE_INVALID_EOF_STATE", "Invalid EOF state", 0);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Error at position {@code pos}; returns the marker the state machine returns. */
  private int err(String code, String reason, int pos) {
    errCode = code;
    errReason = reason;
    errPos = pos;
    return pos;
  }

  private boolean lenient(int flag) {
    return (lenient & flag) != 0;
  }

  private void startSpan(int kind, int p) {
    span = kind;
    spanStart = p;
  }

  /** Ends the open span at {@code p}; nonzero when Node's callback failed. */
  private int endSpan(byte[] data, int p) {
    int s = spanStart;
    int kind = span;
    span = SPAN_NONE;
    return kind == SPAN_NONE ? 0 : spanCallbackOf(kind, data, s, p);
  }

  private int spanCallback(byte[] data, int from, int to) {
    return spanCallbackOf(span, data, from, to);
  }

  private int spanCallbackOf(int kind, byte[] data, int from, int to) {
    int n = to - from;
    switch (kind) {
      case SPAN_URL:
      case SPAN_STATUS:
        if (trackHeader(n) != 0) {
          return 1;
        }
        appendText(data, from, n);
        return 0;
      case SPAN_FIELD:
        if (trackHeader(n) != 0) {
          return 1;
        }
        if (!expectingValue) {
          closePair();
          fieldLen = 0;
          expectingValue = true;
        }
        if (field.length < fieldLen + n) {
          field = grow(field, fieldLen + n);
        }
        System.arraycopy(data, from, field, fieldLen, n);
        fieldLen += n;
        return 0;
      case SPAN_VALUE:
        if (trackHeader(n) != 0) {
          return 1;
        }
        if (expectingValue) {
          valueLen = 0;
          expectingValue = false;
          pairPending = true;
        }
        if (value.length < valueLen + n) {
          value = grow(value, valueLen + n);
        }
        System.arraycopy(data, from, value, valueLen, n);
        valueLen += n;
        return 0;
      case SPAN_BODY:
        if (n > 0) {
          cb.onBody(data, from, n);
        }
        return 0;
      case SPAN_EXT:
        chunkExtRead += n;
        if (chunkExtRead > MAX_CHUNK_EXTENSIONS_SIZE) {
          errCode = "HPE_CHUNK_EXTENSIONS_OVERFLOW";
          errReason = "Chunk extensions overflow";
          return 1;
        }
        return 0;
      default:
        return 0;
    }
  }

  private void appendText(byte[] data, int from, int n) {
    if (text.length < textLen + n) {
      text = grow(text, textLen + n);
    }
    System.arraycopy(data, from, text, textLen, n);
    textLen += n;
  }

  private static byte[] grow(byte[] b, int min) {
    return java.util.Arrays.copyOf(b, Math.max(min, b.length * 2));
  }

  private int trackHeader(int n) {
    headerRead += n;
    if (headerRead >= maxHeaderSize) {
      errCode = "HPE_HEADER_OVERFLOW";
      errReason = "Header overflow";
      return 1;
    }
    return 0;
  }

  private void closePair() {
    if (pairPending) {
      pairPending = false;
      if (headers == null) {
        headers = new ArrayList<>(4);
      }
      headers.add(name(field, fieldLen));
      int n = valueLen;
      while (n > 0 && (value[n - 1] == ' ' || value[n - 1] == '\t')) {
        n--;
      }
      headers.add(new String(value, 0, n, StandardCharsets.ISO_8859_1));
    }
  }

  private void onMessageBegin() {
    headersCompleted = false;
    expectingValue = false;
    pairPending = false;
    chunkExtRead = 0;
    textLen = 0;
    headers = new ArrayList<>(lastHeaderCount);
    cb.onMessageBegin();
  }

  private void onMessageComplete() {
    closePair();
    if (headers != null && !headers.isEmpty()) {
      List<String> trailers = headers;
      headers = null;
      cb.onTrailers(trailers);
    }
    cb.onMessageComplete();
  }

  private boolean needsEof() {
    if (type == Type.REQUEST) {
      return false;
    }
    if (statusCode / 100 == 1 || statusCode == 204 || statusCode == 304
        || (flags & F_SKIPBODY) != 0) {
      return false;
    }
    if ((flags & F_TRANSFER_ENCODING) != 0 && (flags & F_CHUNKED) == 0) {
      return true;
    }
    return (flags & (F_CHUNKED | F_CONTENT_LENGTH)) == 0;
  }

  private boolean shouldKeepAlive() {
    if (httpMajor > 0 && httpMinor > 0) {
      if ((flags & F_CONNECTION_CLOSE) != 0) {
        return false;
      }
    } else if ((flags & F_CONNECTION_KEEP_ALIVE) == 0) {
      return false;
    }
    return !needsEof();
  }

  private void setHeaderFlags() {
    switch (headerState) {
      case HS_CONNECTION_KEEP_ALIVE:
        flags |= F_CONNECTION_KEEP_ALIVE;
        headerState = HS_CONNECTION;
        break;
      case HS_CONNECTION_CLOSE:
        flags |= F_CONNECTION_CLOSE;
        headerState = HS_CONNECTION;
        break;
      case HS_CONNECTION_UPGRADE:
        flags |= F_CONNECTION_UPGRADE;
        headerState = HS_CONNECTION;
        break;
      case HS_TRANSFER_ENCODING_CHUNKED:
        flags |= F_CHUNKED;
        break;
      default:
        break;
    }
  }

  private static boolean versionOk(int major, int minor) {
    return (major == 0 && minor == 9) || (major == 1 && (minor == 0 || minor == 1))
        || (major == 2 && minor == 0);
  }

  /** llhttp's headersCompleted + headers_done: returns the next state, or -1 on error/pause. */
  private int headersComplete(int p) {
    // llhttp__before_headers_complete
    if ((flags & F_UPGRADE) != 0 && (flags & F_CONNECTION_UPGRADE) != 0) {
      upgrade = type == Type.REQUEST || statusCode == 101;
    } else {
      upgrade = method == M_CONNECT;
    }
    // Node's on_headers_complete
    headersCompleted = true;
    headerRead = 0;
    closePair();
    List<String> list = headers;
    lastHeaderCount = Math.min(Math.max(16, list.size()), 256);
    headers = null; // trailers, if any, get their own list
    boolean req = type == Type.REQUEST;
    String url = req ? new String(text, 0, textLen, StandardCharsets.ISO_8859_1) : null;
    String status = req ? null : new String(text, 0, textLen, StandardCharsets.ISO_8859_1);
    int rv = cb.onHeadersComplete(httpMajor, httpMinor, list, req ? METHODS[method] : null, url,
        req ? 0 : statusCode, status, upgrade, shouldKeepAlive());
    if (rv == 1) {
      flags |= F_SKIPBODY;
    } else if (rv == 2) {
      upgrade = true;
      flags |= F_SKIPBODY;
    } else if (rv != 0) {
      err("HPE_CB_HEADERS_COMPLETE", "User callback error", p);
      return -1;
    }
    // llhttp__after_headers_complete
    boolean hasBody = (flags & F_CHUNKED) != 0 || contentLength != 0;
    boolean res = type == Type.RESPONSE;
    if ((upgrade && (method == M_CONNECT || (flags & F_SKIPBODY) != 0 || !hasBody))
        || (res && statusCode == 101)) {
      onMessageComplete();
      err("HPE_PAUSED_UPGRADE", "Pause on CONNECT/Upgrade", p);
      pausedUpgrade = true;
      return -1;
    }
    if (res && statusCode == 100) {
      onMessageComplete();
      return S_CLEANUP;
    }
    if ((flags & F_SKIPBODY) != 0
        || (res && (statusCode == 102 || statusCode == 103 || statusCode == 204
            || statusCode == 304))) {
      onMessageComplete();
      return S_CLEANUP;
    }
    if ((flags & F_CHUNKED) != 0) {
      contentLength = 0;
      return S_CHUNK_SIZE_DIGIT;
    }
    if ((flags & F_TRANSFER_ENCODING) != 0) {
      if (!res && !lenient(LENIENT_CHUNKED_LENGTH) && !lenient(LENIENT_TRANSFER_ENCODING)) {
        err("HPE_INVALID_TRANSFER_ENCODING", "Request has invalid `Transfer-Encoding`", p);
        return -1;
      }
      return S_BODY_IDENTITY_EOF;
    }
    if ((flags & F_CONTENT_LENGTH) == 0) {
      if (!needsEof()) {
        onMessageComplete();
        return S_CLEANUP;
      }
      return S_BODY_IDENTITY_EOF;
    }
    if (contentLength == 0) {
      onMessageComplete();
      return S_CLEANUP;
    }
    return S_BODY_IDENTITY;
  }

  /** message_done: on_message_complete, then the upgrade pause or cleanup. */
  private int messageDone(int p) {
    onMessageComplete();
    if (upgrade) {
      err("HPE_PAUSED_UPGRADE", "Pause on CONNECT/Upgrade", p);
      pausedUpgrade = true;
      state = S_CLEANUP;
      return -1;
    }
    return S_CLEANUP;
  }

  /** cleanup: llhttp__after_message_complete, then restart or closed. */
  private int cleanup() {
    boolean keepAlive = shouldKeepAlive();
    flags = 0;
    finish = FINISH_SAFE;
    if (keepAlive) {
      contentLength = 0;
      return S_START;
    }
    return lenient(LENIENT_KEEP_ALIVE) ? S_START : S_CLOSED;
  }

  /**
   * The state machine. Returns -1 when it ran out of input, else the position it stopped at (an
   * error or the upgrade pause, described by errCode/errReason/errPos).
   */
  @SuppressWarnings("fallthrough")
  private int run(byte[] d, int p, int end) {
    int s = state;
    for (;;) {
      int c;
      switch (s) {
        case S_START: {
          while (p < end && (d[p] == '\r' || d[p] == '\n')) {
            p++;
          }
          if (p == end) {
            state = s;
            return -1;
          }
          finish = FINISH_UNSAFE;
          onMessageBegin();
          if (type == Type.REQUEST) {
            trieNode = 0;
            s = S_START_REQ_METHOD;
          } else {
            seqIndex = 0;
            seq = null;
            s = S_RES_AFTER_START;
          }
          continue;
        }
        case S_START_REQ_METHOD: {
          int node = trieNode;
          for (;;) {
            if (p == end) {
              trieNode = node;
              state = s;
              return -1;
            }
            int next = METHOD_TRIE.step(node, d[p] & 0xff);
            if (next >= 0) {
              p++;
              node = next;
              if (!METHOD_TRIE.hasChildren(node)) {
                break;
              }
              continue;
            }
            if (METHOD_TRIE.value(node) >= 0) {
              break;
            }
            return err("HPE_INVALID_METHOD", "Invalid method encountered", p);
          }
          method = METHOD_TRIE.value(node);
          s = S_REQ_FIRST_SPACE_BEFORE_URL;
          continue;
        }
        case S_REQ_FIRST_SPACE_BEFORE_URL:
          if (p == end) {
            break;
          }
          if (d[p] != ' ') {
            return err("HPE_INVALID_METHOD", "Expected space after method", p);
          }
          p++;
          s = S_REQ_SPACES_BEFORE_URL;
          // fall through
        case S_REQ_SPACES_BEFORE_URL:
          while (p < end && d[p] == ' ') {
            p++;
          }
          if (p == end) {
            s = S_REQ_SPACES_BEFORE_URL;
            break;
          }
          startSpan(SPAN_URL, p);
          s = method == M_CONNECT ? S_URL_SERVER : S_URL_START;
          continue;
        case S_URL_START:
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          if (c == '/' || c == '*') {
            p++;
            s = S_URL_PATH;
            continue;
          }
          if ((CLASS[c] & C_ALPHA) != 0) {
            s = S_URL_SCHEMA;
            continue;
          }
          if (c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f') {
            return err("HPE_INVALID_URL", "Invalid characters in url", p + 1);
          }
          return err("HPE_INVALID_URL", "Unexpected start char in url", p);
        case S_URL_SCHEMA:
          while (p < end && (CLASS[d[p] & 0xff] & C_ALPHA) != 0) {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          if (c == ':') {
            p++;
            seqIndex = 0;
            s = S_URL_SCHEMA_DELIM;
            continue;
          }
          if (c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f') {
            return err("HPE_INVALID_URL", "Invalid characters in url", p + 1);
          }
          return err("HPE_INVALID_URL", "Unexpected char in url schema", p);
        case S_URL_SCHEMA_DELIM:
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          if (c == '/') {
            p++;
            if (++seqIndex == 2) {
              s = S_URL_SERVER;
            }
            continue;
          }
          if (seqIndex == 0 && (c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f')) {
            return err("HPE_INVALID_URL", "Invalid characters in url", p + 1);
          }
          return err("HPE_INVALID_URL", "Unexpected char in url schema", p);
        case S_URL_SERVER:
        case S_URL_SERVER_WITH_AT:
          for (;;) {
            if (p == end) {
              state = s;
              return -1;
            }
            c = d[p] & 0xff;
            if ((CLASS[c] & C_USERINFO) != 0) {
              p++;
              s = S_URL_SERVER;
              continue;
            }
            break;
          }
          if (c == '/') {
            p++;
            s = S_URL_PATH;
            continue;
          }
          if (c == '?') {
            p++;
            s = S_URL_QUERY;
            continue;
          }
          if (c == '@') {
            if (s == S_URL_SERVER_WITH_AT) {
              return err("HPE_INVALID_URL", "Double @ in url", p + 1);
            }
            p++;
            s = S_URL_SERVER_WITH_AT;
            continue;
          }
          if (c == ' ' || c == '\r' || c == '\n') {
            s = urlEnd(d, p, c);
            if (s < 0) {
              return p;
            }
            p++;
            continue;
          }
          if (c == '\t' || c == '\f') {
            return err("HPE_INVALID_URL", "Invalid characters in url", p + 1);
          }
          return err("HPE_INVALID_URL", "Unexpected char in url server", p);
        case S_URL_PATH:
          while (p < end && (CLASS[d[p] & 0xff] & C_URL) != 0) {
            p++;
          }
          if (p == end) {
            break;
          }
          s = S_URL_QUERY_OR_FRAGMENT;
          // fall through
        case S_URL_QUERY_OR_FRAGMENT:
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          if (c == '?') {
            p++;
            s = S_URL_QUERY;
            continue;
          }
          if (c == '#') {
            p++;
            s = S_URL_FRAGMENT;
            continue;
          }
          if (c == ' ' || c == '\r' || c == '\n') {
            s = urlEnd(d, p, c);
            if (s < 0) {
              return p;
            }
            p++;
            continue;
          }
          if (c == '\t' || c == '\f') {
            return err("HPE_INVALID_URL", "Invalid characters in url", p + 1);
          }
          return err("HPE_INVALID_URL", "Invalid char in url path", p);
        case S_URL_QUERY:
          while (p < end && ((CLASS[d[p] & 0xff] & C_URL) != 0 || d[p] == '?')) {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          if (c == '#') {
            p++;
            s = S_URL_FRAGMENT;
            continue;
          }
          if (c == ' ' || c == '\r' || c == '\n') {
            s = urlEnd(d, p, c);
            if (s < 0) {
              return p;
            }
            p++;
            continue;
          }
          if (c == '\t' || c == '\f') {
            return err("HPE_INVALID_URL", "Invalid characters in url", p + 1);
          }
          return err("HPE_INVALID_URL", "Invalid char in url query", p);
        case S_URL_FRAGMENT:
          while (p < end && (c = d[p] & 0xff) >= 0x21 && c <= 0x7e) {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          if (c == ' ' || c == '\r' || c == '\n') {
            s = urlEnd(d, p, c);
            if (s < 0) {
              return p;
            }
            p++;
            continue;
          }
          if (c == '\t' || c == '\f') {
            return err("HPE_INVALID_URL", "Invalid characters in url", p + 1);
          }
          return err("HPE_INVALID_URL", "Invalid char in url fragment start", p);
        case S_URL_SKIP_LF_TO_HTTP09:
          // the '\r' was consumed; expect '\n'
          if (p == end) {
            break;
          }
          if (d[p] != '\n') {
            return err("HPE_INVALID_URL", "Expected CRLF", p);
          }
          p++;
          s = S_URL_TO_HTTP09;
          continue;
        case S_URL_TO_HTTP:
        case S_URL_TO_HTTP09:
          // llhttp's url nodes all reject HTAB and FF, these exits included
          if (p == end) {
            break;
          }
          if (d[p] == '\t' || d[p] == '\f') {
            return err("HPE_INVALID_URL", "Invalid characters in url", p + 1);
          }
          if (s == S_URL_TO_HTTP) {
            s = S_REQ_HTTP_START;
          } else {
            httpMajor = 0;
            httpMinor = 9;
            s = S_HEADERS_START;
          }
          continue;
        case S_REQ_HTTP_START:
          while (p < end && d[p] == ' ') {
            p++;
          }
          if (p == end) {
            break;
          }
          seq = null;
          seqIndex = 0;
          s = S_REQ_AFTER_HTTP_START;
          // fall through
        case S_REQ_AFTER_HTTP_START:
        case S_RES_AFTER_START: {
          boolean reqSide = s == S_REQ_AFTER_HTTP_START;
          for (;;) {
            if (p == end) {
              state = s;
              return -1;
            }
            c = d[p] & 0xff;
            if (seq == null) {
              seq = c == 'H' ? PROTO_HTTP : c == 'R' ? PROTO_RTSP : c == 'I' ? PROTO_ICE : null;
              if (seq == null) {
                return err("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/", p);
              }
              seqIndex = 1;
              p++;
            } else if (c == seq[seqIndex]) {
              p++;
              seqIndex++;
            } else {
              return err("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/", p);
            }
            if (seqIndex == seq.length) {
              break;
            }
          }
          byte[] proto = seq;
          seq = null;
          if (reqSide) {
            if (proto == PROTO_HTTP) {
              if (!HTTP_METHOD[method]) {
                return err("HPE_INVALID_CONSTANT", "Invalid method for HTTP/x.x request", p);
              }
            } else if (proto == PROTO_RTSP) {
              if (!RTSP_METHOD[method]) {
                return err("HPE_INVALID_CONSTANT", "Invalid method for RTSP/x.x request", p);
              }
            } else if (method != M_SOURCE) {
              return err("HPE_INVALID_CONSTANT", "Expected SOURCE method for ICE/x.x request",
                  p);
            }
            s = S_REQ_AFTER_PROTOCOL;
          } else {
            s = S_RES_AFTER_PROTOCOL;
          }
          continue;
        }
        case S_REQ_AFTER_PROTOCOL:
        case S_RES_AFTER_PROTOCOL:
          if (p == end) {
            break;
          }
          if (d[p] != '/') {
            return err("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/", p);
          }
          p++;
          s = s == S_REQ_AFTER_PROTOCOL ? S_REQ_HTTP_MAJOR : S_RES_HTTP_MAJOR;
          continue;
        case S_REQ_HTTP_MAJOR:
        case S_RES_HTTP_MAJOR:
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          if (c < '0' || c > '9') {
            return err("HPE_INVALID_VERSION", "Invalid major version", p);
          }
          httpMajor = c - '0';
          p++;
          s = s == S_REQ_HTTP_MAJOR ? S_REQ_HTTP_DOT : S_RES_HTTP_DOT;
          continue;
        case S_REQ_HTTP_DOT:
        case S_RES_HTTP_DOT:
          if (p == end) {
            break;
          }
          if (d[p] != '.') {
            return err("HPE_INVALID_VERSION", "Expected dot", p);
          }
          p++;
          s = s == S_REQ_HTTP_DOT ? S_REQ_HTTP_MINOR : S_RES_HTTP_MINOR;
          continue;
        case S_REQ_HTTP_MINOR:
        case S_RES_HTTP_MINOR:
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          if (c < '0' || c > '9') {
            return err("HPE_INVALID_VERSION", "Invalid minor version", p);
          }
          httpMinor = c - '0';
          p++;
          if (!lenient(LENIENT_VERSION) && !versionOk(httpMajor, httpMinor)) {
            return err("HPE_INVALID_VERSION", "Invalid HTTP version", p);
          }
          if (s == S_RES_HTTP_MINOR) {
            s = S_RES_AFTER_VERSION;
          } else if (method == M_PRI) {
            seqIndex = 0;
            s = S_REQ_PRI_UPGRADE;
          } else {
            s = S_REQ_HTTP_COMPLETE;
          }
          continue;
        case S_REQ_HTTP_COMPLETE:
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == '\r') {
            p++;
            s = S_REQ_HTTP_COMPLETE_CRLF;
            continue;
          }
          if (c == '\n') {
            if (lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              p++;
              s = S_REQ_HTTP_COMPLETE_CRLF;
              continue;
            }
            return err("HPE_INVALID_VERSION", "Expected CRLF after version", p + 1);
          }
          return err("HPE_INVALID_VERSION", "Expected CRLF after version", p);
        case S_REQ_HTTP_COMPLETE_CRLF:
          if (p == end) {
            break;
          }
          if (d[p] == '\n') {
            p++;
          } else if (!lenient(LENIENT_OPTIONAL_LF_AFTER_CR)) {
            return err("HPE_STRICT", "Expected CRLF after version", p);
          }
          s = S_HEADERS_START;
          continue;
        case S_REQ_PRI_UPGRADE:
          for (;;) {
            if (p == end) {
              state = s;
              return -1;
            }
            if (d[p] != PRI_PREFACE[seqIndex]) {
              return err("HPE_INVALID_VERSION", "Expected HTTP/2 Connection Preface", p);
            }
            p++;
            if (++seqIndex == PRI_PREFACE.length) {
              return err("HPE_PAUSED_H2_UPGRADE", "Pause on PRI/Upgrade", p);
            }
          }
        case S_RES_AFTER_VERSION:
          if (p == end) {
            break;
          }
          if (d[p] != ' ') {
            return err("HPE_INVALID_VERSION", "Expected space after version", p);
          }
          p++;
          statusCode = 0;
          statusDigits = 0;
          s = S_RES_STATUS_CODE_DIGIT;
          continue;
        case S_RES_STATUS_CODE_DIGIT:
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          if (c < '0' || c > '9') {
            return err("HPE_INVALID_STATUS", "Invalid status code", p);
          }
          p++;
          statusCode = statusCode * 10 + (c - '0');
          if (++statusDigits == 3) {
            s = S_RES_STATUS_CODE_OTHERWISE;
          }
          continue;
        case S_RES_STATUS_CODE_OTHERWISE:
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == ' ') {
            p++;
            startSpan(SPAN_STATUS, p);
            s = S_RES_STATUS;
            continue;
          }
          if (c == '\r') {
            p++;
            s = S_RES_LINE_ALMOST_DONE;
            continue;
          }
          if (c == '\n') {
            if (lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              p++;
              s = S_HEADERS_START;
              continue;
            }
            return err("HPE_INVALID_STATUS", "Invalid response status", p + 1);
          }
          return err("HPE_INVALID_STATUS", "Invalid response status", p);
        case S_RES_STATUS:
          while (p < end && (c = d[p]) != '\r' && c != '\n') {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p];
          if (endSpan(d, p) != 0) {
            errPos = p + 1;
            return p;
          }
          p++;
          if (c == '\r') {
            s = S_RES_LINE_ALMOST_DONE;
            continue;
          }
          if (lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
            s = S_HEADERS_START;
            continue;
          }
          return err("HPE_CR_EXPECTED", "Missing expected CR after response line", p);
        case S_RES_LINE_ALMOST_DONE:
          if (p == end) {
            break;
          }
          if (d[p] == '\n' || d[p] == '\r') {
            // llhttp 9.3 takes a second CR for the LF here
            p++;
          } else if (!lenient(LENIENT_OPTIONAL_LF_AFTER_CR)) {
            return err("HPE_STRICT", "Expected LF after CR", p);
          }
          s = S_HEADERS_START;
          continue;

        // ---- headers ----
        case S_HEADERS_START:
          if (p == end) {
            break;
          }
          if (d[p] == ' ') {
            if (!lenient(LENIENT_HEADERS)) {
              return err("HPE_UNEXPECTED_SPACE", "Unexpected space after start line", p + 1);
            }
            p++;
          }
          s = S_HEADER_FIELD_START;
          // fall through
        case S_HEADER_FIELD_START:
          if (p == end) {
            s = S_HEADER_FIELD_START;
            break;
          }
          c = d[p];
          if (c == '\r') {
            p++;
            s = S_HEADERS_ALMOST_DONE;
            continue;
          }
          if (c == '\n') {
            if (!lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              return err("HPE_INVALID_HEADER_TOKEN", "Invalid header field char", p + 1);
            }
            p++;
            s = checkTrailing(p);
            if (s < 0) {
              return p;
            }
            continue;
          }
          if (c == ':') {
            return err("HPE_INVALID_HEADER_TOKEN", "Invalid header token", p);
          }
          startSpan(SPAN_FIELD, p);
          trieNode = 0;
          s = S_HEADER_FIELD;
          // fall through
        case S_HEADER_FIELD: {
          int node = trieNode;
          boolean matched = false;
          for (;;) {
            if (p == end) {
              trieNode = node;
              state = s;
              return -1;
            }
            c = d[p] & 0xff;
            int lower = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
            int next = SPECIAL_HEADER_TRIE.step(node, lower);
            if (next < 0) {
              break;
            }
            p++;
            node = next;
            if (SPECIAL_HEADER_TRIE.value(node) >= 0) {
              headerState = SPECIAL_HEADER_TRIE.value(node);
              matched = true;
              break;
            }
          }
          if (matched) {
            s = S_HEADER_FIELD_COLON;
          } else {
            headerState = HS_GENERAL;
            s = S_HEADER_FIELD_GENERAL;
          }
          continue;
        }
        case S_HEADER_FIELD_COLON:
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == ' ') {
            if (lenient(LENIENT_HEADERS)) {
              p++;
              s = S_HEADER_FIELD_COLON_DISCARD_WS;
              continue;
            }
            if (endSpan(d, p) != 0) {
              errPos = p + 1;
              return p;
            }
            return err("HPE_INVALID_HEADER_TOKEN", "Invalid header field char", p + 1);
          }
          if (c == ':') {
            s = headerFieldComplete(d, p);
            if (s < 0) {
              return p;
            }
            p++;
            continue;
          }
          headerState = HS_GENERAL;
          s = S_HEADER_FIELD_GENERAL;
          continue;
        case S_HEADER_FIELD_COLON_DISCARD_WS:
          while (p < end && d[p] == ' ') {
            p++;
          }
          if (p == end) {
            break;
          }
          s = S_HEADER_FIELD_COLON;
          continue;
        case S_HEADER_FIELD_GENERAL:
          while (p < end && (CLASS[d[p] & 0xff] & C_TOKEN) != 0) {
            p++;
          }
          if (p == end) {
            break;
          }
          if (d[p] != ':') {
            return err("HPE_INVALID_HEADER_TOKEN", "Invalid header token", p);
          }
          s = headerFieldComplete(d, p);
          if (s < 0) {
            return p;
          }
          p++;
          continue;

        case S_HEADER_VALUE_DISCARD_WS:
          while (p < end && (d[p] == ' ' || d[p] == '\t')) {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == '\r') {
            p++;
            s = S_HEADER_VALUE_DISCARD_WS_ALMOST_DONE;
            continue;
          }
          if (c == '\n') {
            if (!lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              return err("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", p + 1);
            }
            p++;
            s = S_HEADER_VALUE_DISCARD_LWS;
            continue;
          }
          startSpan(SPAN_VALUE, p);
          s = S_HEADER_VALUE_START;
          continue;
        case S_HEADER_VALUE_DISCARD_WS_ALMOST_DONE:
          if (p == end) {
            break;
          }
          if (d[p] == '\n') {
            p++;
          } else if (!lenient(LENIENT_HEADERS)) {
            return err("HPE_STRICT", "Expected LF after CR", p);
          }
          s = S_HEADER_VALUE_DISCARD_LWS;
          continue;
        case S_HEADER_VALUE_DISCARD_LWS:
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == ' ' || c == '\t') {
            if (!lenient(LENIENT_HEADERS)) {
              return err("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", p + 1);
            }
            p++;
            s = S_HEADER_VALUE_DISCARD_WS;
            continue;
          }
          if (headerState == HS_CONTENT_LENGTH) {
            return err("HPE_INVALID_CONTENT_LENGTH", "Empty Content-Length", p);
          }
          setHeaderFlags();
          startSpan(SPAN_VALUE, p);
          if (endSpan(d, p) != 0) {
            errPos = p;
            return p;
          }
          s = S_HEADER_FIELD_START;
          continue;
        case S_HEADER_VALUE_START:
          switch (headerState) {
            case HS_UPGRADE:
              flags |= F_UPGRADE;
              headerState = HS_GENERAL;
              s = S_HEADER_VALUE;
              continue;
            case HS_TRANSFER_ENCODING:
              if ((flags & F_CHUNKED) != 0 && type == Type.REQUEST
                  && !lenient(LENIENT_TRANSFER_ENCODING)) {
                if (p == end) {
                  break; // the span end below needs the byte it skips
                }
                if (endSpan(d, p) != 0) {
                  errPos = p + 1;
                  return p;
                }
                return err("HPE_INVALID_TRANSFER_ENCODING",
                    "Invalid `Transfer-Encoding` header value", p + 1);
              }
              flags |= F_TRANSFER_ENCODING;
              flags &= ~F_CHUNKED;
              seqIndex = 0;
              s = S_HEADER_VALUE_TE_CHUNKED;
              continue;
            case HS_CONTENT_LENGTH:
              if ((flags & F_CONTENT_LENGTH) != 0) {
                return err("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", p);
              }
              s = S_HEADER_VALUE_CONTENT_LENGTH;
              continue;
            case HS_CONNECTION:
              s = S_HEADER_VALUE_CONNECTION;
              continue;
            default:
              s = S_HEADER_VALUE;
              continue;
          }
          break;
        case S_HEADER_VALUE_TE_CHUNKED:
          for (;;) {
            if (p == end) {
              state = s;
              return -1;
            }
            if ((d[p] | 0x20) != WORD_CHUNKED[seqIndex]) {
              break;
            }
            p++;
            if (++seqIndex == WORD_CHUNKED.length) {
              break;
            }
          }
          s = seqIndex == WORD_CHUNKED.length
              ? S_HEADER_VALUE_TE_CHUNKED_LAST : S_HEADER_VALUE_TE_TOKEN;
          continue;
        case S_HEADER_VALUE_TE_CHUNKED_LAST:
          while (p < end && d[p] == ' ') {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == '\r' || c == '\n') {
            headerState = HS_TRANSFER_ENCODING_CHUNKED;
            s = S_HEADER_VALUE_OTHERWISE;
            continue;
          }
          if (c == ',') {
            if (type == Type.REQUEST && !lenient(LENIENT_TRANSFER_ENCODING)) {
              if (endSpan(d, p) != 0) {
                errPos = p + 1;
                return p;
              }
              return err("HPE_INVALID_TRANSFER_ENCODING",
                  "Invalid `Transfer-Encoding` header value", p + 1);
            }
            seqIndex = 0;
            s = S_HEADER_VALUE_TE_CHUNKED;
            continue;
          }
          s = S_HEADER_VALUE_TE_TOKEN;
          continue;
        case S_HEADER_VALUE_TE_TOKEN:
          while (p < end && (c = d[p] & 0xff) != ',' && (CLASS[c] & C_HEADER) != 0) {
            p++;
          }
          if (p == end) {
            break;
          }
          if (d[p] == ',') {
            p++;
            s = S_HEADER_VALUE_TE_TOKEN_OWS;
            continue;
          }
          headerState = HS_GENERAL;
          s = S_HEADER_VALUE;
          continue;
        case S_HEADER_VALUE_TE_TOKEN_OWS:
          while (p < end && (d[p] == ' ' || d[p] == '\t')) {
            p++;
          }
          if (p == end) {
            break;
          }
          seqIndex = 0;
          s = S_HEADER_VALUE_TE_CHUNKED;
          continue;
        case S_HEADER_VALUE_CONTENT_LENGTH:
          for (;;) {
            if (p == end) {
              state = s;
              return -1;
            }
            c = d[p] - '0';
            if (c < 0 || c > 9) {
              break;
            }
            p++;
            long cl = contentLength;
            if (Long.compareUnsigned(cl, Long.divideUnsigned(UNSIGNED_MAX, 10)) > 0) {
              return clOverflow(d, p);
            }
            cl *= 10;
            if (Long.compareUnsigned(cl, UNSIGNED_MAX - c) > 0) {
              return clOverflow(d, p);
            }
            contentLength = cl + c;
          }
          s = S_HEADER_VALUE_CONTENT_LENGTH_WS;
          // fall through
        case S_HEADER_VALUE_CONTENT_LENGTH_WS:
          // llhttp 9.3: spaces only (a tab is an invalid character here)
          while (p < end && d[p] == ' ') {
            p++;
          }
          if (p == end) {
            s = S_HEADER_VALUE_CONTENT_LENGTH_WS;
            break;
          }
          c = d[p];
          if (c == '\r' || c == '\n') {
            flags |= F_CONTENT_LENGTH;
            s = S_HEADER_VALUE_OTHERWISE;
            continue;
          }
          if (endSpan(d, p) != 0) {
            errPos = p;
            return p;
          }
          return err("HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", p);
        case S_HEADER_VALUE_CONNECTION:
          while (p < end && (d[p] == ' ' || d[p] == '\t')) {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p] & 0xff;
          c = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
          if (c == 'c' || c == 'u' || c == 'k') {
            seq = c == 'c' ? WORD_CLOSE : c == 'u' ? WORD_UPGRADE : WORD_KEEP_ALIVE;
            seqIndex = 1;
            p++;
            s = S_HEADER_VALUE_CONNECTION_WORD;
            continue;
          }
          s = S_HEADER_VALUE_CONNECTION_TOKEN;
          continue;
        case S_HEADER_VALUE_CONNECTION_WORD:
          for (;;) {
            if (p == end) {
              state = s;
              return -1;
            }
            c = d[p] & 0xff;
            c = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
            if (c != seq[seqIndex]) {
              break;
            }
            p++;
            if (++seqIndex == seq.length) {
              break;
            }
          }
          if (seqIndex == seq.length) {
            headerState = seq == WORD_CLOSE ? HS_CONNECTION_CLOSE
                : seq == WORD_UPGRADE ? HS_CONNECTION_UPGRADE : HS_CONNECTION_KEEP_ALIVE;
            s = S_HEADER_VALUE_CONNECTION_WS;
          } else {
            s = S_HEADER_VALUE_CONNECTION_TOKEN;
          }
          seq = null;
          continue;
        case S_HEADER_VALUE_CONNECTION_WS:
          // llhttp 9.3: spaces only after a token (a tab makes the value a general token)
          while (p < end && d[p] == ' ') {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == ',') {
            setHeaderFlags();
            p++;
            s = S_HEADER_VALUE_CONNECTION;
            continue;
          }
          if (c == '\r' || c == '\n') {
            s = S_HEADER_VALUE_OTHERWISE;
            continue;
          }
          headerState = HS_GENERAL;
          s = S_HEADER_VALUE_CONNECTION_TOKEN;
          continue;
        case S_HEADER_VALUE_CONNECTION_TOKEN:
          while (p < end && (c = d[p] & 0xff) != ',' && (CLASS[c] & C_HEADER) != 0) {
            p++;
          }
          if (p == end) {
            break;
          }
          if (d[p] == ',') {
            p++;
            s = S_HEADER_VALUE_CONNECTION;
            continue;
          }
          s = S_HEADER_VALUE_OTHERWISE;
          continue;
        case S_HEADER_VALUE:
          p = skipPlain(d, p, end);
          while (p < end && (CLASS[d[p] & 0xff] & C_HEADER) != 0) {
            p++;
          }
          if (p == end) {
            break;
          }
          s = S_HEADER_VALUE_OTHERWISE;
          // fall through
        case S_HEADER_VALUE_OTHERWISE:
          if (p == end) {
            s = S_HEADER_VALUE_OTHERWISE;
            break;
          }
          c = d[p];
          if (c == '\r') {
            if (endSpan(d, p) != 0) {
              errPos = p + 1;
              return p;
            }
            p++;
            s = S_HEADER_VALUE_ALMOST_DONE;
            continue;
          }
          if (c == '\n') {
            if (endSpan(d, p) != 0) {
              errPos = p;
              return p;
            }
            if (!lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              return err("HPE_CR_EXPECTED", "Missing expected CR after header value", p);
            }
            s = S_HEADER_VALUE_ALMOST_DONE;
            continue;
          }
          if (lenient(LENIENT_HEADERS)) {
            s = S_HEADER_VALUE_LENIENT;
            continue;
          }
          if (endSpan(d, p) != 0) {
            errPos = p;
            return p;
          }
          return err("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", p);
        case S_HEADER_VALUE_LENIENT:
          while (p < end && (c = d[p]) != '\r' && c != '\n') {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == '\r') {
            if (endSpan(d, p) != 0) {
              errPos = p + 1;
              return p;
            }
            p++;
          } else if (endSpan(d, p) != 0) {
            errPos = p;
            return p;
          }
          s = S_HEADER_VALUE_ALMOST_DONE;
          continue;
        case S_HEADER_VALUE_ALMOST_DONE:
          if (p == end) {
            break;
          }
          if (d[p] != '\n') {
            return err("HPE_LF_EXPECTED", "Missing expected LF after header value", p);
          }
          p++;
          s = S_HEADER_VALUE_LWS;
          // fall through
        case S_HEADER_VALUE_LWS:
          if (p == end) {
            s = S_HEADER_VALUE_LWS;
            break;
          }
          c = d[p];
          if (c == ' ' || c == '\t') {
            if (!lenient(LENIENT_HEADERS)) {
              return err("HPE_INVALID_HEADER_TOKEN", "Unexpected whitespace after header value",
                  p);
            }
            if (headerState == HS_TRANSFER_ENCODING_CHUNKED) {
              headerState = HS_GENERAL;
            }
            startSpan(SPAN_VALUE, p);
            s = S_HEADER_VALUE_START;
            continue;
          }
          setHeaderFlags();
          s = S_HEADER_FIELD_START;
          continue;
        case S_HEADERS_ALMOST_DONE:
          if (p == end) {
            break;
          }
          if (d[p] == '\n') {
            p++;
          } else if (!lenient(LENIENT_OPTIONAL_LF_AFTER_CR)) {
            return err("HPE_STRICT", "Expected LF after headers", p);
          }
          s = checkTrailing(p);
          if (s < 0) {
            return p;
          }
          continue;

        // ---- bodies ----
        case S_BODY_IDENTITY:
        case S_CHUNK_DATA: {
          if (span != SPAN_BODY) {
            startSpan(SPAN_BODY, p);
          }
          if (p == end) {
            break;
          }
          long avail = end - p;
          if (Long.compareUnsigned(avail, contentLength) >= 0) {
            p += (int) contentLength;
            contentLength = 0;
            endSpan(d, p);
            if (s == S_CHUNK_DATA) {
              seqIndex = 0;
              s = S_CHUNK_DATA_ALMOST_DONE;
              continue;
            }
            s = messageDone(p);
            if (s < 0) {
              return p;
            }
            continue;
          }
          contentLength -= avail;
          p = end;
          break;
        }
        case S_BODY_IDENTITY_EOF:
          finish = FINISH_SAFE_WITH_CB;
          if (span != SPAN_BODY) {
            startSpan(SPAN_BODY, p);
          }
          p = end;
          break;
        case S_CHUNK_SIZE_DIGIT:
          if (p == end) {
            break;
          }
          c = hex(d[p]);
          if (c < 0) {
            return err("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", p);
          }
          s = S_CHUNK_SIZE;
          // fall through
        case S_CHUNK_SIZE:
          for (;;) {
            if (p == end) {
              state = S_CHUNK_SIZE;
              return -1;
            }
            c = hex(d[p]);
            if (c < 0) {
              break;
            }
            p++;
            if (Long.compareUnsigned(contentLength, UNSIGNED_MAX >>> 4) > 0) {
              return err("HPE_INVALID_CHUNK_SIZE", "Chunk size overflow", p);
            }
            contentLength = (contentLength << 4) + c;
          }
          s = S_CHUNK_SIZE_OTHERWISE;
          // fall through
        case S_CHUNK_SIZE_OTHERWISE:
          if (p == end) {
            s = S_CHUNK_SIZE_OTHERWISE;
            break;
          }
          c = d[p];
          if (c == ' ' || c == '\t') {
            if (!lenient(LENIENT_SPACES_AFTER_CHUNK_SIZE)) {
              return err("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", p + 1);
            }
            p++;
            continue;
          }
          if (c == '\r') {
            p++;
            s = S_CHUNK_SIZE_ALMOST_DONE;
            continue;
          }
          if (c == '\n') {
            if (!lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              return err("HPE_CR_EXPECTED", "Missing expected CR after chunk size", p + 1);
            }
            p++;
            s = S_CHUNK_SIZE_ALMOST_DONE;
            continue;
          }
          if (c == ';') {
            p++;
            s = S_CHUNK_EXTENSIONS;
            continue;
          }
          return err("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", p);
        case S_CHUNK_EXTENSIONS:
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == ' ' || c == '\r') {
            return err("HPE_STRICT", "Invalid character in chunk extensions", p + 1);
          }
          startSpan(SPAN_EXT, p);
          s = S_CHUNK_EXTENSION_NAME;
          // fall through
        case S_CHUNK_EXTENSION_NAME:
          while (p < end && (CLASS[d[p] & 0xff] & C_TOKEN) != 0) {
            p++;
          }
          if (p == end) {
            s = S_CHUNK_EXTENSION_NAME;
            break;
          }
          c = d[p];
          if (c == '=' || c == ';' || c == '\r') {
            if (endSpan(d, p) != 0) {
              errPos = p + 1;
              return p;
            }
            p++;
            if (c == '=') {
              startSpan(SPAN_EXT, p);
              s = S_CHUNK_EXTENSION_VALUE;
            } else {
              s = c == ';' ? S_CHUNK_EXTENSIONS : S_CHUNK_SIZE_ALMOST_DONE;
            }
            continue;
          }
          if (c == '\n') {
            if (endSpan(d, p) != 0) {
              errPos = p;
              return p;
            }
            if (!lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              return err("HPE_CR_EXPECTED", "Missing expected CR after chunk extension name", p);
            }
            s = S_CHUNK_SIZE_ALMOST_DONE;
            continue;
          }
          if (endSpan(d, p) != 0) {
            errPos = p + 1;
            return p;
          }
          return err("HPE_STRICT", "Invalid character in chunk extensions name", p + 1);
        case S_CHUNK_EXTENSION_VALUE:
          while (p < end && (CLASS[d[p] & 0xff] & C_TOKEN) != 0) {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == '"') {
            p++;
            s = S_CHUNK_EXTENSION_QUOTED_VALUE;
            continue;
          }
          if (c == ';' || c == '\r') {
            if (endSpan(d, p) != 0) {
              errPos = p + 1;
              return p;
            }
            p++;
            s = c == ';' ? S_CHUNK_EXTENSIONS : S_CHUNK_SIZE_ALMOST_DONE;
            continue;
          }
          if (c == '\n') {
            if (endSpan(d, p) != 0) {
              errPos = p;
              return p;
            }
            if (!lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              return err("HPE_CR_EXPECTED", "Missing expected CR after chunk extension value",
                  p);
            }
            s = S_CHUNK_SIZE_ALMOST_DONE;
            continue;
          }
          if (endSpan(d, p) != 0) {
            errPos = p + 1;
            return p;
          }
          return err("HPE_STRICT", "Invalid character in chunk extensions value", p + 1);
        case S_CHUNK_EXTENSION_QUOTED_VALUE:
          while (p < end && (c = d[p] & 0xff) != '"' && c != '\\'
              && (CLASS[c] & C_QDTEXT) != 0) {
            p++;
          }
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == '"') {
            p++;
            if (endSpan(d, p) != 0) {
              errPos = p;
              return p;
            }
            s = S_CHUNK_EXTENSION_QUOTED_VALUE_DONE;
            continue;
          }
          if (c == '\\') {
            p++;
            s = S_CHUNK_EXTENSION_QUOTED_PAIR;
            continue;
          }
          if (endSpan(d, p) != 0) {
            errPos = p + 1;
            return p;
          }
          return err("HPE_STRICT", "Invalid character in chunk extensions quoted value", p + 1);
        case S_CHUNK_EXTENSION_QUOTED_PAIR:
          if (p == end) {
            break;
          }
          if ((CLASS[d[p] & 0xff] & C_VCHAR) == 0) {
            if (endSpan(d, p) != 0) {
              errPos = p + 1;
              return p;
            }
            return err("HPE_STRICT", "Invalid quoted-pair in chunk extensions quoted value",
                p + 1);
          }
          p++;
          s = S_CHUNK_EXTENSION_QUOTED_VALUE;
          continue;
        case S_CHUNK_EXTENSION_QUOTED_VALUE_DONE:
          if (p == end) {
            break;
          }
          c = d[p];
          if (c == ';') {
            p++;
            s = S_CHUNK_EXTENSIONS;
            continue;
          }
          if (c == '\r') {
            p++;
            s = S_CHUNK_SIZE_ALMOST_DONE;
            continue;
          }
          if (c == '\n') {
            if (!lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              return err("HPE_CR_EXPECTED", "Missing expected CR after chunk extension value",
                  p);
            }
            s = S_CHUNK_SIZE_ALMOST_DONE;
            continue;
          }
          return err("HPE_STRICT", "Invalid character in chunk extensions quote value", p);
        case S_CHUNK_SIZE_ALMOST_DONE:
          if (p == end) {
            break;
          }
          if (d[p] == '\n') {
            p++;
          } else if (!lenient(LENIENT_OPTIONAL_LF_AFTER_CR)) {
            return err("HPE_STRICT", "Expected LF after chunk size", p);
          }
          // chunk_size_almost_done_lf: Node's on_chunk_header resets its counters
          headerRead = 0;
          chunkExtRead = 0;
          cb.onChunkHeader(contentLength);
          if (contentLength == 0) {
            flags |= F_TRAILING;
            s = S_HEADER_FIELD_START;
          } else {
            s = S_CHUNK_DATA;
          }
          continue;
        case S_CHUNK_DATA_ALMOST_DONE:
          if (p == end) {
            break;
          }
          c = d[p];
          if (seqIndex == 0 && c == '\r') {
            p++;
            seqIndex = 1;
            continue;
          }
          if (seqIndex == 1 && c == '\n') {
            p++;
          } else if (seqIndex == 0 && c == '\n') {
            if (!lenient(LENIENT_OPTIONAL_CR_BEFORE_LF)) {
              return err("HPE_CR_EXPECTED", "Missing expected CR after chunk data", p + 1);
            }
            p++;
          } else if (!lenient(LENIENT_OPTIONAL_CRLF_AFTER_CHUNK)) {
            return err("HPE_STRICT", "Expected LF after chunk data", p);
          }
          // chunk_complete
          headerRead = 0;
          cb.onChunkComplete();
          contentLength = 0;
          s = S_CHUNK_SIZE_DIGIT;
          continue;
        case S_CLEANUP:
          s = cleanup();
          continue;
        case S_CLOSED:
          while (p < end && (d[p] == '\r' || d[p] == '\n')) {
            p++;
          }
          if (p == end) {
            break;
          }
          p++;
          if (!lenient(LENIENT_DATA_AFTER_CLOSE)) {
            return err("HPE_CLOSED_CONNECTION", "Data after `Connection: close`", p);
          }
          continue;
        default:
          throw new IllegalStateException("state " + s);
      }
      // out of input
      state = s;
      return -1;
    }
  }

  private static int hex(int b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    int l = b | 0x20;
    if (l >= 'a' && l <= 'f') {
      return l - 'a' + 10;
    }
    return -1;
  }

  private int clOverflow(byte[] d, int p) {
    if (endSpan(d, p) != 0) {
      errPos = p;
      return p;
    }
    return err("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow", p);
  }

  /** The url ends at {@code p} (a space, CR or LF, not yet consumed): the next state, or -1. */
  private int urlEnd(byte[] d, int p, int c) {
    if (endSpan(d, p) != 0) {
      errPos = p;
      return -1;
    }
    if (c == ' ') {
      return S_URL_TO_HTTP;
    }
    if (c == '\r') {
      return S_URL_SKIP_LF_TO_HTTP09;
    }
    return S_URL_TO_HTTP09;
  }

  /** on_header_field_complete at the colon (not yet consumed): the next state, or -1. */
  private int headerFieldComplete(byte[] d, int p) {
    if (endSpan(d, p) != 0) {
      errPos = p + 1;
      return -1;
    }
    if (headerState == HS_TRANSFER_ENCODING && (flags & F_CONTENT_LENGTH) != 0
        && !lenient(LENIENT_CHUNKED_LENGTH)) {
      err("HPE_INVALID_TRANSFER_ENCODING",
          "Transfer-Encoding can't be present with Content-Length", p + 1);
      return -1;
    }
    if (headerState == HS_CONTENT_LENGTH && (flags & F_TRANSFER_ENCODING) != 0
        && !lenient(LENIENT_CHUNKED_LENGTH)) {
      err("HPE_INVALID_CONTENT_LENGTH",
          "Content-Length can't be present with Transfer-Encoding", p + 1);
      return -1;
    }
    return S_HEADER_VALUE_DISCARD_WS;
  }

  /** The blank line after headers or trailers: the next state, or -1 (error/pause). */
  private int checkTrailing(int p) {
    if ((flags & F_TRAILING) != 0) {
      headerRead = 0;
      cb.onChunkComplete();
      int n = messageDone(p);
      return n;
    }
    int n = headersComplete(p);
    if (n < 0 && pausedUpgrade) {
      state = S_CLEANUP;
    }
    return n;
  }
}
