import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { sendPublicPage } from '../../platform/web/public-pages.ts';
import { HomePage } from './views/home.tsx';
import { ApiDocsPage, type OpenApiDoc } from './views/api-docs.tsx';

export async function portalRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/', async (req, reply) => sendPublicPage(platform, req, reply, () => HomePage({ req })));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { scope: 'public' } }, async () => app.swagger());
  app.get('/api/docs', { schema: { hide: true }, config: { scope: 'public' } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').html(ApiDocsPage({ req, doc: app.swagger() as OpenApiDoc })),
  );
}
