package dev.nodus.internal.tls;

import dev.nodus.buffer.Buffer;
import dev.nodus.tls.PeerCertificate;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/** Certificates: PEM parsing, and Node's {@code getPeerCertificate()} object made of one. */
public final class Certificates {
  private Certificates() {}

  /** OpenSSL's ASN1_TIME_print: {@code "Dec  6 08:09:08 2026 GMT"}. */
  private static final DateTimeFormatter OPENSSL_TIME =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private static final Map<String, String> OID_NAMES = Map.of(
      "1.2.840.113549.1.9.1", "emailAddress",
      "2.5.4.5", "serialNumber",
      "2.5.4.4", "SN",
      "2.5.4.42", "GN",
      "2.5.4.12", "title",
      "2.5.4.17", "postalCode",
      "2.5.4.9", "street",
      "0.9.2342.19200300.100.1.25", "DC",
      "0.9.2342.19200300.100.1.1", "UID");

  /** Parses every certificate of PEM text (one or more blocks). */
  public static List<X509Certificate> parse(String pem) {
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      Collection<? extends java.security.cert.Certificate> all =
          f.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      List<X509Certificate> out = new ArrayList<>();
      for (java.security.cert.Certificate c : all) {
        out.add((X509Certificate) c);
      }
      return out;
    } catch (Exception e) {
      throw new IllegalArgumentException("Invalid PEM certificate: " + e.getMessage(), e);
    }
  }

  /** Node's object for {@code c}. */
  public static PeerCertificate toNode(X509Certificate c) {
    try {
      byte[] der = c.getEncoded();
      return new PeerCertificate(
          names(c.getSubjectX500Principal()),
          names(c.getIssuerX500Principal()),
          altNames(c),
          OPENSSL_TIME.format(c.getNotBefore().toInstant()),
          OPENSSL_TIME.format(c.getNotAfter().toInstant()),
          fingerprint("SHA-1", der),
          fingerprint("SHA-256", der),
          fingerprint("SHA-512", der),
          serial(c.getSerialNumber()),
          Buffer.from(der));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serial(BigInteger n) {
    String hex = n.toString(16).toUpperCase(Locale.ROOT);
    return hex.length() % 2 == 1 ? "0" + hex : hex;
  }

  private static String fingerprint(String algorithm, byte[] der) throws Exception {
    byte[] d = MessageDigest.getInstance(algorithm).digest(der);
    StringBuilder sb = new StringBuilder(d.length * 3);
    for (byte b : d) {
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(String.format("%02X", b & 0xff));
    }
    return sb.toString();
  }

  /** OpenSSL's text of the subjectAltName extension, as Node's {@code subjectaltname}; or null. */
  private static String altNames(X509Certificate c) throws Exception {
    Collection<List<?>> sans = c.getSubjectAlternativeNames();
    if (sans == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (List<?> san : sans) {
      int type = (Integer) san.get(0);
      Object v = san.get(1);
      switch (type) {
        case 1 -> parts.add("email:" + v);
        case 2 -> parts.add("DNS:" + v);
        case 6 -> parts.add("URI:" + v);
        case 7 -> parts.add("IP Address:" + ip(String.valueOf(v)));
        default -> { }
      }
    }
    return String.join(", ", parts);
  }

  private static String ip(String javaText) {
    // OpenSSL prints IPv6 as eight uncompressed groups in upper case: Java's text, upper-cased.
    return javaText.contains(":") ? javaText.toUpperCase(Locale.ROOT) : javaText;
  }

  /** A distinguished name as Node's object: short names in the certificate's order; repeats as lists. */
  static Map<String, Object> names(X500Principal p) {
    String rfc = p.getName(X500Principal.RFC2253, OID_NAMES);
    List<String[]> pairs = new ArrayList<>();
    for (String rdn : split(rfc, ',')) {
      for (String ava : split(rdn, '+')) {
        int eq = ava.indexOf('=');
        if (eq > 0) {
          pairs.add(new String[] {ava.substring(0, eq), unescape(ava.substring(eq + 1))});
        }
      }
    }
    // RFC 2253 writes the last RDN first; Node lists them as the certificate holds them.
    Collections.reverse(pairs);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String[] kv : pairs) {
      Object prev = out.get(kv[0]);
      if (prev == null) {
        out.put(kv[0], kv[1]);
      } else if (prev instanceof List<?> l) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) l;
        list.add(kv[1]);
      } else {
        List<Object> list = new ArrayList<>();
        list.add(prev);
        list.add(kv[1]);
        out.put(kv[0], list);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<String> split(String s, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        cur.append(ch).append(s.charAt(++i));
      } else if (ch == sep) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private static String unescape(String v) {
    StringBuilder out = new StringBuilder();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == '\\' && i + 1 < v.length()) {
        char n = v.charAt(i + 1);
        if (i + 2 < v.length() && Character.digit(n, 16) >= 0 && Character.digit(v.charAt(i + 2), 16) >= 0) {
          bytes.write(Integer.parseInt(v.substring(i + 1, i + 3), 16));
          i += 2;
          continue;
        }
        flush(bytes, out);
        out.append(n);
        i++;
        continue;
      }
      flush(bytes, out);
      out.append(ch);
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}
