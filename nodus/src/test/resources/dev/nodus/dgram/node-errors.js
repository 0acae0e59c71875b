// Generates node-errors.txt: what Node v20's dgram throws or reports in each scenario.
// Run: node node-errors.js > node-errors.txt   (DgramErrorsTest replays every scenario.)
// Each line: scenario <TAB> how (throw|error|callback) <TAB> code <TAB> message, ports as <port>.
'use strict';
const dgram = require('dgram');
const out = [];
const norm = (m) => String(m).replace(/:\d{4,5}\b/g, ':<port>');
const rec = (name, how, e) => out.push([name, how, e ? e.code : 'none', e ? norm(e.message) : ''].join('\t'));
const sync = (name, f) => { try { f(); rec(name, 'throw', null); } catch (e) { rec(name, 'throw', e); } };
const TEST_NET = '203.0.113.7';

function unbound() {
  sync('badType', () => dgram.createSocket('udp5'));
  sync('recvBufferSizeOption', () => dgram.createSocket({ type: 'udp4', recvBufferSize: -1 }));
  const s = dgram.createSocket('udp4');
  sync('sendPort70000', () => s.send('x', 70000, '127.0.0.1'));
  sync('sendPort0', () => s.send('x', 0, '127.0.0.1'));
  sync('sendNoPort', () => s.send('x'));
  sync('sendOffsetOutOfBounds', () => s.send(Buffer.alloc(4), 5, 1, 9, '127.0.0.1'));
  sync('sendLengthOutOfBounds', () => s.send(Buffer.alloc(4), 2, 3, 9, '127.0.0.1'));
  sync('connectPort0', () => s.connect(0));
  sync('connectPort65536', () => s.connect(65536));
  sync('disconnectUnconnected', () => s.disconnect());
  sync('remoteAddressUnconnected', () => s.remoteAddress());
  sync('addressUnbound', () => s.address());
  sync('setTTLUnbound', () => s.setTTL(64));
  sync('setTTL0Unbound', () => s.setTTL(0));
  sync('setBroadcastUnbound', () => s.setBroadcast(true));
  sync('setMulticastTTLUnbound', () => s.setMulticastTTL(1));
  sync('setMulticastLoopbackUnbound', () => s.setMulticastLoopback(true));
  sync('setMulticastInterfaceUnbound', () => s.setMulticastInterface('127.0.0.1'));
  sync('getRecvBufferSizeUnbound', () => s.getRecvBufferSize());
  sync('getSendBufferSizeUnbound', () => s.getSendBufferSize());
  sync('setRecvBufferSizeNegative', () => s.setRecvBufferSize(-1));
  const c = dgram.createSocket('udp4');
  c.close();
  sync('closeTwice', () => c.close());
  sync('sendAfterClose', () => c.send('x', 9, '127.0.0.1'));
  sync('bindAfterClose', () => c.bind(0));
  sync('addressAfterClose', () => c.address());
  sync('connectAfterClose', () => c.connect(9));
  sync('remoteAddressAfterClose', () => c.remoteAddress());
  sync('addMembershipAfterClose', () => c.addMembership('224.0.0.114'));
  sync('setMulticastInterfaceAfterClose', () => c.setMulticastInterface('127.0.0.1'));
  const b = dgram.createSocket('udp4');
  b.bind(0);
  sync('bindTwice', () => b.bind(0));
  b.close();
  s.close();
}

function bound(next) {
  const b = dgram.createSocket('udp4');
  b.bind(0, '127.0.0.1', () => {
    sync('setTTL0', () => b.setTTL(0));
    sync('setTTL256', () => b.setTTL(256));
    sync('setMulticastTTL256', () => b.setMulticastTTL(256));
    sync('setMulticastInterfaceNotIp', () => b.setMulticastInterface('foo'));
    sync('setMulticastInterfaceV6OnUdp4', () => b.setMulticastInterface('::1'));
    sync('setMulticastInterfaceNotLocal', () => b.setMulticastInterface(TEST_NET));
    sync('addMembershipEmpty', () => b.addMembership(''));
    sync('addMembershipNotMulticast', () => b.addMembership('127.0.0.1'));
    sync('addMembershipNotIp', () => b.addMembership('foo'));
    sync('addMembershipBadInterface', () => b.addMembership('224.0.0.114', 'foo'));
    b.addMembership('224.0.0.114', '127.0.0.1');
    sync('addMembershipTwice', () => b.addMembership('224.0.0.114', '127.0.0.1'));
    b.dropMembership('224.0.0.114', '127.0.0.1');
    sync('dropMembershipNotJoined', () => b.dropMembership('224.0.0.114', '127.0.0.1'));
    sync('addSourceSpecificMembershipNotIp', () => b.addSourceSpecificMembership('127.0.0.1', 'foo'));
    sync('dropSourceSpecificMembershipNotJoined',
      () => b.dropSourceSpecificMembership('127.0.0.1', '232.1.1.1', '127.0.0.1'));
    sync('setRecvBufferSizeNegativeBound', () => b.setRecvBufferSize(-1));
    b.connect(b.address().port, '127.0.0.1', () => {
      sync('connectTwice', () => b.connect(9));
      sync('sendOffsetLengthPortWhileConnected', () => b.send(Buffer.alloc(1), 0, 1, 9));
      b.send(Buffer.alloc(70000), (e) => {
        rec('sendTooBigConnected', 'callback', e);
        b.disconnect();
        sync('disconnectTwice', () => b.disconnect());
        b.close(next);
      });
    });
  });
}

function bindErrors(next) {
  const a = dgram.createSocket('udp4');
  a.bind(0, '127.0.0.1', () => {
    const b = dgram.createSocket('udp4');
    b.on('error', (e) => {
      rec('bindInUse', 'error', e);
      a.close();
      b.close();
      const steps = [
        ['bindUdp6ToIpv4', 'udp6', '127.0.0.1'],
        ['bindUdp4ToIpv6', 'udp4', '::1'],
        ['bindNotLocal', 'udp4', TEST_NET],
        ['bindUnknownHost', 'udp4', 'nodus-test.invalid'],
      ];
      const step = () => {
        const st = steps.shift();
        if (!st) return next();
        const s = dgram.createSocket(st[1]);
        s.on('error', (err) => { rec(st[0], 'error', err); s.close(step); });
        s.bind(0, st[2], () => { rec(st[0], 'error', null); s.close(step); });
      };
      step();
    });
    b.bind(a.address().port, '127.0.0.1');
  });
}

function sendErrors(next) {
  const a = dgram.createSocket('udp4');
  const a6 = dgram.createSocket('udp6');
  a.send(Buffer.alloc(65508), 9, (e) => {
    rec('sendTooBigDefaultAddress', 'callback', e);
    a.send(Buffer.alloc(65508), 9, '127.0.0.1', (e) => {
      rec('sendTooBig', 'callback', e);
      a.send('x', 9, '::1', (e) => {
        rec('sendUdp4ToIpv6', 'callback', e);
        a.send('x', 9, 'nodus-test.invalid', (e) => {
          rec('sendUnknownHostCallback', 'callback', e);
          a.once('error', (e) => {
            rec('sendUnknownHostNoCallback', 'error', e);
            a6.send(Buffer.alloc(65528), 9, '::1', (e) => {
              rec('sendTooBigUdp6', 'callback', e);
              a6.send('x', 9, '127.0.0.1', (e) => {
                rec('sendUdp6ToIpv4', 'callback', e);
                a.close();
                a6.close(next);
              });
            });
          });
          a.send('x', 9, 'nodus-test.invalid');
        });
      });
    });
  });
}

function connectErrors(next) {
  const c = dgram.createSocket('udp4');
  c.connect(9, 'nodus-test.invalid', (e) => {
    rec('connectUnknownHostCallback', 'callback', e);
    c.once('error', (e) => {
      rec('connectUnknownHostNoCallback', 'error', e);
      c.connect(9, '::1', (e) => {
        rec('connectUdp4ToIpv6', 'callback', e);
        c.close();
        const r = dgram.createSocket('udp4');
        r.on('error', (e) => { rec('connectedPortUnreachable', 'error', e); r.close(next); });
        r.connect(9, '127.0.0.1', () => r.send('x'));
      });
    });
    c.connect(9, 'nodus-test.invalid');
  });
}

unbound();
bound(() => bindErrors(() => sendErrors(() => connectErrors(() => console.log(out.join('\n'))))));
