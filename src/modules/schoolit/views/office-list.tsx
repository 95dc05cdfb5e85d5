// /thiet-bi-cntt-truong/so-gd: the education office's list of every school's report of a school year, filtered by
// level, commune/ward and state (cards on a phone), 50 to a page; each row opens the report.
import type { FastifyRequest } from 'fastify';
import { CardsTable, Page, SelectField } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import type { UnitSummary } from '../../units/index.ts';
import { LEVELS, loadNorms } from '../coverage.ts';
import { m, STATE_LABELS } from '../messages.ts';
import { REPORT_STATES } from '../repo.ts';
import type { ReportFilter, ReportListRow } from '../review.ts';
import { coveragePath, OFFICE_PATH, reportPath, stateText } from './parts.tsx';

export interface OfficeListState {
  filter: ReportFilter;
  rows: ReportListRow[];
  total: number;
  page: number;
  pages: number;
  wards: UnitSummary[];
}

export function listQuery(f: ReportFilter, page: number): string {
  const q = new URLSearchParams({ nam: f.schoolYear });
  if (f.level) q.set('cap', f.level);
  if (f.wardCode) q.set('xa', f.wardCode);
  if (f.state) q.set('trang-thai', f.state);
  if (page > 1) q.set('trang', String(page));
  return q.toString();
}

export function OfficeListPage({ req, s }: { req: FastifyRequest; s: OfficeListState }): JSX.Element {
  const lang = req.lang;
  const norms = loadNorms();
  const wardName = new Map(s.wards.map((w) => [w.code, w.name]));
  const all = { value: '', label: t(lang, m.all) };
  return (
    <Page req={req} title={m.officeTitle}>
      <h1 safe>{`${t(lang, m.officeTitle)} — ${s.filter.schoolYear}`}</h1>
      <p>
        <a href={coveragePath(s.filter.schoolYear)} safe>
          {t(lang, m.coverageLink)}
        </a>
      </p>
      <form method="get" action={OFFICE_PATH} class="filters">
        <input type="hidden" name="nam" value={s.filter.schoolYear} />
        <SelectField id="cap" label={t(lang, m.level)} value={s.filter.level ?? ''} options={[all, ...LEVELS.map((l) => ({ value: l, label: t(lang, norms.levels[l].name) }))]} />
        <SelectField id="xa" label={t(lang, m.ward)} value={s.filter.wardCode ?? ''} options={[all, ...s.wards.map((w) => ({ value: w.code, label: w.name }))]} />
        <SelectField
          id="trang-thai"
          label={t(lang, m.state)}
          value={s.filter.state ?? ''}
          options={[all, ...(['none', ...REPORT_STATES] as const).map((st) => ({ value: st, label: t(lang, STATE_LABELS[st]) }))]}
        />
        <p>
          <button type="submit" class="secondary" safe>
            {t(lang, m.filter)}
          </button>
        </p>
      </form>
      <p safe>{t(lang, m.shown, { n: String(s.rows.length), total: String(s.total) })}</p>
      {s.rows.length === 0 ? (
        <p safe>{t(lang, m.none)}</p>
      ) : (
        <CardsTable
          caption={`${t(lang, m.officeTitle)} — ${s.filter.schoolYear}`}
          heads={[m.school, m.level, m.ward, m.state].map((h) => t(lang, h))}
          rows={s.rows}
          cells={({ school, report }) => [
            {
              html: report ? (
                <a href={reportPath(report.id)} safe>
                  {school.name}
                </a>
              ) : (
                <span safe>{school.name}</span>
              ),
            },
            t(lang, norms.levels[school.level].name),
            wardName.get(school.wardCode) ?? school.wardCode,
            stateText(lang, report),
          ]}
        />
      )}
      {s.pages > 1 ? (
        <nav aria-label={t(lang, m.listLink)}>
          {s.page > 1 ? (
            <a href={`${OFFICE_PATH}?${listQuery(s.filter, s.page - 1)}`} rel="prev" safe>
              {t(lang, m.previous)}
            </a>
          ) : (
            ''
          )}{' '}
          <span safe>{`${s.page} / ${s.pages}`}</span>{' '}
          {s.page < s.pages ? (
            <a href={`${OFFICE_PATH}?${listQuery(s.filter, s.page + 1)}`} rel="next" safe>
              {t(lang, m.next)}
            </a>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
    </Page>
  );
}
