// Operations endpoints: /healthz (the process is up), /readyz (the database answers), /metrics (Prometheus).
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Registry, collectDefaultMetrics, Histogram, Gauge } from 'prom-client';
import type { Platform } from './context.ts';
import { observeKeptPages } from '../web/public-pages.ts';

export async function opsRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'db_pool_clients',
    help: 'Database pool clients by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const p = platform.database.pool;
      this.set({ state: 'total' }, p.totalCount);
      this.set({ state: 'idle' }, p.idleCount);
      this.set({ state: 'waiting' }, p.waitingCount);
    },
  });

  // One labelled child per (method, route, status), kept: observing then costs no hashing of the labels. The hook is
  // callback-style since it runs on every response.
  const children = new Map<string, ReturnType<typeof duration.labels>>();
  const observe = (method: string, route: string, status: number, seconds: number): void => {
    const key = `${method} ${route} ${status}`;
    let child = children.get(key);
    if (!child) children.set(key, (child = duration.labels(method, route, String(status))));
    child.observe(seconds);
  };
  app.addHook('onResponse', (req, reply, done) => {
    observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  // Kept pages answered at the front door, before Fastify (front-door.ts), count under their route too.
  observeKeptPages(platform, (route, seconds) => observe('GET', route, 200, seconds));

  const hide = { schema: { hide: true } };
  app.get('/healthz', hide, async () => ({ status: 'ok' }));
  app.get('/readyz', hide, async (_req, reply) => {
    try {
      await Promise.race([
        sql`select 1`.execute(platform.database.db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2000)),
      ]);
      return { status: 'ready', database: platform.database.kind };
    } catch {
      reply.status(503);
      return {
        status: 'unavailable',
        error: {
          code: 'DB_UNAVAILABLE',
          message: { vi: 'Không kết nối được cơ sở dữ liệu.', en: 'The database is not reachable.' },
        },
      };
    }
  });
  app.get('/metrics', hide, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
