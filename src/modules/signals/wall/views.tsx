// The monitoring wall /quan-ly/den-tin-hieu/giam-sat (issue 16): the counts, the lag, the intersections needing
// attention first (a table that becomes cards on a phone) and a compact map of every intersection coloured by state,
// each state with its own shape and named in the legend (never colour alone). The three parts are also the JSON
// endpoint's fragments, so the polling script swaps in exactly what a reload would show.
import type { FastifyRequest } from 'fastify';
import { xml } from '../../../platform/web/charts.ts';
import { CardsTable } from '../../../platform/web/cards-table.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { Page } from '../../../platform/web/layout.tsx';
import { w, WALL_STATE_LABELS } from './messages.ts';
import { WALL_STATES, type WallRow, type WallState, type WallStateName } from './state.ts';

export const SIGNALS_PATH = '/quan-ly/den-tin-hieu';
export const WALL_URLS = {
  wall: `${SIGNALS_PATH}/giam-sat`,
  json: `${SIGNALS_PATH}/giam-sat.json`,
  script: `${SIGNALS_PATH}/giam-sat.js`,
  intersection: (id: string) => `${SIGNALS_PATH}/nut/${encodeURIComponent(id)}`,
  measures: (id: string, phase?: number) => `${SIGNALS_PATH}/do-luong/${encodeURIComponent(id)}${phase === undefined ? '' : `?phase=${phase}`}`,
} as const;

/** The rows of the attention table (the rest are counted below it). */
export const ATTENTION_ROWS = 100;

/** Colours dark enough on white (WCAG 1.4.11) and a shape of each state's own. */
const MARK: Record<WallStateName, { fill: string; shape: (x: number, y: number) => string }> = {
  normal: { fill: '#00703c', shape: (x, y) => `<circle cx="${x}" cy="${y}" r="4"` },
  flashing: { fill: '#8a4b00', shape: (x, y) => `<path d="M${x} ${y - 6}L${x + 6} ${y}L${x} ${y + 6}L${x - 6} ${y}Z"` },
  fault: { fill: '#a3161a', shape: (x, y) => `<path d="M${x} ${y - 6}L${x + 6} ${y + 5}L${x - 6} ${y + 5}Z"` },
  commLost: { fill: '#1b1b1b', shape: (x, y) => `<rect x="${x - 5}" y="${y - 5}" width="10" height="10"` },
};

const num = (lang: Lang, n: number): string => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);
const time = (at: number): string => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(at));

function swatch(state: WallStateName): string {
  const m = MARK[state];
  return `<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${m.shape(8, 8)} fill="${m.fill}"/></svg>`;
}

export function detailOf(lang: Lang, r: WallRow): string {
  if (r.state === 'commLost') return r.silentFor === null ? t(lang, w.neverHeard) : r.silentFor <= 5 ? t(lang, w.offline) : t(lang, w.silentFor, { n: r.silentFor });
  if (r.state === 'fault') return t(lang, w.alarms, { list: r.alarms.join(', ') });
  return r.pattern === null ? '' : t(lang, w.pattern, { n: r.pattern });
}

export function WallSummary({ lang, s }: { lang: Lang; s: WallState }): string {
  const items: [string, string, WallStateName | null][] = [
    ...WALL_STATES.map((k): [string, string, WallStateName] => [t(lang, WALL_STATE_LABELS[k]), num(lang, s.counts[k]), k]),
    [t(lang, w.unknownControllers), num(lang, s.unknown.length), null],
    [t(lang, w.lagP99), s.lagP99 === null ? t(lang, w.lagNone) : t(lang, w.ms, { n: num(lang, s.lagP99) }), null],
  ];
  return (
    <>
      <dl class="wall-counts">
        {items.map(([k, v, state]) => {
          const safeMark = state ? swatch(state) : '';
          return (
            <div data-state={state ?? undefined}>
              <dt>
                {safeMark} <span safe>{k}</span>
              </dt>
              <dd safe>{v}</dd>
            </div>
          );
        })}
      </dl>
      <p class="muted" safe>
        {t(lang, w.updated, { time: time(s.at) })}
      </p>
      {s.unknown.length > 0 ? (
        <>
          <p class="notice" role="status" safe>
            {t(lang, w.unknownFlag)}
          </p>
          <CardsTable
            caption={t(lang, w.unknownControllers)}
            heads={['ID', { text: t(lang, w.messages), class: 'num' }]}
            rows={s.unknown.slice(0, 20)}
            cells={(u) => [{ text: u.id, header: true }, { text: num(lang, u.messages), class: 'num' }]}
          />
        </>
      ) : (
        ''
      )}
    </>
  ) as string;
}

export function WallAttention({ lang, s }: { lang: Lang; s: WallState }): string {
  const attention = s.rows.filter((r) => r.state !== 'normal');
  if (attention.length === 0) return (<p safe>{t(lang, w.allNormal)}</p>) as string;
  const shown = attention.slice(0, ATTENTION_ROWS);
  return (
    <>
      <CardsTable
        caption={t(lang, w.attention)}
        captionHidden
        heads={[t(lang, w.intersections), t(lang, w.state), t(lang, w.detail), t(lang, w.links)]}
        rows={shown}
        cells={(r) => [
          {
            header: true,
            html: (
              <a href={WALL_URLS.intersection(r.id)}>
                <span safe>{r.name}</span> (<span safe>{r.id}</span>)
              </a>
            ),
          },
          t(lang, WALL_STATE_LABELS[r.state]),
          detailOf(lang, r),
          {
            html: (
              <a href={WALL_URLS.measures(r.id)} safe>
                {t(lang, w.measuresLink)}
              </a>
            ),
          },
        ]}
      />
      {attention.length > shown.length ? <p safe>{t(lang, w.moreRows, { n: attention.length - shown.length, shown: shown.length })}</p> : ''}
    </>
  ) as string;
}

/**
 * The compact map: each intersection at its place, an equirectangular projection of the network's box that keeps its
 * shape (a degree of longitude is cos(latitude) of one of latitude), 800 wide and as high as the shape needs (600 at most).
 */
export function wallMapSvg(lang: Lang, s: WallState, width = 800): string {
  const pad = 12;
  const lats = s.rows.map((r) => r.lat);
  const lons = s.rows.map((r) => r.lon);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-4, (maxLon - minLon) * k);
  const spanY = Math.max(1e-4, maxLat - minLat);
  const scale = Math.min((width - 2 * pad) / spanX, (600 - 2 * pad) / spanY);
  const height = Math.max(120, Math.round(spanY * scale + 2 * pad));
  const sx = scale * k;
  const sy = scale;
  const summary = WALL_STATES.map((k) => `${t(lang, WALL_STATE_LABELS[k])} ${s.counts[k]}`).join(', ');
  const label = t(lang, w.mapLabel, { total: s.rows.length, summary });
  // The worst are drawn last, on top.
  const marks = [...s.rows]
    .reverse()
    .map((r) => {
      const x = Math.round(pad + (r.lon - minLon) * sx);
      const y = Math.round(height - pad - (r.lat - minLat) * sy);
      const m = MARK[r.state];
      return `${m.shape(x, y)} fill="${m.fill}" stroke="#ffffff" stroke-width="1"><title>${xml(`${r.name} (${r.id}): ${t(lang, WALL_STATE_LABELS[r.state])}`)}</title>${r.state === 'normal' ? '</circle>' : r.state === 'commLost' ? '</rect>' : '</path>'}`;
    })
    .join('');
  return `<svg width="100%" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xml(label)}" focusable="false"><title>${xml(label)}</title><rect x="0" y="0" width="${width}" height="${height}" fill="#f3f2f1"/>${marks}</svg>`;
}

export function WallMap({ lang, s }: { lang: Lang; s: WallState }): string {
  const safeSvg = s.rows.length > 0 ? wallMapSvg(lang, s) : '';
  return (
    <figure>
      {safeSvg}
      <figcaption>
        <span safe>{t(lang, w.legend)}</span>:
        <ul>
          {WALL_STATES.map((k) => {
            const safeMark = swatch(k);
            return (
              <li>
                {safeMark} <span safe>{`${t(lang, WALL_STATE_LABELS[k])} (${num(lang, s.counts[k])})`}</span>
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  ) as string;
}

/** The JSON endpoint's payload: the state and the page's three parts as the page renders them. */
export function wallPayload(lang: Lang, s: WallState) {
  return {
    centre: 'on' as const,
    at: new Date(s.at).toISOString(),
    counts: s.counts,
    unknown: s.unknown,
    lagP99Ms: s.lagP99,
    attention: s.rows.filter((r) => r.state !== 'normal').map((r) => ({ id: r.id, name: r.name, state: r.state, alarms: r.alarms, pattern: r.pattern, silentFor: r.silentFor })),
    fragments: { summary: WallSummary({ lang, s }), attention: WallAttention({ lang, s }), map: WallMap({ lang, s }) },
  };
}

export function WallPage({ req, s }: { req: FastifyRequest; s: WallState | null }): JSX.Element {
  const lang = req.lang;
  if (!s) {
    return (
      <Page req={req} title={w.wallTitle}>
        <h1 safe>{t(lang, w.wallTitle)}</h1>
        <p class="notice" role="status" safe>
          {t(lang, w.centreOff)}
        </p>
      </Page>
    );
  }
  const safeSummary = WallSummary({ lang, s });
  const safeAttention = WallAttention({ lang, s });
  const safeMap = WallMap({ lang, s });
  return (
    <Page req={req} title={w.wallTitle} head={<script src={WALL_URLS.script} defer></script>}>
      <h1 safe>{t(lang, w.wallTitle)}</h1>
      <p safe>{t(lang, w.wallIntro)}</p>
      <div id="signal-wall" data-poll={WALL_URLS.json}>
        <h2 safe>{t(lang, w.counts)}</h2>
        <div id="wall-summary">
          {safeSummary}
        </div>
        <h2 safe>{t(lang, w.attention)}</h2>
        <div id="wall-attention">{safeAttention}</div>
        <h2 safe>{t(lang, w.map)}</h2>
        <div id="wall-map">{safeMap}</div>
      </div>
    </Page>
  );
}

/** The polling script (served from the wall's own path: the CSP allows same-origin scripts only). */
export const WALL_SCRIPT = `'use strict';
(function () {
  var root = document.getElementById('signal-wall');
  if (!root || !window.fetch) return;
  var url = root.getAttribute('data-poll');
  function tick() {
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d || !d.fragments) return;
        Object.keys(d.fragments).forEach(function (k) {
          var el = document.getElementById('wall-' + k);
          if (el) el.innerHTML = d.fragments[k];
        });
      })
      .catch(function () { return null; })
      .then(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 5000);
})();
`;
