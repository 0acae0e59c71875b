// Node's side of TlsNodeInteropTest: a tls server or client with the certificates the test made.
// node -e <this> server|client DIR [PORT] [maxVersion]
// DIR holds ca.crt, server.key, server.crt, client.key, client.crt.
const tls = require('tls');
const fs = require('fs');
const [role, dir, port, maxVersion] = process.argv.slice(1);
const read = (f) => fs.readFileSync(dir + '/' + f);
const cn = (s) => { const p = s.getPeerCertificate(); return p && p.subject ? p.subject.CN : 'none'; };
if (role === 'server') {
  const server = tls.createServer({
    key: read('server.key'), cert: read('server.crt'), ca: [read('ca.crt')], requestCert: true,
    maxVersion: maxVersion || 'TLSv1.3',
  }, (s) => {
    if (process.env.PRINT_CERT) {
      const c = s.getCertificate();
      console.log('cert', JSON.stringify({subject: c.subject, issuer: c.issuer, subjectaltname: c.subjectaltname,
        valid_from: c.valid_from, valid_to: c.valid_to, fingerprint: c.fingerprint, fingerprint256: c.fingerprint256,
        fingerprint512: c.fingerprint512, serialNumber: c.serialNumber, raw: c.raw.toString('base64')}));
    }
    console.log('secureConnection', s.authorized, s.authorizationError, s.getProtocol(), cn(s));
    s.setEncoding('utf8');
    s.on('data', (d) => console.log('data', JSON.stringify(d)));
    s.on('end', () => console.log('end'));
    s.on('close', () => { console.log('close'); server.close(); });
    s.write('welcome!\n');
    s.pipe(s);
  });
  server.on('tlsClientError', (e) => console.log('tlsClientError', e.code));
  server.listen(0, '127.0.0.1', () => console.log('listening', server.address().port));
} else {
  const s = tls.connect({
    port: +port, host: 'localhost', key: read('client.key'), cert: read('client.crt'), ca: [read('ca.crt')],
    maxVersion: maxVersion || 'TLSv1.3',
  }, () => {
    console.log('secureConnect', s.authorized, s.authorizationError, s.getProtocol(), cn(s));
    s.write('ping\n');
  });
  s.setEncoding('utf8');
  let got = '';
  s.on('data', (d) => {
    got += d;
    if (got === 'welcome!\nping\n') {
      console.log('data', JSON.stringify(got));
      s.end();
    }
  });
  s.on('end', () => console.log('end'));
  s.on('error', (e) => console.log('error', e.code, e.message));
  s.on('close', () => console.log('close'));
}
