package dev.nodus.internal.http;

import java.util.List;

/**
 * What {@link HttpParser} reports, in the order Node's {@code HTTPParser} binding
 * ({@code src/node_http_parser.cc}) calls its JavaScript hooks: {@code kOnMessageBegin},
 * {@code kOnHeadersComplete}, {@code kOnBody}, {@code kOnHeaders} (trailers), {@code
 * kOnMessageComplete}. All are called synchronously from inside {@link HttpParser#execute} or
 * {@link HttpParser#finish}, on the caller's thread.
 *
 * <p>Differences from the binding that make no difference to {@code _http_common}: headers are
 * handed over once, complete, at the end of the head (the binding spills them to {@code
 * kOnHeaders} in batches of 31 pairs when there are more, and {@code parserOnHeaders} joins them
 * back); trailers come in one list just before {@link #onMessageComplete}.
 */
public interface HttpParserCallbacks {

  /** A message starts: its first byte (after CR/LF between messages) has been seen. */
  default void onMessageBegin() {}

  /**
   * The head is complete ({@code parserOnHeadersComplete}'s arguments).
   *
   * @param versionMajor HTTP major version (0, 1 or 2)
   * @param versionMinor HTTP minor version
   * @param rawHeaders names and values, alternating, decoded as latin-1; values without leading
   *     and trailing spaces and tabs, as Node's {@code rawHeaders}. Owned by the receiver.
   * @param method the request method's name (requests), {@code null} for responses
   * @param url the request target exactly as received (requests), {@code null} for responses
   * @param statusCode the status code (responses), 0 for requests
   * @param statusMessage the reason phrase (responses, possibly empty), {@code null} for requests
   * @param upgrade llhttp's {@code upgrade}: an Upgrade request (an {@code Upgrade} header and an
   *     {@code upgrade} token in {@code Connection}), a CONNECT request, or a 101 response with both
   * @param shouldKeepAlive {@code llhttp_should_keep_alive} at this point
   * @return 0 to parse a body as the head says; 1 for no body (a response to HEAD); 2 for no body
   *     and an upgrade (parsing stops after this head, as Node's server asks for upgrades it
   *     handles)
   */
  int onHeadersComplete(int versionMajor, int versionMinor, List<String> rawHeaders,
      String method, String url, int statusCode, String statusMessage, boolean upgrade,
      boolean shouldKeepAlive);

  /**
   * A piece of body (chunked bodies: decoded chunk data). Never empty. The bytes are only valid
   * during the call: {@code data} is the caller's input array or the parser's scratch copy.
   */
  default void onBody(byte[] data, int offset, int length) {}

  /**
   * The trailers of a chunked message, just before {@link #onMessageComplete} (Node: {@code
   * kOnHeaders} after the head, which {@code parserOnMessageComplete} turns into {@code
   * rawTrailers}). Only called when there is at least one trailer.
   */
  default void onTrailers(List<String> rawTrailers) {}

  /** The message is complete. */
  default void onMessageComplete() {}

  /** A chunk's size line has been parsed ({@code on_chunk_header}); {@code size} is unsigned. */
  default void onChunkHeader(long size) {}

  /** A chunk (or the last chunk and trailers) ended ({@code on_chunk_complete}). */
  default void onChunkComplete() {}
}
