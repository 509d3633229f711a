/**
 * The live.latency baseline: a bare Socket.IO server with the app's Socket.IO settings and no
 * database. POST /emit with a JSON array of changes broadcasts it as `live.changes` to every
 * client at once, the way the hub broadcasts a batch; a connecting client gets a `live.hello`.
 * So the baseline pays the same HTTP request, JSON parse, one encode and the fan-out, and nothing
 * else: what is left over in the app's figure is the write, the log read and the hub.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const httpServer = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (req.method === 'POST' && req.url === '/emit') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
      io.emit('live.changes', batch);
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(404).end();
});

const io = new Server(httpServer, {
  serveClient: false,
  transports: ['websocket', 'polling'],
  pingInterval: 25_000,
  pingTimeout: 20_000,
  maxHttpBufferSize: 64 * 1024,
});
io.on('connection', (socket) => {
  socket.emit('live.hello', { epoch: 'bare', seq: 0, recovered: false });
});

httpServer.listen(port, '127.0.0.1');
const stop = () => io.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
