// /quan-ly/den-tin-hieu/nut/:id: the intersection's live state (refreshed by static/signals.js, or on reload), its mode,
// current plan (phase and split tables, pattern), day plan, Webster and send actions, bus priority, and the history
// of its plans and sends.
import type { FastifyRequest } from 'fastify';
import { formatDateTime, t } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, ErrorSummary, Field, Page, SelectField, type FormError } from '../../../platform/web/layout.tsx';
import { m } from '../messages.ts';
import { MODES } from '../plan/types.ts';
import type { PriorityAction } from '../plan/priority.ts';
import type { IntersectionView } from '../registry.ts';
import { liveAttrs, LiveValue, minuteText, Notice, PhaseTable, SplitTable, URLS } from './parts.tsx';
import { WALL_URLS } from '../wall/views.tsx';

export interface IntersectionProps {
  req: FastifyRequest;
  v: IntersectionView;
  notice?: string | undefined;
  errors?: FormError[];
  typed?: Record<string, string>;
  priority?: PriorityAction;
}

export function IntersectionPage({ req, v, notice, errors = [], typed = {}, priority }: IntersectionProps): JSX.Element {
  const lang = req.lang;
  const i = v.intersection;
  const plan = v.plan.plan;
  const err = (f: string): string | undefined => errors.find((e) => e.field === f)?.message;
  return (
    <Page req={req} title={`${i.name} (${i.id})`} head={<script src="/static/signals.js" defer></script>}>
      <p>
        <a href={URLS.home} safe>
          {t(lang, m.back)}
        </a>
      </p>
      <h1 safe>{`${i.name} (${i.id})`}</h1>
      <p>
        <a href={WALL_URLS.measures(i.id)} safe>
          {t(lang, m.toMeasures)}
        </a>
      </p>
      <ErrorSummary lang={lang} errors={errors} />
      <Notice text={notice} success />
      {v.centreOn ? '' : <Notice text={t(lang, m.centreOff)} />}
      <section aria-labelledby="truc-tuyen" {...liveAttrs([i.id], lang)}>
        <h2 id="truc-tuyen" safe>
          {t(lang, m.live)}
        </h2>
        <p class="hint" safe>
          {t(lang, m.liveHint)}
        </p>
        <dl class="summary">
          <dt safe>{t(lang, m.online)}</dt>
          <dd><LiveValue id={i.id} field="online" live={v.live} lang={lang} /></dd>
          <dt safe>{t(lang, m.pattern)}</dt>
          <dd><LiveValue id={i.id} field="pattern" live={v.live} lang={lang} /></dd>
          <dt safe>{t(lang, m.planVersion)}</dt>
          <dd><LiveValue id={i.id} field="planVersion" live={v.live} lang={lang} /></dd>
          <dt safe>{t(lang, m.cycleSecond)}</dt>
          <dd><LiveValue id={i.id} field="cycleSecond" live={v.live} lang={lang} /></dd>
          <dt safe>{t(lang, m.greens)}</dt>
          <dd><LiveValue id={i.id} field="greens" live={v.live} lang={lang} /></dd>
        </dl>
      </section>
      <section aria-labelledby="ke-hoach">
        <h2 id="ke-hoach" safe>{`${t(lang, m.currentVersion)}: ${v.plan.version}`}</h2>
        <dl class="summary">
          <dt safe>{t(lang, m.mode)}</dt>
          <dd safe>{t(lang, m.modes[i.mode])}</dd>
          <dt safe>{t(lang, m.corridor)}</dt>
          <dd safe>{i.corridor ? `${i.corridor} (${i.along_m ?? 0} m)` : t(lang, m.noCorridor)}</dd>
          <dt safe>{t(lang, m.pattern)}</dt>
          <dd safe>{`${plan.pattern.pattern} — ${t(lang, m.cycle)} ${plan.pattern.cycle}, ${t(lang, m.offset)} ${plan.pattern.offset}`}</dd>
        </dl>
        <PhaseTable plan={plan} lang={lang} />
        <SplitTable plan={plan} lang={lang} />
        <p>
          <a href={URLS.webster(i.id)} safe>
            {t(lang, m.webster)}
          </a>
          {i.corridor_id !== null ? (
            <>
              {' · '}
              <a href={URLS.corridor(i.corridor_id)} safe>
                {t(lang, m.coordinate)}
              </a>
            </>
          ) : (
            ''
          )}
        </p>
        <form method="post" action={URLS.mode(i.id)}>
          <CsrfField req={req} />
          <SelectField id="mode" label={t(lang, m.mode)} hint={t(lang, m.modeHint)} value={typed.mode ?? i.mode} error={err('mode')} options={MODES.map((x) => ({ value: x, label: t(lang, m.modes[x]) }))} />
          <button type="submit" class="secondary" safe>
            {t(lang, m.setMode)}
          </button>
        </form>
        <form method="post" action={URLS.send(i.id)}>
          <CsrfField req={req} />
          <button type="submit" safe>
            {t(lang, m.send)}
          </button>
        </form>
      </section>
      <section aria-labelledby="lich">
        <h2 id="lich" safe>
          {t(lang, m.schedule)}
        </h2>
        <CardsTable
          caption={t(lang, m.schedule)}
          captionHidden
          heads={[t(lang, m.dayPlan), t(lang, m.from), t(lang, m.pattern)]}
          rows={v.schedule}
          cells={(s) => [{ text: String(s.day_plan), header: true }, minuteText(s.starts_minute), s.pattern === 254 ? `254 (${t(lang, m.modes.free)})` : s.pattern === 255 ? `255 (${t(lang, m.modes.flash)})` : String(s.pattern)]}
        />
        <form method="post" action={URLS.schedule(i.id)}>
          <CsrfField req={req} />
          <h3 safe>{t(lang, m.addAction)}</h3>
          <Field id="startsAt" label={t(lang, m.startsAt)} value={typed.startsAt ?? ''} error={err('startsAt')} inputmode="numeric" required />
          <Field id="pattern" label={t(lang, m.schedulePattern)} value={typed.pattern ?? ''} error={err('pattern')} inputmode="numeric" required />
          <button type="submit" class="secondary" safe>
            {t(lang, m.addAction)}
          </button>
        </form>
      </section>
      <section aria-labelledby="uu-tien">
        <h2 id="uu-tien" safe>
          {t(lang, m.priority)}
        </h2>
        <p class="hint" safe>
          {t(lang, m.priorityHint)}
        </p>
        {priority ? (
          <p class="notice" role="status" safe>
            {priority.kind === 'none' ? t(lang, m.priorityResult[priority.reason]) : `${t(lang, m.priorityResult[priority.kind], { s: priority.seconds })} ${priority.splits.map((s) => `${t(lang, m.phase)} ${s.phase}: ${s.time} s`).join('; ')}`}
          </p>
        ) : (
          ''
        )}
        <form method="post" action={URLS.priority(i.id)}>
          <CsrfField req={req} />
          <SelectField id="busPhase" label={t(lang, m.busPhase)} value={typed.busPhase} error={err('busPhase')} options={(plan.pattern.rings[0] ?? []).map((n) => ({ value: String(n), label: String(n) }))} />
          <Field id="arrival" label={t(lang, m.arrival)} value={typed.arrival ?? ''} error={err('arrival')} inputmode="numeric" required />
          <Field id="maxExtension" label={t(lang, m.maxExtension)} value={typed.maxExtension ?? '10'} error={err('maxExtension')} inputmode="numeric" required />
          <button type="submit" class="secondary" safe>
            {t(lang, m.priorityCompute)}
          </button>
        </form>
      </section>
      <section aria-labelledby="lich-su">
        <h2 id="lich-su" safe>
          {t(lang, m.history)}
        </h2>
        <CardsTable
          caption={t(lang, m.history)}
          captionHidden
          heads={[t(lang, m.version), t(lang, m.source), t(lang, m.pattern), { text: t(lang, m.cycle), class: 'num' }, { text: t(lang, m.offset), class: 'num' }, t(lang, m.by), t(lang, m.at)]}
          rows={v.history}
          cells={(p) => [{ text: String(p.version), header: true }, t(lang, m.sources[p.source]), String(p.pattern), { text: String(p.cycle), class: 'num' }, { text: String(p.plan.pattern.offset), class: 'num' }, p.created_by ?? '—', formatDateTime(lang, new Date(p.created_at))]}
        />
      </section>
      <section aria-labelledby="gui">
        <h2 id="gui" safe>
          {t(lang, m.sends)}
        </h2>
        {v.sends.length === 0 ? (
          <p safe>{t(lang, m.noSends)}</p>
        ) : (
          <CardsTable
            caption={t(lang, m.sends)}
            captionHidden
            heads={[t(lang, m.at), t(lang, m.version), t(lang, m.sentVersion), t(lang, m.outcome), t(lang, m.problems), t(lang, m.by)]}
            rows={v.sends}
            cells={(s) => [{ text: formatDateTime(lang, new Date(s.sent_at)), header: true }, String(s.plan_version), s.sent_version === null ? '—' : String(s.sent_version), t(lang, m.outcomes[s.outcome]), s.problems.map((p) => t(lang, p.message)).join(' ') || '—', s.sent_by ?? '—']}
          />
        )}
      </section>
    </Page>
  );
}
