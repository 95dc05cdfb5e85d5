// Shared pieces of the signal pages: paths, notices, the live state block the polling script refreshes, and the plan's
// phase and split tables (NTCIP 1202 names in the headings' English).
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { CardsTable } from '../../../platform/web/layout.tsx';
import { m } from '../messages.ts';
import type { TimingPlan } from '../plan/types.ts';
import type { LiveState } from '../registry.ts';

export const BASE = '/quan-ly/den-tin-hieu';
export const URLS = {
  home: BASE,
  live: `${BASE}/trang-thai`,
  intersection: (id: string) => `${BASE}/nut/${encodeURIComponent(id)}`,
  webster: (id: string) => `${BASE}/nut/${encodeURIComponent(id)}/webster`,
  send: (id: string) => `${BASE}/nut/${encodeURIComponent(id)}/gui`,
  priority: (id: string) => `${BASE}/nut/${encodeURIComponent(id)}/uu-tien`,
  mode: (id: string) => `${BASE}/nut/${encodeURIComponent(id)}/che-do`,
  schedule: (id: string) => `${BASE}/nut/${encodeURIComponent(id)}/lich`,
  corridor: (id: number) => `${BASE}/hanh-lang/${id}`,
  corridorSend: (id: number) => `${BASE}/hanh-lang/${id}/gui`,
};

export function Notice({ text, success }: { text: string | undefined; success?: boolean }): JSX.Element {
  return text ? (
    <p class={success ? 'notice success' : 'notice'} role="status" safe>
      {text}
    </p>
  ) : (
    <></>
  );
}

/** A live figure the script (static/signals.js) refreshes: the element's text from the JSON's field. */
export function LiveValue({ id, field, live, lang }: { id: string; field: keyof LiveState; live: LiveState | null; lang: Lang }): JSX.Element {
  const v = live ? live[field] : undefined;
  const text = v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'boolean' ? t(lang, v ? m.yes : m.no) : String(v);
  return (
    <span data-live-id={id} data-live-field={field} safe>
      {text}
    </span>
  );
}

/** The container the script polls for; `ids` are the intersections on the page. */
export function liveAttrs(ids: readonly string[], lang: Lang): Record<string, string> {
  return { 'data-live-url': `${URLS.live}?ids=${ids.map(encodeURIComponent).join(',')}`, 'data-yes': t(lang, m.yes), 'data-no': t(lang, m.no) };
}

export function PhaseTable({ plan, lang }: { plan: TimingPlan; lang: Lang }): JSX.Element {
  return (
    <CardsTable
      caption={t(lang, m.phases)}
      heads={[t(lang, m.phase), { text: t(lang, m.minGreen), class: 'num' }, { text: t(lang, m.passage), class: 'num' }, { text: t(lang, m.maxGreen), class: 'num' }, { text: t(lang, m.yellow), class: 'num' }, { text: t(lang, m.redClear), class: 'num' }]}
      rows={plan.phases}
      cells={(p) => [{ text: p.name ? `${p.phase} — ${p.name}` : String(p.phase), header: true }, { text: String(p.minimumGreen), class: 'num' }, { text: String(p.passage), class: 'num' }, { text: String(p.maximum1), class: 'num' }, { text: String(p.yellowChange), class: 'num' }, { text: String(p.redClear), class: 'num' }]}
    />
  );
}

export function SplitTable({ plan, lang, caption }: { plan: TimingPlan; lang: Lang; caption?: string }): JSX.Element {
  return (
    <CardsTable
      caption={caption ?? `${t(lang, m.splits)} — ${t(lang, m.pattern)} ${plan.pattern.pattern}, ${t(lang, m.cycle)} ${plan.pattern.cycle}, ${t(lang, m.offset)} ${plan.pattern.offset}`}
      heads={[t(lang, m.phase), { text: t(lang, m.split), class: 'num' }, t(lang, m.splitMode), t(lang, m.coordPhase)]}
      rows={plan.pattern.splits}
      cells={(s) => [{ text: String(s.phase), header: true }, { text: String(s.time), class: 'num' }, t(lang, m.splitModes[s.mode]), t(lang, s.coordPhase ? m.yes : m.no)]}
    />
  );
}

export const minuteText = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
