// Seed of the UdpServer example: from 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程", as quoted by the reading notes "Node 网络编程" (2023), 创建 UDP 服务器.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 41234 with a free one.
var dgram = require("dgram");
var server = dgram.createSocket("udp4");

server.on("message", function (msg, rinfo) {
	console.log("server got: " + msg + " from " + rinfo.address + ":" + rinfo.port);
});

server.on("listening", function () {
	var address = server.address();
	console.log("server listening " + address.address + ":" + address.port);
});

server.bind(41234);
