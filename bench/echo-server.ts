/** A bare `ws` echo server, the yardstick for the chat bench: same library, same frames, no work per message. */
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
});
wss.on('listening', () => {
  const address = wss.address();
  const port = typeof address === 'object' && address !== null ? address.port : address;
  // The bench reads this line to find the port, the same way it reads the chat server's.
  console.log(`echo listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
