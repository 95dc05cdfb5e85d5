// The results pages of IT readiness (issue 14; docs/readiness.md "Results"), all GET: parse → service → render.
// Access is checked by the service functions (dashboards.ts → results.ts); answers are private, no-store.
//   /chuyen-doi-so/ket-qua                                   cycles and trends
//   /chuyen-doi-so/ket-qua/:cycleId                          ranking, chart, downloads
//   /chuyen-doi-so/ket-qua/:cycleId/don-vi/:agencyId         a unit's scorecard
//   /chuyen-doi-so/ket-qua/:cycleId/ket-qua.xlsx             the workbook
//   /chuyen-doi-so/ket-qua/:cycleId/bao-cao.pdf[?don-vi=ID]  the printed report
//   /chuyen-doi-so/dti                                       the city in the national DTI
//   /chuyen-doi-so/ke-hoach/:year                            the year's plan targets against achievement
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentDisposition } from '../../platform/files/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { listAgencies } from '../units/index.ts';
import { cycleResults, dtiView, overview, planProgress, scorecard } from './dashboards.ts';
import { AGENCY_KIND } from './form.ts';
import { peerHistory, unitHistory } from './repo-history.ts';
import { readinessDb } from './repo.ts';
import { resultsPdf } from './results-pdf.ts';
import { ResultErrors } from './results-messages.ts';
import { resultsWorkbook } from './results-xlsx.ts';
import { OverviewPage, RankingPage } from './views/results-cycle.tsx';
import { DtiPage, PlanPage } from './views/results-national.tsx';
import { DTI_URL, RESULTS_URL } from './views/results-parts.tsx';
import { ScorecardPage } from './views/results-scorecard.tsx';

const NO_STORE = 'private, no-store';
/** An id from the path or query: digits only (anything else — arrays, NUL bytes, huge strings — reads as "none"). */
const idOf = (v: unknown): number => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : NaN);
const param = (req: FastifyRequest, k: string): number => idOf((req.params as Record<string, unknown>)[k]);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function resultRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const html = (reply: FastifyReply, page: JSX.Element) => reply.header('cache-control', NO_STORE).html(page);

  app.get(RESULTS_URL, async (req, reply) => html(reply, OverviewPage({ req, o: await overview(platform, req.user) })));

  app.get(`${RESULTS_URL}/:cycleId`, async (req, reply) => html(reply, RankingPage({ req, res: await cycleResults(platform, req.user, param(req, 'cycleId')) })));

  app.get(`${RESULTS_URL}/:cycleId/don-vi/:agencyId`, async (req, reply) =>
    html(reply, ScorecardPage({ req, card: await scorecard(platform, req.user, param(req, 'cycleId'), param(req, 'agencyId')) })),
  );

  app.get(`${RESULTS_URL}/:cycleId/ket-qua.xlsx`, async (req, reply) => {
    const res = await cycleResults(platform, req.user, param(req, 'cycleId'));
    const db = readinessDb(platform.database.db);
    const agencies = await listAgencies(platform.database.db, { kind: AGENCY_KIND[res.cycle.peer_group], includeInactive: true });
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    // Before publication a unit's officer sees its own history only, as it sees its own row only.
    const history = res.ranked ? await peerHistory(db, res.cycle.peer_group) : (await Promise.all(res.rows.map((x) => unitHistory(db, x.agencyId, res.cycle.peer_group)))).flat();
    const body = await resultsWorkbook(res, history, names);
    return reply
      .header('cache-control', NO_STORE)
      .header('content-type', XLSX)
      .header('content-disposition', contentDisposition(`ket-qua-chuyen-doi-so-${res.cycle.year}-${res.cycle.peer_group}.xlsx`))
      .send(body);
  });

  app.get(`${RESULTS_URL}/:cycleId/bao-cao.pdf`, async (req, reply) => {
    const res = await cycleResults(platform, req.user, param(req, 'cycleId'));
    const raw = (req.query as Record<string, unknown>)['don-vi'];
    let unit;
    if (raw !== undefined) {
      unit = res.rows.find((x) => x.agencyId === idOf(raw));
      if (!unit) throw ResultErrors.UNIT_NOT_FOUND();
    }
    const body = await resultsPdf(res, unit);
    return reply
      .header('cache-control', NO_STORE)
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(`bao-cao-chuyen-doi-so-${res.cycle.year}-${res.cycle.peer_group}.pdf`, 'inline'))
      .send(body);
  });

  app.get(DTI_URL, async (req, reply) => html(reply, DtiPage({ req, dti: dtiView(req.user) })));

  app.get('/chuyen-doi-so/ke-hoach/:year', async (req, reply) => html(reply, PlanPage({ req, p: await planProgress(platform, req.user, param(req, 'year')) })));
}
