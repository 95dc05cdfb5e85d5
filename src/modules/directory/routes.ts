// The directory's pages and downloads. Thin: parse → service → render. Access is checked by the service functions; a
// refused form is shown again with the typed values, the errors on top and beside their fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '../../platform/auth/roles.ts';
import { requireStaff } from '../../platform/auth/access.ts';
import { contentDisposition } from '../../platform/files/disposition.ts';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { AGENCY_CODE, findAgencyById, listAgencies } from '../units/index.ts';
import { DirectoryErrors } from './errors.ts';
import { adm } from './page-messages.ts';
import { agencyLdifExport, agencyVcards, directoryIndex, fullLdifExport, publicAgencyDirectory } from './public-service.ts';
import { addEntry, agencyDirectoryForStaff, deleteEntry, entryForEdit, managesAgency, setPublished, updateEntry } from './service.ts';
import { AdminDirectoryPage, EditEntryPage, type SavedKind, adminUrl } from './views/admin-pages.tsx';
import { AgenciesPage } from './views/agencies-page.tsx';
import { EMPTY_ENTRY, type EntryValues, entryValues, valuesOf } from './views/entry-fields.tsx';
import { AgencyDirectoryPage, DirectoryIndexPage } from './views/public-pages.tsx';

const VCARD = 'text/vcard; charset=utf-8';
const LDIF = 'text/ldif';
const FILE = /^(.+?)(?:\.(vcf|ldif))?$/;

/** Errors a form shows beside its fields; anything else (401, 403, 404…) goes to the error page. */
function formError(err: unknown): AppError | undefined {
  return err instanceof AppError && err.fields.length > 0 && err.status < 500 && err.status !== 403 ? err : undefined;
}

function idParam(req: FastifyRequest): number {
  const id = (req.params as Record<string, string>).id ?? '';
  if (!/^\d{1,15}$/.test(id)) throw DirectoryErrors.ENTRY_NOT_FOUND();
  return Number(id);
}

function codeParam(raw: string | undefined): string {
  if (raw === undefined || !AGENCY_CODE.test(raw)) throw DirectoryErrors.AGENCY_NOT_FOUND();
  return raw;
}

const savedParam = (raw: unknown): SavedKind | undefined => (typeof raw === 'string' && raw in adm.saved ? (raw as SavedKind) : undefined);

function download(reply: FastifyReply, type: string, name: string, body: string): FastifyReply {
  return reply.type(type).header('content-disposition', contentDisposition(name)).send(body);
}

export async function directoryRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const domain = platform.config.officialMailDomain;

  app.get('/danh-ba', async (req, reply) => {
    const q = (req.query as Record<string, unknown>).q;
    return reply.html(DirectoryIndexPage({ req, index: await directoryIndex(platform, typeof q === 'string' ? q : '') }));
  });

  // One route for the page and its downloads: an agency's code holds dots ("000.00.51.H26"), so the extension is
  // told apart here rather than by the router.
  app.get('/danh-ba/:file', async (req, reply) => {
    const [, rawCode, ext] = FILE.exec((req.params as Record<string, string>).file ?? '') ?? [];
    const code = codeParam(rawCode);
    if (ext === 'vcf') {
      const { body } = await agencyVcards(platform, code);
      return download(reply, VCARD, `danh-ba-${code}.vcf`, body);
    }
    if (ext === 'ldif') {
      const { body } = await agencyLdifExport(platform, code);
      return download(reply, LDIF, `danh-ba-${code}.ldif`, body);
    }
    const { agency, entries } = await publicAgencyDirectory(platform, code);
    return reply.html(AgencyDirectoryPage({ req, agency, entries, canManage: managesAgency(req.user, agency.id) }));
  });

  app.get('/quan-tri/danh-ba.ldif', async (req, reply) => {
    const body = await fullLdifExport(platform, req.user);
    return download(reply.header('cache-control', 'private, no-store'), LDIF, 'danh-ba-ha-noi.ldif', body);
  });

  // Administrators choose an agency; an editor goes straight to their own agency's directory.
  app.get('/quan-tri/danh-ba', async (req, reply) => {
    const user = requireStaff(req.user, Role.editor, Role.admin);
    if (!user.roles.includes(Role.admin)) {
      const own = user.agencyId === null ? undefined : await findAgencyById(platform.database.db, user.agencyId);
      if (!own) throw DirectoryErrors.AGENCY_NOT_FOUND();
      return reply.redirect(adminUrl(own.code), 303);
    }
    return reply.html(AgenciesPage({ req, agencies: await listAgencies(platform.database.db) }));
  });

  const renderAgency = async (req: FastifyRequest, reply: FastifyReply, code: string, values: EntryValues, errors: AppError | undefined): Promise<FastifyReply> => {
    const { agency, entries } = await agencyDirectoryForStaff(platform, req.user, code);
    const saved = savedParam((req.query as Record<string, unknown>).saved);
    const isAdmin = req.user?.roles.includes(Role.admin) ?? false;
    const page = AdminDirectoryPage({ req, state: { agency, entries, saved, values, errors: errors?.fields ?? [], domain, isAdmin } });
    await reply.status(errors?.status ?? 200).html(page);
    return reply;
  };

  app.get('/quan-tri/danh-ba/:agencyCode', async (req, reply) =>
    renderAgency(req, reply, codeParam((req.params as Record<string, string>).agencyCode), { ...EMPTY_ENTRY }, undefined),
  );

  app.post('/quan-tri/danh-ba/:agencyCode', async (req, reply) => {
    const code = codeParam((req.params as Record<string, string>).agencyCode);
    const values = entryValues(req.body);
    try {
      await addEntry(platform, req.user, code, values, req.ip);
      return reply.redirect(adminUrl(code, 'added'), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return renderAgency(req, reply, code, values, e);
    }
  });

  app.get('/quan-tri/danh-ba/muc/:id', async (req, reply) => {
    const { agency, entry } = await entryForEdit(platform, req.user, idParam(req));
    return reply.html(EditEntryPage({ req, state: { agency, entry, values: valuesOf(entry), errors: [], domain } }));
  });

  app.post('/quan-tri/danh-ba/muc/:id', async (req, reply) => {
    const id = idParam(req);
    const values = entryValues(req.body);
    try {
      const entry = await updateEntry(platform, req.user, id, values, req.ip);
      const agency = await findAgencyById(platform.database.db, entry.agency_id);
      return reply.redirect(adminUrl(agency?.code ?? '', 'updated'), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      const { agency, entry } = await entryForEdit(platform, req.user, id);
      return reply.status(e.status).html(EditEntryPage({ req, state: { agency, entry, values, errors: e.fields, domain } }));
    }
  });

  const action = (path: string, saved: SavedKind, run: (req: FastifyRequest, id: number) => Promise<{ agency_id: number }>) =>
    app.post(`/quan-tri/danh-ba/muc/:id/${path}`, async (req, reply) => {
      const entry = await run(req, idParam(req));
      const agency = await findAgencyById(platform.database.db, entry.agency_id);
      return reply.redirect(adminUrl(agency?.code ?? '', saved), 303);
    });
  action('xoa', 'deleted', (req, id) => deleteEntry(platform, req.user, id, req.ip));
  action('cong-khai', 'published', (req, id) => setPublished(platform, req.user, id, true, req.ip));
  action('thoi-cong-khai', 'unpublished', (req, id) => setPublished(platform, req.user, id, false, req.ip));
}
