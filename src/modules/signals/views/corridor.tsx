// /quan-ly/den-tin-hieu/hanh-lang/:id: a corridor's green wave — the speed and common cycle typed (errors beside
// them), each intersection's offset, travel time and current and running versions (live), the through band and the
// time–space diagram; saving keeps the plans as new versions, sending pushes every intersection's current plan.
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, ErrorSummary, Field, Page, type FormError } from '../../../platform/web/layout.tsx';
import type { designCorridor } from '../design.ts';
import { m } from '../messages.ts';
import { liveAttrs, LiveValue, Notice, URLS } from './parts.tsx';

export interface CorridorProps {
  req: FastifyRequest;
  d: Awaited<ReturnType<typeof designCorridor>>;
  svg: string;
  notice?: string | undefined;
}

export function CorridorPage({ req, d, svg, notice }: CorridorProps): JSX.Element {
  // Drawn by plan/diagram.ts from numbers only, every text in it escaped there.
  const safeDiagram = svg;
  const lang = req.lang;
  const errors: FormError[] = d.errors.map((e) => ({ field: e.field, message: t(lang, e.message) }));
  const err = (f: string): string | undefined => errors.find((e) => e.field === f)?.message;
  const problems = d.rows.flatMap((r) => r.problems.map((p) => `${r.member.intersection.id}: ${t(lang, p.message)}`));
  const title = `${t(lang, m.corridor)} ${d.corridor.name}`;
  return (
    <Page req={req} title={title} head={<script src="/static/signals.js" defer></script>}>
      <p>
        <a href={URLS.home} safe>
          {t(lang, m.back)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <Notice text={notice} success />
      {d.centreOn ? '' : <Notice text={t(lang, m.centreOff)} />}
      <section aria-labelledby="thiet-ke">
        <h2 id="thiet-ke" safe>
          {t(lang, m.design)}
        </h2>
        <form method="post" action={URLS.corridor(d.corridor.id)} novalidate>
          <CsrfField req={req} />
          <Field id="speed" label={t(lang, m.speed)} value={d.typed.speed} error={err('speed')} inputmode="numeric" required />
          <Field id="cycle" label={t(lang, m.cycle)} value={d.typed.cycle} error={err('cycle')} inputmode="numeric" required />
          <div class="actions">
            <button type="submit" name="action" value="preview" class="secondary" safe>
              {t(lang, m.preview)}
            </button>{' '}
            <button type="submit" name="action" value="save" safe>
              {t(lang, m.saveCorridor)}
            </button>
          </div>
        </form>
        {problems.length > 0 ? (
          <div class="notice" role="status">
            <p safe>{t(lang, m.planProblems)}</p>
            <ul>
              {problems.map((p) => (
                <li safe>{p}</li>
              ))}
            </ul>
          </div>
        ) : (
          ''
        )}
        {d.rows.length > 0 ? (
          <dl class="summary">
            <dt safe>{t(lang, m.band)}</dt>
            <dd safe>{String(d.band)}</dd>
          </dl>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="cac-nut" {...liveAttrs(d.members.map((x) => x.intersection.id), lang)}>
        <h2 id="cac-nut" safe>
          {t(lang, m.intersections)}
        </h2>
        <p class="hint" safe>
          {t(lang, m.liveHint)}
        </p>
        <CardsTable
          caption={t(lang, m.intersections)}
          captionHidden
          heads={[t(lang, m.intersection), { text: t(lang, m.along), class: 'num' }, { text: t(lang, m.travel), class: 'num' }, { text: t(lang, m.offset), class: 'num' }, t(lang, m.currentVersion), t(lang, m.lastSend), t(lang, m.planVersion)]}
          rows={d.members.map((member, k) => ({ member, row: d.rows[k] }))}
          cells={({ member, row }) => [
            { header: true, html: <a href={URLS.intersection(member.intersection.id)} safe>{`${member.intersection.name} (${member.intersection.id})`}</a> },
            { text: String(member.intersection.along_m ?? 0), class: 'num' },
            { text: row ? row.offset.travel.toFixed(1) : '—', class: 'num' },
            { text: row ? String(row.offset.offset) : '—', class: 'num' },
            `${member.plan.version} (${t(lang, m.offset)} ${member.plan.plan.pattern.offset})`,
            member.lastSend ? `${t(lang, m.outcomes[member.lastSend.outcome])} (${member.lastSend.sent_version ?? '—'})` : '—',
            { html: <LiveValue id={member.intersection.id} field="planVersion" live={member.live} lang={lang} /> },
          ]}
        />
        <form method="post" action={URLS.corridorSend(d.corridor.id)}>
          <CsrfField req={req} />
          <button type="submit" safe>
            {t(lang, m.sendCorridor)}
          </button>
        </form>
      </section>
      {svg ? (
        <section aria-labelledby="bieu-do">
          <h2 id="bieu-do" safe>
            {t(lang, m.diagram)}
          </h2>
          <figure class="signal-diagram">{safeDiagram}</figure>
        </section>
      ) : (
        ''
      )}
    </Page>
  );
}
