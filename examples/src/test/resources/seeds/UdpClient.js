// Seed of the UdpClient example: from 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程", as quoted by the reading notes "Node 网络编程" (2023), 创建 UDP 客户端.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 41234 with a free one.
var dgram = require('dgram');
var message = new Buffer("深入浅出Node.js");
var client = dgram.createSocket("udp4");

client.send(message, 0, message.length, 41234, "localhost", function(err, bytes) {
	client.close();
});
