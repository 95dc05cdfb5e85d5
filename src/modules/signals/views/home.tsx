// /quan-ly/den-tin-hieu: the network map (SVG), its legend with counts, the corridors and the intersections as tables
// (the map's text alternative, 50 to a page, filtered by corridor), each leading to its own page.
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable, Page, SelectField } from '../../../platform/web/layout.tsx';
import { m } from '../messages.ts';
import type { CorridorRow, IntersectionRow } from '../repo.ts';
import type { DotState } from '../registry.ts';
import { DOT_COLOURS } from './map-svg.ts';
import { Notice, URLS } from './parts.tsx';
import { WALL_URLS } from '../wall/views.tsx';

export interface HomeProps {
  req: FastifyRequest;
  svg: string;
  counts: Record<DotState, number>;
  corridors: CorridorRow[];
  rows: { row: IntersectionRow; state: DotState; pattern: string }[];
  filter: string;
  page: number;
  pages: number;
  centreOn: boolean;
}

export function HomePage(p: HomeProps): JSX.Element {
  const lang = p.req.lang;
  const states: DotState[] = ['running', 'flash', 'silent', 'none'];
  // Drawn by views/map-svg.ts, which escapes every name it writes.
  const safeMap = p.svg;
  const pageHref = (n: number): string => `${URLS.home}?${new URLSearchParams({ ...(p.filter ? { hanhlang: p.filter } : {}), trang: String(n) }).toString()}#danh-sach`;
  return (
    <Page req={p.req} title={m.home}>
      <h1 safe>{t(lang, m.home)}</h1>
      {p.centreOn ? '' : <Notice text={t(lang, m.centreOff)} />}
      <p>
        <a href={WALL_URLS.wall} safe>
          {t(lang, m.toWall)}
        </a>
      </p>
      <section aria-labelledby="ban-do">
        <h2 id="ban-do" safe>
          {t(lang, m.map)}
        </h2>
        <figure class="signal-map-figure">{safeMap}</figure>
        <h3 safe>{t(lang, m.legend)}</h3>
        <ul class="signal-legend">
          {states.map((s) => (
            <li>
              <svg width="14" height="14" aria-hidden="true" focusable="false">
                <circle cx="7" cy="7" r="6" fill={DOT_COLOURS[s]} />
              </svg>{' '}
              <span safe>{`${t(lang, m.state[s])}: ${p.counts[s]}`}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="hanh-lang">
        <h2 id="hanh-lang" safe>
          {t(lang, m.corridors)}
        </h2>
        <CardsTable
          caption={t(lang, m.corridors)}
          captionHidden
          heads={[t(lang, m.corridor), { text: t(lang, m.count), class: 'num' }, { text: t(lang, m.speed), class: 'num' }, { text: t(lang, m.cycle), class: 'num' }]}
          rows={p.corridors}
          cells={(c) => [{ header: true, html: <a href={URLS.corridor(c.id)} safe>{c.name}</a> }, { text: String(c.count), class: 'num' }, { text: String(c.speed_kmh), class: 'num' }, { text: String(c.cycle), class: 'num' }]}
        />
      </section>
      <section aria-labelledby="danh-sach">
        <h2 id="danh-sach" safe>
          {t(lang, m.intersections)}
        </h2>
        <form method="get" action={`${URLS.home}#danh-sach`}>
          <SelectField id="hanhlang" label={t(lang, m.filter)} value={p.filter} options={[{ value: '', label: t(lang, m.all) }, { value: 'none', label: t(lang, m.noCorridor) }, ...p.corridors.map((c) => ({ value: String(c.id), label: c.name }))]} />
          <button type="submit" class="secondary" safe>
            {t(lang, m.show)}
          </button>
        </form>
        <CardsTable
          caption={t(lang, m.page, { p: p.page, n: p.pages })}
          heads={[t(lang, m.id), t(lang, m.name), t(lang, m.corridor), t(lang, m.live), t(lang, m.pattern)]}
          rows={p.rows}
          cells={(r) => [{ header: true, html: <a href={URLS.intersection(r.row.id)} safe>{r.row.id}</a> }, r.row.name, r.row.corridor ?? '—', t(lang, m.state[r.state]), r.pattern]}
        />
        <nav aria-label={t(lang, m.page, { p: p.page, n: p.pages })} class="pager">
          {p.page > 1 ? (
            <a href={pageHref(p.page - 1)} safe>
              {t(lang, m.previous)}
            </a>
          ) : (
            ''
          )}{' '}
          {p.page < p.pages ? (
            <a href={pageHref(p.page + 1)} safe>
              {t(lang, m.next)}
            </a>
          ) : (
            ''
          )}
        </nav>
      </section>
    </Page>
  );
}
