import type { FastifyInstance } from 'fastify';
import { HomePage } from './views/home.tsx';

export async function portalRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (req, reply) => reply.html(HomePage({ req })));
}
