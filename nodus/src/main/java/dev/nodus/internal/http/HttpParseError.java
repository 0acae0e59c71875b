package dev.nodus.internal.http;

/**
 * A parse error as Node's {@code HTTPParser.execute()}/{@code finish()} returns it: an {@code
 * Error('Parse Error')} with {@code code} (llhttp's error name, e.g. {@code HPE_INVALID_METHOD},
 * or the {@code HPE_HEADER_OVERFLOW}/{@code HPE_CHUNK_EXTENSIONS_OVERFLOW} codes Node's binding
 * raises itself), {@code reason} (llhttp's reason text) and {@code bytesParsed} (the offset in the
 * failing {@code execute()}'s input at which llhttp stopped).
 */
public final class HttpParseError {
  private final String code;
  private final String reason;
  private final int bytesParsed;

  HttpParseError(String code, String reason, int bytesParsed) {
    this.code = code;
    this.reason = reason;
    this.bytesParsed = bytesParsed;
  }

  /** Node's {@code err.code}, e.g. {@code "HPE_INVALID_HEADER_TOKEN"}. */
  public String code() {
    return code;
  }

  /** Node's {@code err.reason}, e.g. {@code "Invalid header value char"}. */
  public String reason() {
    return reason;
  }

  /**
   * Node's {@code err.bytesParsed}: bytes of the failing call's input consumed before the error
   * (0 for {@link HttpParser#finish()}).
   */
  public int bytesParsed() {
    return bytesParsed;
  }

  @Override
  public String toString() {
    return code + ": " + reason + " (bytesParsed " + bytesParsed + ")";
  }
}
