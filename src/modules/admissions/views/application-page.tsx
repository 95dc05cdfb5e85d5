// /tuyen-sinh/ho-so: the parent types the code and the child's ID again and sees the application; within the window
// they may change school or withdraw (with a confirmation box), after it the result and the appointment, read-only.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, HintAndError, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { confirm as cm, page as p, STATUS_LABELS, view as m } from '../messages.ts';
import type { Application, Identified } from '../service.ts';
import { ChildFacts, CredentialFields, ExactTime, HiddenCredentials, errorFor, formErrors, type CredentialValues } from './parts.tsx';

export interface ApplicationState {
  credentials: CredentialValues;
  errors: FieldError[];
  /** Absent until the code and ID were accepted. */
  found?: (Identified & { application: Application | undefined }) | undefined;
  notice?: 'changed' | 'withdrawn' | undefined;
}

export function ApplicationPage({ req, state }: { req: FastifyRequest; state: ApplicationState }): JSX.Element {
  const lang = req.lang;
  const f = state.found;
  if (!f) {
    return (
      <Page req={req} title={p.viewHeading} narrow>
        <h1 safe>{t(lang, p.viewHeading)}</h1>
        <ErrorSummary lang={lang} errors={formErrors(lang, state.errors)} />
        <form method="post" action="/tuyen-sinh/ho-so" novalidate>
          <CsrfField req={req} />
          <CredentialFields lang={lang} values={state.credentials} errors={state.errors} />
          <button type="submit" safe>
            {t(lang, p.view)}
          </button>
        </form>
      </Page>
    );
  }
  const a = f.application;
  const open = f.window === 'open';
  const confirmError = errorFor(lang, state.errors, 'confirm');
  return (
    <Page req={req} title={m.title} narrow>
      <h1 safe>{t(lang, m.title)}</h1>
      <ErrorSummary lang={lang} errors={formErrors(lang, state.errors)} />
      {state.notice ? (
        <p class="notice success" role="status" safe>
          {t(lang, state.notice === 'changed' ? m.changed : m.withdrawn)}
        </p>
      ) : (
        ''
      )}
      <ChildFacts lang={lang} child={f.child} round={f.round} />
      {!a ? (
        <>
          <p safe>{t(lang, m.none)}</p>
          {open ? (
            <p>
              <a href="/tuyen-sinh" safe>
                {t(lang, m.applyLink)}
              </a>
            </p>
          ) : (
            ''
          )}
        </>
      ) : (
        <dl class="facts">
          <dt safe>{t(lang, cm.number)}</dt>
          <dd>
            <strong safe>{a.applicationNo}</strong>
          </dd>
          <dt safe>{t(lang, m.status)}</dt>
          <dd>
            <strong safe>{t(lang, STATUS_LABELS[a.status])}</strong>
          </dd>
          <dt safe>{t(lang, cm.school)}</dt>
          <dd safe>{`${a.school.name}, ${a.school.address}`}</dd>
          <dt safe>{t(lang, m.catchment)}</dt>
          <dd safe>{t(lang, a.inCatchment ? m.inCatchment : m.outOfCatchment)}</dd>
          <dt safe>{t(lang, cm.at)}</dt>
          <dd>
            <ExactTime at={a.createdAt} />
          </dd>
          <dt safe>{t(lang, m.updated)}</dt>
          <dd>
            <ExactTime at={a.updatedAt} />
          </dd>
          {f.window === 'closed' ? (
            <>
              <dt safe>{t(lang, m.result)}</dt>
              <dd safe>{a.resultNote ?? t(lang, m.resultPending)}</dd>
              {a.appointmentAt ? (
                <>
                  <dt safe>{t(lang, m.appointment)}</dt>
                  <dd>
                    <ExactTime at={a.appointmentAt} />
                    {a.appointmentPlace ? <span safe>{`, ${a.appointmentPlace}`}</span> : ''}
                  </dd>
                </>
              ) : (
                ''
              )}
            </>
          ) : (
            ''
          )}
        </dl>
      )}
      {f.window === 'closed' && a ? <p class="notice" safe>{t(lang, m.readOnly)}</p> : ''}
      {open && a?.status === 'active' ? (
        <>
          <h2 safe>{t(lang, m.changeHeading)}</h2>
          <form method="post" action="/tuyen-sinh/ho-so/chon-truong-khac">
            <CsrfField req={req} />
            <HiddenCredentials values={state.credentials} />
            <button type="submit" class="secondary" safe>
              {t(lang, m.changeHeading)}
            </button>
          </form>
          <h2 safe>{t(lang, m.withdrawHeading)}</h2>
          <p safe>{t(lang, m.withdrawLead)}</p>
          <form method="post" action="/tuyen-sinh/ho-so/rut" novalidate>
            <CsrfField req={req} />
            <HiddenCredentials values={state.credentials} />
            <div id="confirm" class={confirmError ? 'field field-error' : 'field'}>
              <HintAndError id="confirm" error={confirmError} />
              <div class="choice">
                <input type="checkbox" id="confirm-box" name="confirm" value="yes" aria-describedby={confirmError ? 'confirm-error' : undefined} />
                <label for="confirm-box" safe>
                  {t(lang, m.withdrawConfirm)}
                </label>
              </div>
            </div>
            <button type="submit" class="secondary" safe>
              {t(lang, m.withdraw)}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </Page>
  );
}
