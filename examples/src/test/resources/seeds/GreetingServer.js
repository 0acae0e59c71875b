// Seed of the GreetingServer example: from 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程", as quoted by the reading notes "Node 网络编程" (2023), 构建 tcp 服务器.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 8124 with a free one.
var net = require('net');

var server = net.createServer(function (socket) {
  // 新的连接
  socket.on('data', function (data) {
    socket.write("你好");
  });

  socket.on('end', function () {
    console.log('连接断开');
  });
  
  socket.write("欢迎光临《深入浅出Node.js》示例：\n");
  
});

server.listen(8124, function () {
	console.log('server bound');
});
