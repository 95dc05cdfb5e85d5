// The indicator-set pages (issue 14), thin: parse → service → render. Readiness staff (reporter, reviewer, council) see
// the sets; only the reviewing office imports one (the import form, and its multipart body, refused to anyone else
// before a byte is read). A refused import is shown again on the list page with every issue named by indicator.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { t } from '../../platform/web/i18n.ts';
import { registerMultipart, uploadsOf } from '../dossiers/index.ts';
import { isReviewer, requireReadinessStaff, requireReviewer } from './access.ts';
import type { SetIssue } from './checks.ts';
import { ReadinessErrors } from './errors.ts';
import { importSet, listSets, MAX_SET_BYTES, setVersion } from './sets-store.ts';
import { type ImportState, SETS_URL, SetListPage, SetPage, setUrl } from './views/set-pages.tsx';

type Q = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'private, no-store');

function signInFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (req.user) return null;
  return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
}

/** Registers the set pages; registerMultipart keeps the parser the module's other pages registered in this scope. */
export async function setRoutes(scope: FastifyInstance, platform: Platform): Promise<void> {
  await registerMultipart(scope, platform);

  const listPage = async (req: FastifyRequest, reply: FastifyReply, imported?: ImportState) => {
    const user = requireReadinessStaff(req.user);
    const sets = await listSets(platform, user);
    return noStore(reply).type('text/html; charset=utf-8').send(<SetListPage req={req} sets={sets} canImport={isReviewer(user)} imported={imported} />);
  };

  scope.get(SETS_URL, async (req, reply) => signInFirst(req, reply) ?? listPage(req, reply));

  scope.post(SETS_URL, { config: { beforeUpload: (req: FastifyRequest) => void requireReviewer(req.user) } }, async (req, reply) => {
    requireReviewer(req.user);
    const body = (req.body ?? {}) as Q;
    const note = str(body.note).slice(0, 2000);
    try {
      const file = uploadsOf(body)[0];
      if (!file?.temp || file.truncated || file.overTotal || file.temp.size === 0 || file.temp.size > MAX_SET_BYTES) throw ReadinessErrors.SET_FILE();
      const json = (await readFile(file.temp.path)).toString('utf8');
      const row = await importSet(platform, req.user, json, note, req.ip);
      return reply.redirect(`${setUrl(row.id, row.version)}&nhap=1`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 401 || err.status === 403 || err.status === 404) throw err;
      const issues = ((err.details as { issues?: SetIssue[] } | undefined)?.issues ?? []) as SetIssue[];
      reply.code(err.status);
      return listPage(req, reply, { issues, note, ...(issues.length === 0 ? { message: t(req.lang, err.text) } : {}) });
    }
  });

  scope.get(`${SETS_URL}/:id`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const user = requireReadinessStaff(req.user);
    const id = str((req.params as Q).id);
    const q = req.query as Q;
    const v = str(q['phien-ban']);
    const version = /^\d{1,6}$/.test(v) ? Number(v) : undefined;
    if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) throw ReadinessErrors.SET_NOT_FOUND();
    const { info, versions, loaded } = await setVersion(platform, user, id, version);
    return noStore(reply).type('text/html; charset=utf-8').send(<SetPage req={req} info={info} versions={versions} loaded={loaded} imported={str(q.nhap) === '1'} />);
  });
}
