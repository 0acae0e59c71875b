// Seed of the EchoServer example: from 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程", as quoted by the reading notes "Node 网络编程" (2023), pipe().
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 1337 with a free one.
var net = require('net');
var server = net.createServer(function (socket) {
	socket.write('Echo server\r\n');
	socket.pipe(socket);
});

server.listen(1337, '127.0.0.1');
