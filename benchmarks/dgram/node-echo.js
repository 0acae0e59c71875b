// Node's side of the dgram benchmark: the same protocol as NodusEchoServer and NettyEchoServer.
//   'P…' ping: echoed to the sender.   'O…' one-way: counted only.
//   'Q'  query: answers the count of one-way datagrams since the last query, and resets it.
'use strict';
const dgram = require('dgram');
const s = dgram.createSocket('udp4');
let count = 0;
s.on('message', (msg, rinfo) => {
  const t = msg[0];
  if (t === 0x50) {
    s.send(msg, rinfo.port, rinfo.address);
  } else if (t === 0x4f) {
    count++;
  } else if (t === 0x51) {
    s.send(String(count), rinfo.port, rinfo.address);
    count = 0;
  }
});
s.bind(Number(process.argv[2] || 0), '127.0.0.1', () => console.log('listening ' + s.address().port));
