// The education office's pages (/quan-ly/tuyen-sinh/so…) and the public results of a round (/tuyen-sinh/ket-qua/:round).
// Thin: parse → service (which checks the role) → render. Someone not signed in is sent to sign in first; any other
// account gets the service's 403.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { listCatchments, setCatchments } from './catchments.ts';
import { OfficeErrors } from './office-errors.ts';
import { schoolsSheet, toCsv, toXlsx, wardsSheet } from './office-export.ts';
import { defaultRound, officeRounds, requireOffice, roundCounts } from './office.ts';
import { admissionRepo } from './repo.ts';
import { drawFile, publicResults, publishCommitment, runAllocation } from './results.ts';
import { admissionDb } from './tables.ts';
import { OfficeCatchmentsPage, areasText, parseAreas, type CatchmentState } from './views/office-catchments.tsx';
import { OfficeDashboardPage, OfficeNoRoundsPage } from './views/office-dashboard.tsx';
import { OFFICE, PUBLIC_RESULTS } from './views/office-parts.tsx';
import { OfficeResultsPage, PublicResultsPage } from './views/office-results.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Params = { round: string; seq?: string };
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const query = (req: FastifyRequest): Record<string, unknown> => (req.query ?? {}) as Record<string, unknown>;

function signInFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (req.user) return null;
  return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
}

async function page(reply: FastifyReply, status: number, body: JSX.Element): Promise<FastifyReply> {
  await reply.status(status).header('cache-control', 'private, no-store').html(body);
  return reply;
}

export async function officePages(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get(OFFICE, async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    const rounds = await officeRounds(platform, req.user);
    const wanted = Number(str(query(req).round));
    const round = rounds.find((r) => r.id === wanted) ?? defaultRound(rounds);
    if (!round) return page(reply, 200, OfficeNoRoundsPage({ req }));
    const counts = await roundCounts(platform, req.user, round.id);
    return page(reply, 200, OfficeDashboardPage({ req, state: { rounds, counts, ward: str(query(req).ward) } }));
  });

  for (const ext of ['csv', 'xlsx'] as const) {
    app.get<{ Params: Params }>(`${OFFICE}/:round/truong.${ext}`, async (req, reply) => {
      if (signInFirst(req, reply)) return reply;
      const counts = await roundCounts(platform, req.user, Number(req.params.round));
      const name = `tuyen-sinh-${counts.round.schoolYear}-${counts.round.level}-theo-truong.${ext}`;
      const body = ext === 'csv' ? toCsv(schoolsSheet(req.lang, counts)) : await toXlsx([schoolsSheet(req.lang, counts), wardsSheet(req.lang, counts)]);
      return reply
        .header('content-type', ext === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(name))
        .send(body);
    });
  }

  const catchmentPage = async (req: FastifyRequest, reply: FastifyReply, input: { year: string; school: string; text?: string; saved?: boolean; error?: AppError }): Promise<FastifyReply> => {
    const rounds = await officeRounds(platform, req.user);
    const db = admissionDb(platform.database.db);
    const years = await db.selectFrom('admission_school_years').select(['code', 'name']).orderBy('start_year', 'desc').execute();
    const year = years.some((y) => y.code === input.year) ? input.year : (years[0]?.code ?? '');
    const school = input.school.toUpperCase();
    const found = school ? await admissionRepo.findSchoolByCode(db, school) : undefined;
    const areas = found && year ? await listCatchments(platform, year, found.code) : null;
    const s: CatchmentState = {
      rounds,
      years,
      year,
      school,
      schoolName: found?.name ?? null,
      areas,
      text: input.text ?? areasText(areas ?? []),
      saved: input.saved ?? false,
      error: input.error ? input.error.text : school && !found ? { vi: 'Không tìm thấy trường có mã này.', en: 'No school has this code.' } : null,
    };
    return page(reply, input.error ? input.error.status : school && !found ? 404 : 200, OfficeCatchmentsPage({ req, s }));
  };

  app.get(`${OFFICE}/tuyen`, async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    return catchmentPage(req, reply, { year: str(query(req).year), school: str(query(req).school) });
  });

  app.post(`${OFFICE}/tuyen`, async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    requireOffice(req.user);
    const b = (req.body ?? {}) as Record<string, unknown>;
    const input = { year: str(b.year), school: str(b.school), text: typeof b.areas === 'string' ? b.areas : '' };
    const areas = parseAreas(input.text);
    if (!areas) return catchmentPage(req, reply, { ...input, error: OfficeErrors.CATCHMENT_INPUT() });
    try {
      await setCatchments(platform, req.user, { schoolYear: input.year, schoolCode: input.school.toUpperCase(), areas });
    } catch (e) {
      if (!(e instanceof AppError) || e.status === 403) throw e;
      return catchmentPage(req, reply, { ...input, error: OfficeErrors.CATCHMENT_INPUT() });
    }
    // Shown back from the database, not from the form.
    return catchmentPage(req, reply, { year: input.year, school: input.school, saved: true });
  });

  app.get<{ Params: Params }>(`${OFFICE}/:round/ket-qua`, async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    const rounds = await officeRounds(platform, req.user);
    const s = await publicResults(platform, Number(req.params.round));
    return page(reply, 200, OfficeResultsPage({ req, s, rounds, now: new Date(), notice: str(query(req).done) === '1' }));
  });

  app.post<{ Params: Params }>(`${OFFICE}/:round/cam-ket`, async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    await publishCommitment(platform, req.user, Number(req.params.round));
    return reply.redirect(`${OFFICE}/${Number(req.params.round)}/ket-qua?done=1`, 303);
  });

  app.post<{ Params: Params }>(`${OFFICE}/:round/xep-cho`, async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    await runAllocation(platform, req.user, Number(req.params.round));
    return reply.redirect(`${OFFICE}/${Number(req.params.round)}/ket-qua?done=1`, 303);
  });

  app.get<{ Params: Params }>(`${PUBLIC_RESULTS}/:round`, async (req, reply) => {
    const s = await publicResults(platform, Number(req.params.round));
    await reply.header('cache-control', 'public, max-age=30').html(PublicResultsPage({ req, s }));
    return reply;
  });

  for (const [file, kind] of [
    ['ho-so.txt', 'applications'],
    ['ket-qua.txt', 'result'],
  ] as const) {
    app.get<{ Params: Params }>(`${PUBLIC_RESULTS}/:round/boc-tham/:seq/${file}`, async (req, reply) => {
      const text = await drawFile(platform, Number(req.params.round), Number(req.params.seq), kind);
      return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(text);
    });
  }
}
