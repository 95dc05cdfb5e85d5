// The parents of bench/admission.ts: `clients` concurrent keep-alive clients (node:http, no dependency) that start at
// the opening instant and take the cohort's children one after another, each child one POST /api/v1/admissions/
// applications with its own Idempotency-Key. A 503 WAITING_ROOM is honoured: wait Retry-After seconds, send again
// with the ticket (counted as a wait); anything but 201/200 counts as an error (and is sent again with the same key).
import { Agent, request } from 'node:http';
import type { BenchChild } from './admission-data.ts';

export interface LoadResult {
  startedAt: number;
  /** ms from the opening to the last acknowledgement. */
  takenMs: number;
  accepted: number;
  /** key → application number, as acknowledged. */
  acked: Map<string, string>;
  /** Latency of the attempt that was accepted, ms. */
  latencies: number[];
  waits: number;
  /** Children who waited at least once, and how long from their first attempt to acceptance, ms. */
  waited: number[];
  errors: number;
  errorSamples: string[];
}

interface Answer {
  status: number;
  body: string;
  retryAfter: number;
}

function post(agent: Agent, base: URL, path: string, body: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: base.hostname, port: base.port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), retryAfter: Number(res.headers['retry-after'] ?? 1) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runOpening(baseUrl: string, children: readonly BenchChild[], clients: number, opensAt: Date): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const r: LoadResult = { startedAt: 0, takenMs: 0, accepted: 0, acked: new Map(), latencies: [], waits: 0, waited: [], errors: 0, errorSamples: [] };
  let next = 0;
  let last = 0;
  const one = async (c: BenchChild): Promise<void> => {
    const key = `bench-${c.personalId}`;
    const headers: Record<string, string> = { 'idempotency-key': key };
    const body = JSON.stringify({ code: c.code, personalId: c.personalId, schoolCode: c.schoolCode });
    const first = performance.now();
    let didWait = false;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const t0 = performance.now();
      let a: Answer;
      try {
        a = await post(agent, base, '/api/v1/admissions/applications', body, headers);
      } catch (e) {
        r.errors++;
        if (r.errorSamples.length < 5) r.errorSamples.push(String(e));
        await sleep(500);
        continue;
      }
      const t1 = performance.now();
      if (a.status === 201 || a.status === 200) {
        r.accepted++;
        r.latencies.push(t1 - t0);
        r.acked.set(key, (JSON.parse(a.body) as { application: { applicationNo: string } }).application.applicationNo);
        if (didWait) r.waited.push(t1 - first);
        last = Date.now();
        return;
      }
      const parsed = (() => {
        try {
          return JSON.parse(a.body) as { error?: { code?: string; details?: { ticket?: string } } };
        } catch {
          return {};
        }
      })();
      if (a.status === 503 && parsed.error?.code === 'WAITING_ROOM') {
        r.waits++;
        didWait = true;
        if (parsed.error.details?.ticket) headers['waiting-room-ticket'] = parsed.error.details.ticket;
        await sleep(Math.max(1, a.retryAfter) * 1000);
        continue;
      }
      r.errors++;
      if (r.errorSamples.length < 5) r.errorSamples.push(`${a.status} ${a.body.slice(0, 200)}`);
      await sleep(500);
    }
  };
  const worker = async (): Promise<void> => {
    while (next < children.length) await one(children[next++] as BenchChild);
  };
  await sleep(Math.max(0, opensAt.getTime() - Date.now()));
  r.startedAt = Date.now();
  await Promise.all(Array.from({ length: clients }, worker));
  r.takenMs = last - r.startedAt;
  agent.destroy();
  return r;
}

export { percentile } from '../../src/platform/percentile.ts';
