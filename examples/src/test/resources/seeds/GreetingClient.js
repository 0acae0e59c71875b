// Seed of the GreetingClient example: from 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程", as quoted by the reading notes "Node 网络编程" (2023), 构建 TCP 客户端.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 8124 with a free one.
var net = require('net');

var client = net.connect({ port: 8124}, function () { //'connect' listener
	console.log('client connected');
	client.write('world!\r\n');
});

client.on('data', function (data) {
  console.log(data.toString());
  client.end();
});

client.on('end', function () {
	console.log('client disconnected');
});
