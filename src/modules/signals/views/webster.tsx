// /quan-ly/den-tin-hieu/nut/:id/webster: the counts typed per phase (kept when shown back), Webster's Y, cycle and
// greens, and the split table they give; errors beside the fields (Y ≥ 1 too), the plan's check problems named per
// phase; saving keeps it as the intersection's new version.
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, ErrorSummary, Field, Page, type FormError } from '../../../platform/web/layout.tsx';
import type { WebsterOutcome } from '../design.ts';
import { m } from '../messages.ts';
import type { IntersectionView } from '../registry.ts';
import { PhaseTable, SplitTable, URLS } from './parts.tsx';

export function WebsterPage({ req, v, outcome }: { req: FastifyRequest; v: IntersectionView; outcome: WebsterOutcome }): JSX.Element {
  const lang = req.lang;
  const i = v.intersection;
  const errors: FormError[] = outcome.errors.map((e) => ({ field: e.field, message: t(lang, e.message) }));
  const err = (f: string): string | undefined => errors.find((e) => e.field === f)?.message;
  const r = outcome.result;
  const title = `${t(lang, m.webster)} — ${i.name}`;
  return (
    <Page req={req} title={title}>
      <p>
        <a href={URLS.intersection(i.id)} safe>
          {`${i.name} (${i.id})`}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <PhaseTable plan={v.plan.plan} lang={lang} />
      <form method="post" action={URLS.webster(i.id)} novalidate>
        <CsrfField req={req} />
        <p class="hint" safe>
          {t(lang, m.websterHint)}
        </p>
        <Field id="lostTime" label={t(lang, m.lostTime)} value={outcome.typed.lostTime} error={err('lostTime')} inputmode="decimal" required />
        {v.plan.plan.phases.map((p) => (
          <fieldset>
            <legend safe>{`${t(lang, m.phase)} ${p.phase}`}</legend>
            <Field id={`flow${p.phase}`} label={t(lang, m.flow, { p: p.phase })} value={outcome.typed.flows[p.phase] ?? ''} error={err(`flow${p.phase}`)} inputmode="decimal" required />
            <Field id={`sat${p.phase}`} label={t(lang, m.saturation, { p: p.phase })} value={outcome.typed.saturations[p.phase] ?? ''} error={err(`sat${p.phase}`)} inputmode="decimal" required />
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit" name="action" value="compute" class="secondary" safe>
            {t(lang, m.compute)}
          </button>{' '}
          <button type="submit" name="action" value="save" safe>
            {t(lang, m.saveVersion)}
          </button>
        </div>
      </form>
      {r && outcome.plan ? (
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua" safe>
            {t(lang, m.result)}
          </h2>
          <dl class="summary">
            <dt safe>{t(lang, m.Y)}</dt>
            <dd safe>{r.Y.toFixed(3)}</dd>
            <dt safe>{t(lang, m.cycleExact)}</dt>
            <dd safe>{r.cycle.toFixed(1)}</dd>
            <dt safe>{t(lang, m.cycleUsed)}</dt>
            <dd safe>{String(outcome.plan.pattern.cycle)}</dd>
          </dl>
          {r.oversaturated ? (
            <p class="notice" role="status" safe>
              {t(lang, m.oversaturated)}
            </p>
          ) : (
            ''
          )}
          <CardsTable
            caption={t(lang, m.effGreen)}
            heads={[t(lang, m.phase), { text: 'y = q/s', class: 'num' }, { text: t(lang, m.effGreen), class: 'num' }]}
            rows={r.effectiveGreens.map((g, k) => ({ ...g, y: r.ratios[k]?.y ?? 0 }))}
            cells={(g) => [{ text: String(g.phase), header: true }, { text: g.y.toFixed(3), class: 'num' }, { text: g.green.toFixed(1), class: 'num' }]}
          />
          <SplitTable plan={outcome.plan} lang={lang} />
          {outcome.problems.length > 0 ? (
            <div class="notice" role="status">
              <p safe>{t(lang, m.planProblems)}</p>
              <ul>
                {outcome.problems.map((p) => (
                  <li safe>{t(lang, p.message)}</li>
                ))}
              </ul>
            </div>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
    </Page>
  );
}
