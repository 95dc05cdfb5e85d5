// The privacy notice /chinh-sach-bao-mat, "my data" /tai-khoan/du-lieu-cua-toi (page and JSON download), and the
// staff home /quan-tri. Access is checked in the services.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { collectMyData, myDataExport } from '../my-data.ts';
import { staffHome } from '../admin-home.ts';
import { PrivacyPage } from '../views/privacy.tsx';
import { MyDataPage } from '../views/my-data.tsx';
import { AdminHomePage } from '../views/admin-home.tsx';
import { signInFirst } from './http.ts';

export async function infoRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/chinh-sach-bao-mat', async (req, reply) => reply.html(PrivacyPage({ req })));

  app.get('/tai-khoan/du-lieu-cua-toi', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const data = await collectMyData(platform, req.user, req.sessionId);
    return reply.header('cache-control', 'private, no-store').html(MyDataPage({ req, data }));
  });

  app.get('/tai-khoan/du-lieu-cua-toi.json', async (req, reply) => {
    const data = await collectMyData(platform, req.user, req.sessionId);
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'attachment; filename="du-lieu-cua-toi.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(myDataExport(data), null, 2));
  });

  app.get('/quan-tri', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const links = staffHome(req.user);
    return reply.html(AdminHomePage({ req, ...links }));
  });
}
