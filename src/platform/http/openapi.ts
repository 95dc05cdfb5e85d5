// The OpenAPI document is generated from the route schemas of /api/v1 (routes without `schema.hide`).
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';

export async function registerOpenApi(app: FastifyInstance, baseUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'egov API',
        version: '1.0.0',
        description:
          'API của Cổng dịch vụ công Hà Nội cho các hệ thống tích hợp. / API of the Hà Nội public service portal for integrators. ' +
          'Errors: `{ "error": { "code", "status", "message": { "vi", "en" }, "fields"? } }`.',
      },
      servers: [{ url: baseUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/auth/token' },
        },
      },
    },
    hideUntagged: true,
  });
}
