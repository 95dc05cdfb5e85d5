// /mot-cua/ho-so/:code: the dossier for the officers: its facts and deadline, where it is in its workflow, files,
// supplements, consultations, history, rating and feedback, the papers issued, and a form per action they may take.
import type { FastifyRequest } from 'fastify';
import { ErrorSummary, Page } from '../../../../platform/web/layout.tsx';
import { formatDateTime, t, type Lang, type Text } from '../../../../platform/web/i18n.ts';
import { displayPhone, formatDong, formatIsoDate, eventKinds, paymentLabels } from '../../../dossiers/index.ts';
import { actionOf, stateOf } from '../../workflow/definition.ts';
import { answerForm as am, channelLabels, casePage as m, feeForm as fm, formNames, outcomeLabels } from '../messages.ts';
import type { OfficerCase } from '../service.ts';
import { ActionForm, fieldId, type FailedAction } from './action-forms.tsx';
import { FEE_FIELDS, FeeForm, type FeeFailed } from './fee-form.tsx';
import { AnswerForm, answerFieldId, type AnswerFailed } from './answer-form.tsx';
import { mayAnswerFeedback } from '../../citizen/service.ts';
import { Answers, Consultations, Files, History, RatingAndFeedback, Supplements } from './case-sections.tsx';

export type PaperNo = keyof typeof formNames;

export interface CasePageProps {
  req: FastifyRequest;
  oc: OfficerCase;
  papers: PaperNo[];
  /** The action just taken (after the redirect). */
  done?: { label: Text; form: PaperNo | null } | undefined;
  failed?: (FailedAction & { top: Text | null; shown: boolean }) | undefined;
  /** The fees were just recorded as collected (after the redirect). */
  feeDone?: boolean | undefined;
  /** The fee form was refused: beside its fields, or at the top when it is not about them. */
  feeFailed?: (FeeFailed & { top: Text | null }) | undefined;
  /** An answer to feedback was just sent (after the redirect). */
  answerDone?: boolean | undefined;
  answerFailed?: AnswerFailed | undefined;
}

function Fact({ label, children }: { label: string; children: JSX.Element }): JSX.Element {
  return (
    <>
      <dt safe>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const vi = (lang: Lang): 'vi' | undefined => (lang === 'en' ? 'vi' : undefined);

function Facts({ lang, oc }: { lang: Lang; oc: OfficerCase }): JSX.Element {
  const v = oc.view;
  const c = v.case;
  const a = c.applicant;
  const agency = (id: number | null): string => (id === null ? '' : (v.agencies.get(id)?.name ?? ''));
  const contact = [a.phone ? displayPhone(a.phone) : '', a.email ?? ''].filter(Boolean).join(' · ');
  return (
    <dl class="facts">
      <Fact label={t(lang, m.code)}>
        <code safe>{c.code}</code>
      </Fact>
      <Fact label={t(lang, m.procedure)}>
        <>
          <span lang={vi(lang)} safe>
            {v.procedure?.name ?? c.procedureCode}
          </span>
          <span class="muted" safe>{` (${c.procedureCode}, ${t(lang, m.version, { v: c.procedureVersion })})`}</span>
        </>
      </Fact>
      <Fact label={t(lang, m.applicant)}>
        <>
          <span lang={vi(lang)} safe>
            {a.name}
          </span>
          {v.scope === 'consulted' ? (
            ''
          ) : (
            <>
              <br />
              <span class="muted" safe>{`${t(lang, m.personalId)}: ${a.personal_id}`}</span>
              {contact ? <br /> : ''}
              {contact ? <span safe>{contact}</span> : ''}
              <br />
              <span lang={vi(lang)} safe>
                {a.address}
              </span>
            </>
          )}
        </>
      </Fact>
      <Fact label={t(lang, m.channel)}>
        <span safe>{t(lang, channelLabels[c.channel])}</span>
      </Fact>
      <Fact label={t(lang, m.received)}>
        <span safe>{formatDateTime(lang, c.receivedAt)}</span>
      </Fact>
      {c.clockStartedAt ? (
        <Fact label={t(lang, m.clockStarted)}>
          <span safe>{formatDateTime(lang, c.clockStartedAt)}</span>
        </Fact>
      ) : (
        ''
      )}
      <Fact label={t(lang, m.due)}>
        <>
          {c.dueDate ? <strong safe>{formatIsoDate(lang, c.dueDate)}</strong> : <span safe>{t(lang, m.dueNone)}</span>}
          {oc.deadline && !c.originalDueAt ? (
            <p class="hint">
              <span safe>{`${t(lang, m.howCounted)}: `}</span>
              <span safe>{oc.deadline.explanation[lang]}</span>
            </p>
          ) : (
            ''
          )}
          {c.pausedAt ? (
            <p class="hint" safe>
              {t(lang, m.paused, { at: formatDateTime(lang, c.pausedAt) })}
            </p>
          ) : (
            ''
          )}
        </>
      </Fact>
      {c.originalDueAt ? (
        <Fact label={t(lang, m.originalDue)}>
          <>
            <span safe>{formatDateTime(lang, c.originalDueAt)}</span>
            {oc.deadline ? (
              <p class="hint">
                <span safe>{`${t(lang, m.howCounted)}: `}</span>
                <span safe>{oc.deadline.explanation[lang]}</span>
              </p>
            ) : (
              ''
            )}
          </>
        </Fact>
      ) : (
        ''
      )}
      <Fact label={t(lang, m.receiving)}>
        <span lang={vi(lang)} safe>
          {agency(c.agencyId)}
        </span>
      </Fact>
      <Fact label={t(lang, m.handling)}>
        {c.handlingAgencyId ? (
          <span lang={vi(lang)} safe>
            {agency(c.handlingAgencyId)}
          </span>
        ) : (
          <span safe>{t(lang, m.handlingNone)}</span>
        )}
      </Fact>
      <Fact label={t(lang, m.assignee)}>
        <span safe>{oc.assigneeName ?? t(lang, m.assigneeNone)}</span>
      </Fact>
      <Fact label={t(lang, m.fees)}>
        <span safe>{c.feeTotalDong === 0 ? t(lang, paymentLabels.none) : `${formatDong(lang, c.feeTotalDong)} — ${t(lang, paymentLabels[c.paymentStatus as 'unpaid' | 'paid'] ?? paymentLabels.unpaid)}`}</span>
      </Fact>
      <Fact label={t(lang, m.state)}>
        <strong class="badge" safe>
          {t(lang, v.state?.label ?? { vi: c.status, en: c.status })}
        </strong>
      </Fact>
      {c.outcome ? (
        <Fact label={t(lang, m.outcome)}>
          <span safe>{t(lang, outcomeLabels[c.outcome])}</span>
        </Fact>
      ) : (
        ''
      )}
    </dl>
  );
}

function feeErrors(lang: Lang, oc: OfficerCase, f: CasePageProps['feeFailed']): { field: string; message: string }[] {
  if (!f) return [];
  if (f.top) return [{ field: oc.collectFees ? 'fee-collect' : 'actions', message: t(lang, f.top) }];
  return f.errors.map((e) => ({ field: FEE_FIELDS[e.field as keyof typeof FEE_FIELDS] ?? 'fee-collect', message: t(lang, e.message) }));
}

function answerErrors(lang: Lang, f: AnswerFailed | undefined): { field: string; message: string }[] {
  if (!f) return [];
  if (f.top) return [{ field: 'feedback', message: t(lang, f.top) }];
  return f.errors.map((e) => ({ field: answerFieldId(f.feedbackId), message: t(lang, e.message) }));
}

export function CasePage({ req, oc, papers, done, failed, feeDone, feeFailed, answerDone, answerFailed }: CasePageProps): JSX.Element {
  const lang = req.lang;
  const v = oc.view;
  const code = encodeURIComponent(v.case.code);
  const title = t(lang, m.title, { code: v.case.code });
  const errors = failed
    ? failed.top
      ? [{ field: failed.shown ? `action-${failed.action}` : 'actions', message: t(lang, failed.top) }]
      : failed.errors.map((e) => ({ field: fieldId(failed.action, e.field), message: t(lang, e.message) }))
    : [...feeErrors(lang, oc, feeFailed), ...answerErrors(lang, answerFailed)];
  const actionLabel = (k: string): Text => actionOf(v.workflow, k)?.label ?? eventKinds[k] ?? { vi: k, en: k };
  const stateLabel = (k: string): Text => stateOf(v.workflow, k)?.label ?? { vi: k, en: k };
  const typed = failed && !failed.shown ? [failed.typed.comment, failed.typed.items].filter((s) => s.trim() !== '').join('\n\n') : '';
  return (
    <Page req={req} title={title}>
      <p>
        <a class="back-link" href="/mot-cua" safe>
          {t(lang, m.back)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      {done ? (
        <div class="notice success" role="status">
          <p safe>{t(lang, m.done, { action: t(lang, done.label) })}</p>
          {done.form ? (
            <p>
              <a href={`/mot-cua/ho-so/${code}/mau-${done.form}.pdf`} safe>
                {t(lang, m.formIssued, { form: t(lang, formNames[done.form]) })}
              </a>
            </p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      {feeDone || answerDone ? (
        <div class="notice success" role="status">
          <p safe>{t(lang, feeDone ? fm.done : am.done)}</p>
        </div>
      ) : (
        ''
      )}
      <h2 safe>{t(lang, m.facts)}</h2>
      <Facts lang={lang} oc={oc} />
      <Answers lang={lang} v={v} />
      {papers.length > 0 ? <h2 safe>{t(lang, m.papers)}</h2> : ''}
      {papers.length > 0 ? (
        <ul>
          {papers.map((n) => (
            <li>
              <a href={`/mot-cua/ho-so/${code}/mau-${n}.pdf`} safe>
                {t(lang, m.formIssued, { form: t(lang, formNames[n]) })}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <h2 safe>{t(lang, m.files)}</h2>
      <Files lang={lang} v={v} />
      <Supplements lang={lang} v={v} />
      <Consultations lang={lang} v={v} />
      <History lang={lang} v={v} actionLabel={actionLabel} stateLabel={stateLabel} />
      <RatingAndFeedback
        lang={lang}
        v={v}
        answer={mayAnswerFeedback(v.relation) ? (id: number) => <AnswerForm req={req} code={v.case.code} feedbackId={id} failed={answerFailed} /> : undefined}
      />
      <section aria-labelledby="actions" class="actions">
        <h2 id="actions" tabindex="-1" safe>
          {t(lang, m.actions)}
        </h2>
        {typed ? (
          <div class="field">
            <label for="typed-kept" safe>
              {t(lang, m.typedKept)}
            </label>
            <textarea id="typed-kept" rows="4" readonly safe>
              {typed}
            </textarea>
          </div>
        ) : (
          ''
        )}
        {v.actions.length === 0 && !oc.collectFees ? <p safe>{t(lang, m.noActions)}</p> : ''}
        {v.actions.map((a) => (
          <ActionForm req={req} oc={oc} a={a} failed={failed} />
        ))}
        <FeeForm req={req} oc={oc} failed={feeFailed} />
      </section>
    </Page>
  );
}
