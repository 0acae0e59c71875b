#!/bin/sh
# Makes the keys and certificates of the tls examples, as the seed's openssl commands do: a CA of
# our own, then a server and a client key, each with a CSR that the CA signs. Non-interactive
# (-subj). Run from anywhere; the files land beside this script and are git-ignored (never commit
# a private key). Already made files are kept; delete them to make new ones.
#
# 2048-bit keys, not the seed's 1024: OpenSSL 3 at its default security level (and Node, which
# uses it) refuses RSA keys under 2048 bits ("ee key too small"), and so does BoringSSL.
set -eu
cd "$(dirname "$0")"
if [ -f ca.crt ] && [ -f server.crt ] && [ -f client.crt ]; then
  exit 0
fi
# The CA: a key and a self-signed certificate.
openssl genrsa -out ca.key 2048 2>/dev/null
openssl req -new -x509 -days 3650 -key ca.key -out ca.crt -subj "/C=CN/ST=Shanghai/O=Nodus Example CA/CN=Nodus Example CA"
# The server: key, CSR, certificate signed by the CA. The name "localhost" is in the
# subjectAltName, which is what clients check (Node's checkServerIdentity ignores the CN then).
openssl genrsa -out server.key 2048 2>/dev/null
openssl req -new -key server.key -out server.csr -subj "/C=CN/ST=Shanghai/O=Nodus Example/CN=localhost"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > server.ext
openssl x509 -req -days 825 -CA ca.crt -CAkey ca.key -CAcreateserial -in server.csr -out server.crt -extfile server.ext 2>/dev/null
# The client: key, CSR, certificate signed by the same CA.
openssl genrsa -out client.key 2048 2>/dev/null
openssl req -new -key client.key -out client.csr -subj "/C=CN/ST=Shanghai/O=Nodus Example/CN=client"
openssl x509 -req -days 825 -CA ca.crt -CAkey ca.key -CAcreateserial -in client.csr -out client.crt 2>/dev/null
rm -f server.ext
