// The landing page of /chuyen-doi-so, by role: the unit's IT officer sees its forms of each cycle of its peer group;
// the reviewing office the cycles (open one from a shipped set, with a deadline and guidance); the council the forms
// it may adjust.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { attrValue, CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import { CYCLE_STATES, FORM_STATES, pm } from '../page-messages.ts';
import type { CycleRow, FormRow } from '../repo.ts';
import { cycleUrl, formUrl, FORMS_URL, resultsUrl } from '../urls.ts';
import { errorOf, Notice, summaryOf } from './parts.tsx';
import type { Text } from '../../../platform/web/i18n.ts';

export interface HomeProps {
  req: FastifyRequest;
  notice?: Text | undefined;
  errors: FieldError[];
  /** The reporter's cycles with its form in each. */
  mine?: { cycle: CycleRow; form: FormRow | undefined }[];
  /** The office's cycles, and the shipped sets that have none yet. */
  cycles?: CycleRow[];
  setsLeft?: string[];
  typed?: { setId: string; deadline: string; guidance: string };
  /** The council's forms to adjust. */
  toAdjust?: { form: FormRow; agencyName: string; year: number }[];
}

function CycleTable({ p, rows }: { p: HomeProps; rows: { cycle: CycleRow; form?: FormRow | undefined; mine: boolean }[] }): JSX.Element {
  const lang = p.req.lang;
  return (
    <div class="table-frame cards-on-phone">
      <table>
        <caption safe>{t(lang, rows.some((r) => r.mine) ? pm.myForms : pm.cycles)}</caption>
        <thead>
          <tr>
            {[pm.year, pm.peerGroup, pm.deadline, pm.state, pm.open].map((h) => (
              <th scope="col" safe>{t(lang, h)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ cycle, form, mine }) => (
            <tr>
              <td data-label={t(lang, pm.year)} safe>{String(cycle.year)}</td>
              <td data-label={t(lang, pm.peerGroup)} safe>{t(lang, pm.peer[cycle.peer_group]!)}</td>
              <td data-label={t(lang, pm.deadline)} safe>{cycle.deadline}</td>
              <td data-label={t(lang, pm.state)} safe>{mine ? t(lang, FORM_STATES[form?.state ?? 'none']) : t(lang, CYCLE_STATES[cycle.state])}</td>
              <td data-label={t(lang, pm.open)}>
                <a href={form ? formUrl(form.id) : cycleUrl(cycle.id)} safe>{`${t(lang, mine ? pm.open : pm.view)} — ${cycle.year}, ${t(lang, pm.peer[cycle.peer_group]!)}`}</a>
                {cycle.state === 'published' ? (
                  <>
                    {' · '}
                    <a href={resultsUrl(cycle.id)} safe>{t(lang, pm.results)}</a>
                  </>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HomePage(p: HomeProps): JSX.Element {
  const lang = p.req.lang;
  return (
    <Page req={p.req} title={pm.home}>
      <h1 safe>{t(lang, pm.home)}</h1>
      <ErrorSummary lang={lang} errors={summaryOf(lang, p.errors)} />
      <Notice lang={lang} notice={p.notice} />
      <p safe>{t(lang, pm.homeIntro)}</p>
      {p.mine ? p.mine.length === 0 ? <p safe>{t(lang, pm.noCycles)}</p> : <CycleTable p={p} rows={p.mine.map((m) => ({ ...m, mine: true }))} /> : ''}
      {p.cycles ? <CycleTable p={p} rows={p.cycles.map((cycle) => ({ cycle, mine: false }))} /> : ''}
      {p.setsLeft ? (
        <section aria-labelledby="open-h">
          <h2 id="open-h" safe>{t(lang, pm.openCycle)}</h2>
          {p.setsLeft.length === 0 ? (
            <p safe>{t(lang, pm.noSetLeft)}</p>
          ) : (
            <form method="post" action={`${FORMS_URL}/ky`}>
              <CsrfField req={p.req} />
              <div class="field">
                <label for="setId" safe>{t(lang, pm.set)}</label>
                <select id="setId" name="setId">
                  {p.setsLeft.map((s) => (
                    <option value={attrValue(s)} selected={p.typed?.setId === s} safe>{s}</option>
                  ))}
                </select>
              </div>
              <div class={errorOf(lang, p.errors, 'deadline') ? 'field field-error' : 'field'}>
                <label for="deadline" safe>{t(lang, pm.deadline)}</label>
                <p class="hint" id="deadline-hint" safe>{t(lang, pm.deadlineHint)}</p>
                {errorOf(lang, p.errors, 'deadline') ? <p class="error-message" id="deadline-error" safe>{errorOf(lang, p.errors, 'deadline')!}</p> : ''}
                <input id="deadline" name="deadline" type="date" value={attrValue(p.typed?.deadline ?? '')} aria-describedby="deadline-hint" />
              </div>
              <div class={errorOf(lang, p.errors, 'guidance') ? 'field field-error' : 'field'}>
                <label for="guidance" safe>{t(lang, pm.guidance)}</label>
                <p class="hint" id="guidance-hint" safe>{t(lang, pm.guidanceHint)}</p>
                {errorOf(lang, p.errors, 'guidance') ? <p class="error-message" safe>{errorOf(lang, p.errors, 'guidance')!}</p> : ''}
                <textarea id="guidance" name="guidance" rows="4" aria-describedby="guidance-hint" safe>{p.typed?.guidance ?? ''}</textarea>
              </div>
              <button type="submit" safe>{t(lang, pm.openCycle)}</button>
            </form>
          )}
        </section>
      ) : (
        ''
      )}
      {p.toAdjust ? (
        <section aria-labelledby="adjust-list-h">
          <h2 id="adjust-list-h" safe>{t(lang, pm.formsToAdjust)}</h2>
          {p.toAdjust.length === 0 ? (
            <p safe>{t(lang, pm.noneToAdjust)}</p>
          ) : (
            <ul>
              {p.toAdjust.map((a) => (
                <li>
                  <a href={formUrl(a.form.id)} safe>{`${a.agencyName} (${a.year}) — ${t(lang, FORM_STATES[a.form.state])}`}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        ''
      )}
    </Page>
  );
}
