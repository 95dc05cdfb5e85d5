// The work files' pages (hồ sơ công việc) and exports. Thin: parse → service → render. A refused form is shown again
// with the typed values and the errors on top and beside their fields; access is checked by the service functions.
// Nothing here is cached: every answer is private, no-store.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../platform/http/errors.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/http/context.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { findAgencyById } from '../units/index.ts';
import { WorkFileListPage, WorkFilePage, WORK_FILES_URL, workFileUrl } from './views/workfiles.tsx';
import { recordAudit } from '../../platform/audit/index.ts';
import { workFileXml, type WorkFileExport } from './workfiles-export.ts';
import { workFileBundlePdf, workFileFiles } from './workfiles-pdf.ts';
import { WorkFileErrors } from './workfiles-messages.ts';
import {
  closeWorkFile,
  createWorkFile,
  emptyWorkFile,
  keeperOptions,
  listWorkFiles,
  mayCreateWorkFile,
  removeDocument,
  updateWorkFile,
  valuesOf,
  workFileIndex,
  workFileValues,
  type WorkFileValues,
} from './workfiles.ts';
import { addDocumentByReference } from './workfiles-reference.ts';

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const NO_STORE = 'private, no-store';

/** Errors a form shows beside its fields; anything else (401, 403, 404 without a field…) goes to the error page. */
function formError(err: unknown): AppError | undefined {
  return err instanceof AppError && err.fields.length > 0 && err.status < 500 && err.status !== 403 ? err : undefined;
}

const idOf = (req: FastifyRequest): number => {
  const raw = str((req.params as Body).id);
  return /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
};

export async function workFileRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  const listPage = async (req: FastifyRequest, reply: FastifyReply, o: { values?: WorkFileValues; errors?: readonly FieldError[]; status?: number } = {}): Promise<FastifyReply> => {
    const query = str((req.query as Body).q).slice(0, 200);
    const files = await listWorkFiles(platform, req.user, { query });
    const canCreate = mayCreateWorkFile(req.user);
    const keepers = canCreate ? await keeperOptions(platform, req.user) : [];
    const values = o.values ?? emptyWorkFile(vietnamDateOf(new Date()), req.user?.id ?? null);
    await reply
      .status(o.status ?? 200)
      .header('cache-control', NO_STORE)
      .html(WorkFileListPage({ req, state: { files, query, canCreate, keepers, values, errors: o.errors ?? [] } }));
    return reply;
  };

  app.get(WORK_FILES_URL, async (req, reply) => listPage(req, reply));

  app.post(WORK_FILES_URL, async (req, reply) => {
    const values = workFileValues((req.body ?? {}) as Body);
    try {
      const w = await createWorkFile(platform, req.user, values, req.ip);
      return reply.header('cache-control', NO_STORE).redirect(workFileUrl(w.id), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return listPage(req, reply, { values, errors: e.fields, status: e.status });
    }
  });

  interface Typed {
    values?: WorkFileValues;
    reference?: string;
    closedOn?: string;
  }
  const filePage = async (req: FastifyRequest, reply: FastifyReply, id: number, typed: Typed = {}, errors: readonly FieldError[] = [], status = 200): Promise<FastifyReply> => {
    const index = await workFileIndex(platform, req.user, id);
    const keepers = index.rights.edit ? await keeperOptions(platform, req.user) : [];
    const state = {
      index,
      keepers,
      values: typed.values ?? valuesOf(index.file),
      reference: typed.reference ?? '',
      closedOn: typed.closedOn ?? vietnamDateOf(new Date()),
      errors,
    };
    await reply.status(status).header('cache-control', NO_STORE).html(WorkFilePage({ req, state }));
    return reply;
  };

  app.get(`${WORK_FILES_URL}/:id`, async (req, reply) => filePage(req, reply, idOf(req)));

  /** A POST on one file: the change, then back to the file; a refusal shows the file with the form as typed. */
  const action = (path: string, typed: (b: Body) => Typed, run: (req: FastifyRequest, id: number, b: Body) => Promise<unknown>) =>
    app.post(`${WORK_FILES_URL}/:id/${path}`, async (req, reply) => {
      const id = idOf(req);
      const body = (req.body ?? {}) as Body;
      try {
        await run(req, id, body);
        return reply.header('cache-control', NO_STORE).redirect(workFileUrl(id), 303);
      } catch (err) {
        const e = formError(err);
        if (!e) throw err;
        return filePage(req, reply, id, typed(body), e.fields, e.status);
      }
    });

  action(
    'sua',
    (b) => ({ values: workFileValues(b) }),
    (req, id, b) => updateWorkFile(platform, req.user, id, workFileValues(b), req.ip),
  );
  action(
    'them-van-ban',
    (b) => ({ reference: str(b.document).trim() }),
    (req, id, b) => addDocumentByReference(platform, req.user, id, str(b.document), req.ip),
  );
  action(
    'bo-van-ban',
    () => ({}),
    (req, id, b) => removeDocument(platform, req.user, id, /^\d{1,12}$/.test(str(b.documentId)) ? Number(b.documentId) : NaN, req.ip),
  );
  action(
    'ket-thuc',
    (b) => ({ closedOn: str(b.closedOn).trim() }),
    (req, id, b) => closeWorkFile(platform, req.user, id, str(b.closedOn), req.ip),
  );

  /** What the exports print: the file, the documents the user may see, the agency and its parent. */
  const exportOf = async (req: FastifyRequest): Promise<WorkFileExport> => {
    const index = await workFileIndex(platform, req.user, idOf(req));
    const agency = await findAgencyById(db, index.file.agency_id);
    if (!agency) throw WorkFileErrors.NOT_FOUND();
    const parent = agency.parentId === null ? undefined : await findAgencyById(db, agency.parentId);
    return {
      file: index.file,
      keeperName: index.keeperName,
      documents: index.documents,
      agency: { code: agency.code, name: agency.name, ...(parent ? { parentName: parent.name } : {}) },
      printedAt: new Date(),
    };
  };
  const fileName = (x: WorkFileExport, ext: string): string => `ho-so-${x.file.code.replace(/[^\p{L}\p{N}.\-_]+/gu, '-')}.${ext}`;

  app.get(`${WORK_FILES_URL}/:id.pdf`, async (req, reply) => {
    const x = await exportOf(req);
    // The file with the documents the user may see and their files; the files given out are audited, as when opened.
    const files = await workFileFiles(platform, x.documents);
    const pdf = await workFileBundlePdf(x, files);
    await recordAudit(db, {
      actor: req.user,
      action: 'workfile.exported',
      entity: 'work_file',
      entityId: x.file.id,
      agencyId: x.file.agency_id,
      ip: req.ip,
      data: { format: 'pdf', documents: x.documents.map((d) => d.id), files: files.flat().map((f) => f.id) },
    });
    return reply.type('application/pdf').header('cache-control', NO_STORE).header('content-disposition', contentDisposition(fileName(x, 'pdf'), 'inline')).send(pdf);
  });

  app.get(`${WORK_FILES_URL}/:id.xml`, async (req, reply) => {
    const x = await exportOf(req);
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', NO_STORE)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', contentDisposition(fileName(x, 'xml')))
      .send(workFileXml(x));
  });
}
