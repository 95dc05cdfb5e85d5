// A round-robin TCP load balancer on loopback, for benchmarks and fault tests that run several app processes behind
// one address (as nginx or any L4 balancer would in production). Each client connection goes to the next backend;
// a backend that refuses the connection (stopped, restarting) is skipped and the next one tried, so a killed process
// costs only the connections that were open to it. No dependency: node:net only.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Balancer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Connections handed to each backend so far, in the order of `backends`. */
  counts(): number[];
  close(): Promise<void>;
}

export interface Backend {
  host: string;
  port: number;
}

export async function startBalancer(backends: readonly Backend[], port = 0): Promise<Balancer> {
  if (backends.length === 0) throw new Error('a balancer needs at least one backend');
  const counts = backends.map(() => 0);
  const open = new Set<Socket>();
  let next = 0;

  function forward(client: Socket, tries: number): void {
    const i = next;
    next = (next + 1) % backends.length;
    const b = backends[i]!;
    const upstream = connect(b.port, b.host);
    let connected = false;
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    upstream.once('connect', () => {
      connected = true;
      counts[i] = (counts[i] ?? 0) + 1;
      // Tied together only once connected: a refused attempt must not close the client it will retry for.
      client.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      if (!connected && tries + 1 < backends.length) forward(client, tries + 1);
      else client.destroy();
    });
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    forward(client, 0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the balancer has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts: () => [...counts],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
