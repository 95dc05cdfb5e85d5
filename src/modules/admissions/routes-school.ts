// The school officer's pages (issue 11 "Schools see and confirm their applicants"), in their own Fastify scope (the
// multipart parser of the CSV upload stays here): thin — parse, call school.ts / school-codes.ts / letters.ts, render.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { requireStaff } from '../../platform/auth/access.ts';
import { Role } from '../../platform/auth/roles.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { t } from '../../platform/web/i18n.ts';
import { registerMultipart, uploadsOf } from '../dossiers/index.ts';
import { STATUS_LABELS } from './messages.ts';
import { sm } from './school-messages.ts';
import { confirmEnrolment, officerSchools, ownSchool, schoolApplicants, type ApplicantFilter } from './school.ts';
import { importCodes, type ImportLine } from './school-codes.ts';
import { lettersPdf, schoolCodes } from './letters.ts';
import { ApplicantsPage, filterQuery, schoolPath } from './views/school-applicants-page.tsx';
import { CodesPage, SchoolsPage } from './views/school-codes-page.tsx';
import { STATUSES_FOR_FILTER, applicantsCsv } from './school-csv.ts';

type Q = Record<string, unknown>;
const str = (q: Q, k: string): string => (typeof q[k] === 'string' ? (q[k] as string).trim() : '');
const roundOf = (q: Q): number | undefined => (/^\d{1,12}$/.test(str(q, 'round')) ? Number(str(q, 'round')) : undefined);
const schoolOf = (req: FastifyRequest): string => (req.params as { school: string }).school;

function filterOf(q: Q): ApplicantFilter {
  const status = STATUSES_FOR_FILTER.find((s) => s === str(q, 'status'));
  const c = str(q, 'catchment');
  return { status, inCatchment: c === 'in' ? true : c === 'out' ? false : undefined };
}

function signInFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (req.user) return null;
  return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
}

export async function schoolPages(app: FastifyInstance, platform: Platform): Promise<void> {
  await registerMultipart(app, platform);
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

  app.get('/truong/tuyen-sinh', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const schools = await officerSchools(platform, req.user);
    return noStore(reply).html(SchoolsPage({ req, schools }));
  });

  app.get('/truong/tuyen-sinh/:school', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const q = req.query as Q;
    const filter = filterOf(q);
    const list = await schoolApplicants(platform, req.user, { schoolCode: schoolOf(req), roundId: roundOf(q), filter });
    const no = str(q, 'xac-nhan');
    const notice = no ? t(req.lang, sm.confirmed, { no }) : undefined;
    return noStore(reply).html(ApplicantsPage({ req, s: { list, filter, notice, errors: [] } }));
  });

  app.get('/truong/tuyen-sinh/:school/ho-so.csv', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const q = req.query as Q;
    const list = await schoolApplicants(platform, req.user, { schoolCode: schoolOf(req), roundId: roundOf(q), filter: filterOf(q) });
    return noStore(reply)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`ho-so-${list.school.code}-${list.round.id}.csv`))
      .send(applicantsCsv(req.lang, list, (s) => t(req.lang, STATUS_LABELS[s])));
  });

  app.post('/truong/tuyen-sinh/:school/xac-nhan', async (req, reply) => {
    const b = req.body as Q;
    const applicationNo = str(b, 'application_no');
    try {
      await confirmEnrolment(platform, req.user, { schoolCode: schoolOf(req), applicationNo, confirmed: str(b, 'confirm') === 'yes', ip: req.ip ?? null });
    } catch (err) {
      if (!(err instanceof AppError) || !['CONFIRM_MISSING', 'NOT_CONFIRMABLE'].includes(err.code)) throw err;
      const list = await schoolApplicants(platform, req.user, { schoolCode: schoolOf(req), roundId: roundOf(b) });
      const errors = [{ field: `confirm-${applicationNo}`, message: err.text }];
      return noStore(reply).status(err.status).html(ApplicantsPage({ req, s: { list, filter: {}, errors } }));
    }
    return reply.redirect(`${schoolPath(schoolOf(req))}?${filterQuery(roundOf(b) ?? 0, {})}&xac-nhan=${encodeURIComponent(applicationNo)}`.replace('round=0&', ''), 303);
  });

  const codesPage = async (req: FastifyRequest, reply: FastifyReply, lines?: ImportLine[], err?: AppError): Promise<FastifyReply> => {
    const { school, round, children } = await schoolCodes(platform, req.user, { schoolCode: schoolOf(req), roundId: roundOf(req.query as Q) });
    const errors = err ? [{ field: 'file', message: err.text }] : [];
    await noStore(reply)
      .status(err?.status ?? 200)
      .html(CodesPage({ req, s: { school, round, issuedCount: children.length, lines, errors } }));
    return reply;
  };

  app.get('/truong/tuyen-sinh/:school/ma-tuyen-sinh', async (req, reply) => signInFirst(req, reply) ?? codesPage(req, reply));

  app.post(
    '/truong/tuyen-sinh/:school/ma-tuyen-sinh',
    // Before a byte of the file is read: only an officer of this school may upload (platform/http/uploads.ts).
    {
      config: {
        beforeUpload: async (req: FastifyRequest): Promise<void> => {
          await ownSchool(platform, req.user, schoolOf(req));
        },
      },
    },
    async (req, reply) => {
      requireStaff(req.user, Role.schoolAdmissions);
      const file = uploadsOf((req.body ?? {}) as Q)[0];
      const roundId = roundOf(req.query as Q);
      try {
        if (!file?.temp || file.truncated || file.overTotal || roundId === undefined) throw new AppError('FILE_MISSING', 400, sm.fileMissing);
        const csv = (await readFile(file.temp.path)).toString('utf8');
        const { lines } = await importCodes(platform, req.user, { schoolCode: schoolOf(req), roundId, csv });
        return codesPage(req, reply, lines);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.status === 404 || err.status === 403) throw err;
        return codesPage(req, reply, undefined, err);
      }
    },
  );

  app.get('/truong/tuyen-sinh/:school/giay-bao.pdf', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const pdf = await lettersPdf(platform, req.user, { schoolCode: schoolOf(req), roundId: roundOf(req.query as Q) });
    return noStore(reply).type('application/pdf').header('content-disposition', contentDisposition(`giay-bao-${schoolOf(req)}.pdf`)).send(pdf);
  });
}
