// /quan-tri/tu-dong-nghia: administrators add and remove search synonyms. Access is checked by the service functions;
// a form with bad input is shown again with the errors beside its fields, and nothing is saved.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ProcedureErrors } from './errors.ts';
import { addSynonym, listSynonyms, removeSynonym } from './synonyms.ts';
import { SynonymsPage, type SynonymsSaved, type SynonymsState } from './views/synonyms-page.tsx';

const PAGE = '/quan-tri/tu-dong-nghia';

function field(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

export async function synonymAdminRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  const render = async (req: FastifyRequest, reply: FastifyReply, extra: Partial<SynonymsState> = {}, status = 200): Promise<FastifyReply> => {
    const synonyms = await listSynonyms(db, req.user);
    await reply.status(status).html(SynonymsPage({ req, state: { synonyms, values: { term: '', expansion: '' }, errors: [], ...extra } }));
    return reply;
  };

  app.get(PAGE, async (req, reply) => {
    const saved = (req.query as Record<string, unknown>).saved;
    return render(req, reply, { saved: saved === 'added' || saved === 'removed' ? (saved as SynonymsSaved) : undefined });
  });

  app.post(PAGE, async (req, reply) => {
    const values = { term: field(req.body, 'term'), expansion: field(req.body, 'expansion') };
    try {
      await addSynonym(db, req.user, values, req.ip);
      return reply.redirect(`${PAGE}?saved=added`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.fields.length === 0 || err.status !== 400) throw err;
      return render(req, reply, { values, errors: err.fields }, 400);
    }
  });

  app.post(`${PAGE}/:id/xoa`, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!/^\d{1,15}$/.test(id)) throw ProcedureErrors.SYNONYM_NOT_FOUND();
    await removeSynonym(db, req.user, Number(id), req.ip);
    return reply.redirect(`${PAGE}?saved=removed`, 303);
  });
}
