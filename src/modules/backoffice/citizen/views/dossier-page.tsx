// /ho-so-cua-toi/:code: the applicant's own dossier (DOMAIN §4 "Lookup": after signing in the applicant sees the step
// and the agency, their files, and can rate and give feedback): status and step in words, agencies, the due date
// (and the new one after an apology, with its reason), the result, fees, a timeline in plain words, the files (the
// result's electronic copy once it is ready), the open request to supplement with its form, rating and feedback.
import type { FastifyRequest } from 'fastify';
import { CardsTable, ErrorSummary, Page } from '../../../../platform/web/layout.tsx';
import { formatDateTime, t, type Lang } from '../../../../platform/web/i18n.ts';
import { type DossierRead, Fact, FileList, Vi } from '../../../dossiers/index.ts';
import { AnswerChanges, AnswersList, answersView } from '../../../eforms/index.ts';
import { ROLE_LABELS } from '../../../../platform/auth/roles.ts';
import type { CaseView } from '../../workflow/view.ts';
import { OVERALL_LABEL, RATING_CRITERIA, SCORE_LABELS, isScore } from '../criteria.ts';
import { feedbackForm as fm, fileKinds, page as m, ratingForm as rm, readsSection as rd, supplementForm as sm } from '../messages.ts';
import { citizenTimeline, openSupplement } from '../timeline.ts';
import { Facts } from './facts.tsx';
import { FeedbackForm, FeedbackList, RatingForm, SupplementForm } from './forms.tsx';
import type { FormState } from './kit.tsx';

export interface DossierPageProps {
  req: FastifyRequest;
  view: CaseView;
  /** Who among the staff read the dossier, newest first (Decree 13/2023/NĐ-CP: the data subject's right to know). */
  reads: DossierRead[];
  mayRate: boolean;
  feedbackPerDay: number;
  notice?: string | undefined;
  state?: FormState | undefined;
  /** The result as the procedure's own module shows it (dossiers' extensions.ts), rendered already. */
  result?: JSX.Element | undefined;
}

function Timeline({ lang, view }: { lang: Lang; view: CaseView }): JSX.Element {
  return (
    <ol class="steps">
      {citizenTimeline(view).map((e) => (
        <li>
          <time datetime={e.at.toISOString()} safe>
            {formatDateTime(lang, e.at)}
          </time>
          <span safe>{` — ${t(lang, e.label)}`}</span>
          {e.agency ? (
            <span class="muted">
              {' ('}
              <Vi lang={lang} text={e.agency} />
              {')'}
            </span>
          ) : (
            ''
          )}
          {e.comment ? (
            <p class="pre-line">
              <span safe>{`${t(lang, e.comment.kind === 'reason' ? m.reason : m.note)}: `}</span>
              <Vi lang={lang} text={e.comment.text} />
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ol>
  );
}

function Files({ lang, view }: { lang: Lang; view: CaseView }): JSX.Element {
  // The result's electronic copy is the applicant's once the result is recorded (Decree 118/2025).
  const shown = view.files.filter((f) => f.kind !== 'result' || view.case.resultAt !== null);
  if (shown.length === 0) return <p safe>{t(lang, m.noFiles)}</p>;
  const kinds = ['result', 'applicant', 'supplement', 'scan'].filter((k) => shown.some((f) => f.kind === k));
  return (
    <>
      {kinds.map((k) => (
        <>
          <h3 safe>{t(lang, fileKinds[k] ?? { vi: k, en: k })}</h3>
          <FileList lang={lang} code={view.case.code} files={shown.filter((f) => f.kind === k)} />
        </>
      ))}
    </>
  );
}

function Reads({ lang, reads }: { lang: Lang; reads: DossierRead[] }): JSX.Element {
  if (reads.length === 0) return <p safe>{t(lang, rd.none)}</p>;
  return (
    <CardsTable
      caption={t(lang, rd.title)}
      captionHidden
      heads={[rd.when, rd.who, rd.role, rd.agency, rd.what].map((h) => t(lang, h))}
      rows={reads}
      cells={(r) => [
        {
          html: (
            <time datetime={r.at.toISOString()} safe>
              {formatDateTime(lang, r.at)}
            </time>
          ),
        },
        r.name,
        r.roles.map((x) => t(lang, ROLE_LABELS[x] ?? { vi: x, en: x })).join(', '),
        r.agency ?? '',
        t(lang, rd.whats[r.what]),
      ]}
    />
  );
}

/** A refusal of a whole form (not of one field), repeated under its section's heading. */
function SectionError({ state, id }: { state?: FormState | undefined; id: string }): JSX.Element {
  const message = state?.errors.get(id);
  return message ? (
    <p class="error-message" safe>
      {message}
    </p>
  ) : (
    <></>
  );
}

function RatingSection({ req, view, mayRate, state }: { req: FastifyRequest; view: CaseView; mayRate: boolean; state?: FormState | undefined }): JSX.Element {
  const lang = req.lang;
  const r = view.rating;
  if (r) {
    const score = (n: number | undefined) => (isScore(n) ? `${n} — ${t(lang, SCORE_LABELS[n])}` : '—');
    return (
      <>
        <p safe>{t(lang, rm.given, { date: formatDateTime(lang, r.ratedAt) })}</p>
        <dl class="facts">
          <Fact label={t(lang, OVERALL_LABEL)}>
            <span safe>{score(r.overall)}</span>
          </Fact>
          {RATING_CRITERIA.map((c) => (
            <Fact label={t(lang, c.label)}>
              <span safe>{score(r.criteria[c.key])}</span>
            </Fact>
          ))}
        </dl>
      </>
    );
  }
  if (!mayRate) return <p safe>{t(lang, rm.notYet)}</p>;
  return <RatingForm req={req} code={view.case.code} state={state} />;
}

export function CitizenDossierPage({ req, view, reads, mayRate, feedbackPerDay, notice, state, result }: DossierPageProps): JSX.Element {
  // Rendered by the procedure's own module (its views escape what they show).
  const safeResult = result ?? '';
  const lang = req.lang;
  const c = view.case;
  const open = openSupplement(view);
  const form = view.procedure?.form;
  const errors = state ? [...state.errors].map(([field, message]) => ({ field, message })) : [];
  return (
    <Page req={req} title={t(lang, m.title, { code: c.code })}>
      <a class="back-link" href="/ho-so-cua-toi" safe>
        {t(lang, m.back)}
      </a>
      <ErrorSummary lang={lang} errors={errors} />
      {notice ? (
        <div class="notice success" role="status">
          <p safe>{notice}</p>
        </div>
      ) : (
        ''
      )}
      <h1 safe>{t(lang, m.title, { code: c.code })}</h1>
      <p>
        <Vi lang={lang} text={view.procedure?.name ?? c.procedureCode} />
      </p>
      <Facts lang={lang} view={view} />
      <p>
        <a href={`/ho-so/${encodeURIComponent(c.code)}/bien-nhan`} safe>
          {t(lang, m.receipt)}
        </a>
      </p>
      {safeResult}
      {open ? (
        <section aria-labelledby="bo-sung">
          <h2 id="bo-sung" safe>
            {t(lang, sm.title)}
          </h2>
          <SectionError state={state} id="bo-sung" />
          <p safe>{t(lang, sm.requested, { date: formatDateTime(lang, open.supplement.requestedAt) })}</p>
          <ul>
            {open.supplement.items.map((i) => (
              <li>
                <Vi lang={lang} text={i.text} />
              </li>
            ))}
          </ul>
          {open.supplement.reason ? (
            <p class="pre-line">
              <span safe>{`${t(lang, m.reason)}: `}</span>
              <Vi lang={lang} text={open.supplement.reason} />
            </p>
          ) : (
            ''
          )}
          {open.action ? <SupplementForm req={req} code={c.code} version={c.rowVersion} supplement={open.supplement} state={state} eform={form ? { def: form, answers: c.formData, units: view.units } : undefined} /> : ''}
        </section>
      ) : (
        ''
      )}
      <h2 safe>{t(lang, m.timeline)}</h2>
      <Timeline lang={lang} view={view} />
      <h2 safe>{t(lang, m.files)}</h2>
      <Files lang={lang} view={view} />
      {form ? (
        <section aria-labelledby="to-khai">
          <h2 id="to-khai" safe>
            {t(lang, m.answers)}
          </h2>
          <AnswersList lang={lang} sections={answersView(form, c.formData, lang, { units: view.units })} />
          {view.supplements.map((s) => (
            <AnswerChanges lang={lang} def={form} changes={s.formChanges} units={view.units} />
          ))}
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="danh-gia">
        <h2 id="danh-gia" safe>
          {t(lang, rm.title)}
        </h2>
        <SectionError state={state} id="danh-gia" />
        <RatingSection req={req} view={view} mayRate={mayRate} state={state} />
      </section>
      <section aria-labelledby="gop-y">
        <h2 id="gop-y" safe>
          {t(lang, fm.title)}
        </h2>
        <SectionError state={state} id="gop-y" />
        <p safe>{t(lang, fm.intro)}</p>
        <FeedbackList req={req} feedback={view.feedback} />
        <FeedbackForm req={req} code={c.code} perDay={feedbackPerDay} state={state} />
      </section>
      <section aria-labelledby="ai-da-xem">
        <h2 id="ai-da-xem" safe>
          {t(lang, rd.title)}
        </h2>
        <p safe>{t(lang, rd.intro)}</p>
        <Reads lang={lang} reads={reads} />
      </section>
    </Page>
  );
}
