// Seed of the TlsClient example: from 《深入浅出Node.js》 ch. 7, TLS客户端 (seed 004), run by
// TlsExamplesTest with node as TlsServer.js is. One change: the book's 'end' listener calls
// server.close() on a `server` this program does not have (a ReferenceError under node), so it
// is left out; the program ends by itself once stdin and the connection have ended.
var tls = require('tls');
var fs = require('fs');
var options = {
	key: fs.readFileSync('./keys/client.key'),
	cert: fs.readFileSync('./keys/client.crt'),
	ca: [ fs.readFileSync('./keys/ca.crt') ]
};
var stream = tls.connect(8000, options, function () {
	console.log('client connected', stream.authorized ? 'authorized' :'unauthorized');
	process.stdin.pipe(stream);
});
stream.setEncoding('utf8');
stream.on('data', function(data) {
	console.log(data);
});
