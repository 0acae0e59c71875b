// Seed of the TlsServer example: from 《深入浅出Node.js》 ch. 7, TLS服务 (seed 004). Below this
// header the program is as the book prints it; TlsExamplesTest runs it with node, in a folder
// whose ./keys holds what examples/keys/make-keys.sh makes, after replacing the port 8000 with a
// free one.
var tls = require('tls');
var fs = require('fs');
var options = {
	key: fs.readFileSync('./keys/server.key'),
	cert: fs.readFileSync('./keys/server.crt'),
	requestCert: true,
	ca: [ fs.readFileSync('./keys/ca.crt') ]
};
var server = tls.createServer(options, function (stream) {
	console.log('server connected', stream.authorized ? 'authorized' :'unauthorized');
	stream.write("welcome!\n");
	stream.setEncoding('utf8');
	stream.pipe(stream);
});
server.listen(8000, function() {
	console.log('server bound');
})
