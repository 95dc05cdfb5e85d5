import type { FastifyInstance } from 'fastify';
import { HomePage } from './views/home.tsx';
import { ApiDocsPage, type OpenApiDoc } from './views/api-docs.tsx';

export async function portalRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (req, reply) => reply.html(HomePage({ req })));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { scope: 'public' } }, async () => app.swagger());
  app.get('/api/docs', { schema: { hide: true }, config: { scope: 'public' } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').html(ApiDocsPage({ req, doc: app.swagger() as OpenApiDoc })),
  );
}
