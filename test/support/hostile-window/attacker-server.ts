/**
 * A server a compromised window would like the token sent to: it listens on 127.0.0.1, answers
 * everything with a plausible "Success", and keeps every byte any connection sent (headers, URL,
 * body, or a TLS handshake for an `https://` address), so a test can search them for a secret.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface Attacker {
  readonly port: number;
  readonly origin: string;
  readonly requests: readonly RecordedRequest[];
  /** Every byte every connection sent, as Latin-1 text (so no byte sequence is lost). */
  raw(): string;
  close(): Promise<void>;
}

export async function startAttacker(): Promise<Attacker> {
  const requests: RecordedRequest[] = [];
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (chunk: Buffer) => body.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(body).toString('latin1'),
      });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ Status: 'Success', Data: [] }));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => sockets.delete(socket));
  });
  // A TLS handshake on this plain-HTTP server is a client error: recorded, then dropped.
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    raw: () => Buffer.concat(chunks).toString('latin1'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
