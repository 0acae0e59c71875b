package dev.nodus.tls;

import dev.nodus.net.Net;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Node's {@code tls.checkServerIdentity}, line for line (lib/tls.js). */
final class Identity {
  private Identity() {}

  static CertAltnameError check(String hostname, PeerCertificate cert) {
    Object cn = cert.subject().get("CN");
    String altNames = cert.subjectaltname();
    List<String> dnsNames = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    if (altNames != null && !altNames.isEmpty()) {
      for (String name : altNames.split(", ")) {
        if (name.startsWith("DNS:")) {
          dnsNames.add(name.substring(4));
        } else if (name.startsWith("IP Address:")) {
          ips.add(canonicalizeIp(name.substring(11)));
        }
      }
    }
    boolean valid = false;
    String reason = "Unknown reason";
    hostname = hostname.endsWith(".") ? hostname.substring(0, hostname.length() - 1) : hostname;
    if (Net.isIP(hostname) != 0) {
      valid = ips.contains(canonicalizeIp(hostname));
      if (!valid) {
        reason = "IP: " + hostname + " is not in the cert's list: " + String.join(", ", ips);
      }
    } else if (!dnsNames.isEmpty() || cn != null) {
      String[] hostParts = splitHost(hostname);
      if (!dnsNames.isEmpty()) {
        for (String d : dnsNames) {
          valid |= match(hostParts, d);
        }
        if (!valid) {
          reason = "Host: " + hostname + ". is not in the cert's altnames: " + altNames;
        }
      } else {
        if (cn instanceof List<?> l) {
          for (Object o : l) {
            valid |= match(hostParts, String.valueOf(o));
          }
          cn = String.join(",", l.stream().map(String::valueOf).toList());
        } else {
          valid = match(hostParts, String.valueOf(cn));
        }
        if (!valid) {
          reason = "Host: " + hostname + ". is not cert's CN: " + cn;
        }
      }
    } else {
      reason = "Cert does not contain a DNS name";
    }
    return valid ? null : new CertAltnameError(reason, hostname, cert);
  }

  private static String[] splitHost(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return h.toLowerCase(Locale.ROOT).split("\\.", -1);
  }

  private static String canonicalizeIp(String ip) {
    try {
      return InetAddress.getByName(ip).getHostAddress();
    } catch (Exception e) {
      return ip;
    }
  }

  private static boolean match(String[] hostParts, String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return false;
    }
    String[] patternParts = splitHost(pattern);
    if (hostParts.length != patternParts.length) {
      return false;
    }
    for (String p : patternParts) {
      if (p.isEmpty()) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        char ch = p.charAt(i);
        if (ch < 0x21 || ch > 0x7f) {
          return false;
        }
      }
    }
    for (int i = hostParts.length - 1; i > 0; i--) {
      if (!hostParts[i].equals(patternParts[i])) {
        return false;
      }
    }
    String hostSub = hostParts[0];
    String patternSub = patternParts[0];
    String[] subParts = patternSub.split("\\*", -1);
    if (subParts.length == 1 || patternSub.contains("xn--")) {
      return hostSub.equals(patternSub);
    }
    if (subParts.length > 2 || patternParts.length <= 2) {
      return false;
    }
    String prefix = subParts[0];
    String suffix = subParts[1];
    return prefix.length() + suffix.length() <= hostSub.length()
        && hostSub.startsWith(prefix) && hostSub.endsWith(suffix);
  }
}
