// The office's page of a cycle: every unit's form with its state, submitted date and late flag; who has not submitted
// and who was late; close the cycle; publish (after a confirmation page); the results' link. The council sees the
// forms' list.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t, type Text } from '../../../platform/web/i18n.ts';
import { CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import type { Outstanding } from '../cycle.ts';
import { CYCLE_STATES, FORM_STATES, pm } from '../page-messages.ts';
import type { CycleRow, FormRow } from '../repo.ts';
import { cycleUrl, formUrl, resultsUrl } from '../urls.ts';
import { dateText, errorOf, Notice, summaryOf } from './parts.tsx';

export interface CycleProps {
  req: FastifyRequest;
  cycle: CycleRow;
  forms: { form: FormRow; agencyName: string }[];
  outstanding?: Outstanding | undefined;
  reviewer: boolean;
  notice?: Text | undefined;
  errors: FieldError[];
}

const titleOf = (lang: 'vi' | 'en', c: CycleRow): string => `${t(lang, pm.cycle)} ${c.year} — ${t(lang, pm.peer[c.peer_group]!)}`;

export function CyclePage(p: CycleProps): JSX.Element {
  const lang = p.req.lang;
  const { cycle, outstanding } = p;
  return (
    <Page req={p.req} title={titleOf(lang, cycle)}>
      <h1 safe>{titleOf(lang, cycle)}</h1>
      <ErrorSummary lang={lang} errors={summaryOf(lang, p.errors)} />
      <Notice lang={lang} notice={p.notice} />
      <dl class="facts">
        <dt safe>{t(lang, pm.set)}</dt>
        <dd safe>{cycle.set_id}</dd>
        <dt safe>{t(lang, pm.deadline)}</dt>
        <dd safe>{`${cycle.deadline}${outstanding?.deadlinePassed ? ` — ${t(lang, pm.deadlinePassed)}` : ''}`}</dd>
        <dt safe>{t(lang, pm.state)}</dt>
        <dd safe>{t(lang, CYCLE_STATES[cycle.state])}</dd>
      </dl>
      <p>
        <a href={resultsUrl(cycle.id)} safe>{t(lang, pm.results)}</a>
      </p>
      {p.reviewer && cycle.state !== 'published' ? (
        <div class="actions">
          {cycle.state === 'open' ? (
            <form method="post" action={`${cycleUrl(cycle.id)}/dong`} class="inline-form">
              <CsrfField req={p.req} />
              <button type="submit" safe>{t(lang, pm.close)}</button>
            </form>
          ) : (
            ''
          )}{' '}
          <a href={`${cycleUrl(cycle.id)}/cong-bo`} class="button" safe>{t(lang, pm.publish)}</a>
        </div>
      ) : (
        ''
      )}
      {outstanding ? (
        <>
          <section aria-labelledby="late-h">
            <h2 id="late-h" safe>{`${t(lang, pm.lateList)} (${outstanding.late.length})`}</h2>
            <ul>
              {outstanding.late.map((l) => (
                <li>
                  <a href={formUrl(l.formId)} safe>{l.name}</a> <span safe>{`— ${dateText(l.submittedAt)}; ${t(lang, pm.reason)}: ${l.reopenReason ?? ''}`}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="outstanding-h">
            <h2 id="outstanding-h" safe>{`${t(lang, pm.notSubmitted)} (${outstanding.notSubmitted.length})`}</h2>
            <ul>
              {outstanding.notSubmitted.map((n) => (
                <li>
                  {n.formId ? <a href={formUrl(n.formId)} safe>{n.name}</a> : <span safe>{n.name}</span>}{' '}
                  <span safe>{`— ${t(lang, FORM_STATES[n.state])}${n.reopened ? `, ${t(lang, pm.reopened)}` : ''}`}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        ''
      )}
      <div class="table-frame cards-on-phone">
        <table>
          <caption safe>{`${t(lang, pm.forms)} (${p.forms.length})`}</caption>
          <thead>
            <tr>
              {[pm.unit, pm.state, pm.submittedAt, pm.late].map((h) => (
                <th scope="col" safe>{t(lang, h)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.forms.map(({ form, agencyName }) => (
              <tr>
                <td data-label={t(lang, pm.unit)}>
                  <a href={formUrl(form.id)} safe>{agencyName}</a>
                </td>
                <td data-label={t(lang, pm.state)} safe>{t(lang, FORM_STATES[form.state])}</td>
                <td data-label={t(lang, pm.submittedAt)} safe>{dateText(form.submitted_at)}</td>
                <td data-label={t(lang, pm.late)}>{form.late ? t(lang, pm.late) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}

export function PublishPage(p: { req: FastifyRequest; cycle: CycleRow; errors: FieldError[] }): JSX.Element {
  const lang = p.req.lang;
  const error = errorOf(lang, p.errors, 'confirm');
  return (
    <Page req={p.req} title={pm.publishConfirm} narrow>
      <h1 safe>{t(lang, pm.publishConfirm)}</h1>
      <ErrorSummary lang={lang} errors={summaryOf(lang, p.errors)} />
      <p safe>{titleOf(lang, p.cycle)}</p>
      <p safe>{t(lang, pm.publishWarning)}</p>
      <form method="post" action={`${cycleUrl(p.cycle.id)}/cong-bo`}>
        <CsrfField req={p.req} />
        <div class={error ? 'field field-error' : 'field'}>
          {error ? <p class="error-message" id="confirm-error" safe>{error}</p> : ''}
          <input id="confirm" name="confirm" type="checkbox" value="yes" aria-describedby={error ? 'confirm-error' : undefined} />{' '}
          <label for="confirm" safe>{t(lang, pm.publishCheck)}</label>
        </div>
        <button type="submit" safe>{t(lang, pm.publish)}</button>
      </form>
      <p>
        <a href={cycleUrl(p.cycle.id)} safe>{titleOf(lang, p.cycle)}</a>
      </p>
    </Page>
  );
}
