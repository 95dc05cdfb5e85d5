// The parts of the officer's dossier page below its facts: files, supplement requests, consultations, the process
// history, the applicant's rating and feedback.
import { formatDateTime, t, type Lang, type Text } from '../../../../platform/web/i18n.ts';
import { formatSize } from '../../../dossiers/index.ts';
import { AnswerChanges, AnswersList, answersView } from '../../../eforms/index.ts';
import type { CaseView } from '../../workflow/view.ts';
import { casePage as m, consultSendText as cs, fileKindLabels } from '../messages.ts';
import { TableFrame } from './parts.tsx';

const vi = (lang: Lang): 'vi' | undefined => (lang === 'en' ? 'vi' : undefined);

function When({ lang, at }: { lang: Lang; at: Date }): JSX.Element {
  return (
    <time datetime={at.toISOString()} safe>
      {formatDateTime(lang, at)}
    </time>
  );
}

function agencyName(v: CaseView, id: number | null): string {
  return id === null ? '' : (v.agencies.get(id)?.name ?? '');
}

export function Files({ lang, v }: { lang: Lang; v: CaseView }): JSX.Element {
  if (v.files.length === 0) return <p safe>{t(lang, m.noFiles)}</p>;
  const code = encodeURIComponent(v.case.code);
  return (
    <TableFrame id="files-table" label={t(lang, m.tableLabel, { what: t(lang, m.files) })} cards>
      <table>
        <thead>
          <tr>
            {[m.fileName, m.fileKind, m.fileSize].map((h) => (
              <th scope="col" safe>
                {t(lang, h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {v.files.map((f) => (
            <tr>
              <td data-label={t(lang, m.fileName)}>
                <a href={`/mot-cua/ho-so/${code}/tep/${f.id}`} safe>
                  {f.originalName}
                </a>
              </td>
              <td data-label={t(lang, m.fileKind)} safe>
                {t(lang, fileKindLabels[f.kind] ?? { vi: f.kind, en: f.kind })}
              </td>
              <td class="num" data-label={t(lang, m.fileSize)} safe>
                {formatSize(f.size)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

/** What the applicant typed on the e-form, by its sections and labels (issue 9): the leader decides on it. */
export function Answers({ lang, v }: { lang: Lang; v: CaseView }): JSX.Element {
  const def = v.procedure?.form;
  if (!def || (v.sent && !v.sent.includeAnswers)) return <></>;
  return (
    <section aria-labelledby="answers">
      <h2 id="answers" safe>
        {t(lang, m.answers)}
      </h2>
      <AnswersList lang={lang} sections={answersView(def, v.case.formData, lang, { units: v.units })} />
    </section>
  );
}

export function Supplements({ lang, v }: { lang: Lang; v: CaseView }): JSX.Element {
  if (v.supplements.length === 0) return <></>;
  return (
    <section aria-labelledby="supplements">
      <h2 id="supplements" safe>
        {t(lang, m.supplements)}
      </h2>
      {v.supplements.map((s) => (
        <div class="card">
          <p>
            <span safe>{t(lang, m.supplementAt, { at: formatDateTime(lang, s.requestedAt) })}</span>
            {' — '}
            <span safe>{s.completedAt ? t(lang, m.supplementDone, { at: formatDateTime(lang, s.completedAt) }) : t(lang, m.supplementOpen)}</span>
          </p>
          <ol lang={vi(lang)}>
            {s.items.map((i) => (
              <li safe>{i.text}</li>
            ))}
          </ol>
          {s.reason ? (
            <p class="pre-line" lang={vi(lang)} safe>
              {s.reason}
            </p>
          ) : (
            ''
          )}
          {v.procedure ? <AnswerChanges lang={lang} def={v.procedure.form} changes={s.formChanges} units={v.units} /> : ''}
        </div>
      ))}
    </section>
  );
}

/** What the consultation sent: the files' names and the answers, or nothing (dossiers/privacy.ts). */
function sentLine(lang: Lang, v: CaseView, k: CaseView['consultations'][number]): string {
  const names = k.documents.flatMap((id) => v.files.filter((f) => f.id === id).map((f) => f.originalName));
  const what = [...names, ...(k.includeAnswers ? [t(lang, cs.answers)] : [])];
  return `${t(lang, cs.sent)}: ${what.length > 0 ? what.join('; ') : t(lang, cs.nothingSent)}`;
}

export function Consultations({ lang, v }: { lang: Lang; v: CaseView }): JSX.Element {
  if (v.consultations.length === 0) return <></>;
  return (
    <section aria-labelledby="consultations">
      <h2 id="consultations" safe>
        {t(lang, m.consultations)}
      </h2>
      <TableFrame id="consultations-table" label={t(lang, m.tableLabel, { what: t(lang, m.consultations) })} cards>
        <table>
          <thead>
            <tr>
              {[m.consultAgency, cs.question, m.consultAsked, m.consultDue, m.consultReply].map((h) => (
                <th scope="col" safe>
                  {t(lang, h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.consultations.map((k) => (
              <tr>
                <td data-label={t(lang, m.consultAgency)} lang={vi(lang)} safe>
                  {agencyName(v, k.agencyId)}
                </td>
                <td data-label={t(lang, cs.question)}>
                  <p class="pre-line" lang={vi(lang)} safe>
                    {k.question}
                  </p>
                  <p class="hint" safe>
                    {sentLine(lang, v, k)}
                  </p>
                </td>
                <td data-label={t(lang, m.consultAsked)}>
                  <When lang={lang} at={k.requestedAt} />
                </td>
                <td data-label={t(lang, m.consultDue)}>
                  <When lang={lang} at={k.dueAt} />
                </td>
                <td data-label={t(lang, m.consultReply)}>
                  {k.repliedAt ? (
                    <>
                      <When lang={lang} at={k.repliedAt} />
                      <p class="pre-line" lang={vi(lang)} safe>
                        {k.reply ?? ''}
                      </p>
                    </>
                  ) : (
                    <strong safe>{t(lang, m.consultWaiting)}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}

/** An assignment's history row names the assignee (issue 9). */
const assigneeOf = (note: Record<string, unknown>): string => (typeof note.assignee_name === 'string' ? `: ${note.assignee_name}` : '');
/** "Sửa tờ khai: <labels>" for a supplement that corrected answers (issue 9). */
function answersChanged(lang: Lang, v: CaseView, note: Record<string, unknown>): string {
  const fields = Array.isArray(note.answers_changed) ? note.answers_changed.filter((f): f is string => typeof f === 'string') : [];
  if (fields.length === 0) return '';
  const label = (f: string): string => {
    const field = v.procedure?.form.ui.fields[f];
    return field ? t(lang, field.label) : f;
  };
  return `${t(lang, m.answersChanged)}: ${fields.map(label).join('; ')}`;
}

export function History({ lang, v, actionLabel, stateLabel }: { lang: Lang; v: CaseView; actionLabel: (k: string) => Text; stateLabel: (k: string) => Text }): JSX.Element {
  const moveText = (from: string | null, to: string | null): string =>
    to && to !== from ? `${from ? `${t(lang, stateLabel(from))} → ` : ''}${t(lang, stateLabel(to))}` : '';
  return (
    <section aria-labelledby="history">
      <h2 id="history" safe>
        {t(lang, m.history)}
      </h2>
      <TableFrame id="history-table" label={t(lang, m.tableLabel, { what: t(lang, m.history) })} cards>
        <table class="history">
          <thead>
            <tr>
              {[m.historyTime, m.historyActor, m.historyAgency, m.historyAction, m.historyMove, m.historyComment].map((h) => (
                <th scope="col" safe>
                  {t(lang, h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.history.map((e) => (
              <tr>
                <td data-label={t(lang, m.historyTime)}>
                  <When lang={lang} at={e.at} />
                </td>
                <td data-label={t(lang, m.historyActor)} safe>
                  {e.actor}
                </td>
                <td data-label={t(lang, m.historyAgency)} lang={vi(lang)} safe>
                  {agencyName(v, e.agencyId)}
                </td>
                <td data-label={t(lang, m.historyAction)} safe>
                  {t(lang, actionLabel(e.kind)) + assigneeOf(e.note)}
                </td>
                <td data-label={t(lang, m.historyMove)} safe>
                  {moveText(e.fromStatus, e.toStatus)}
                </td>
                <td class="pre-line" data-label={t(lang, m.historyComment)} lang={vi(lang)} safe>
                  {[e.comment ?? '', answersChanged(lang, v, e.note)].filter(Boolean).join('\n')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}

/** `answer` renders the answer form under an unanswered message, for those who may answer. */
export function RatingAndFeedback({ lang, v, answer }: { lang: Lang; v: CaseView; answer?: ((feedbackId: number) => JSX.Element) | undefined }): JSX.Element {
  return (
    <>
      {v.rating ? (
        <section aria-labelledby="rating">
          <h2 id="rating" safe>
            {t(lang, m.rating)}
          </h2>
          <p safe>{t(lang, m.ratingValue, { n: v.rating.overall, at: formatDateTime(lang, v.rating.ratedAt) })}</p>
          {v.rating.comment ? (
            <p class="pre-line" lang={vi(lang)} safe>
              {v.rating.comment}
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {v.feedback.length > 0 ? (
        <section aria-labelledby="feedback">
          <h2 id="feedback" safe>
            {t(lang, m.feedback)}
          </h2>
          {v.feedback.map((f) => (
            <div class="card">
              <p>
                <When lang={lang} at={f.createdAt} />
              </p>
              <p class="pre-line" lang={vi(lang)} safe>
                {f.message}
              </p>
              {f.answer ? (
                <p class="pre-line">
                  <strong safe>{`${t(lang, m.feedbackAnswer)}: `}</strong>
                  <span lang={vi(lang)} safe>
                    {f.answer}
                  </span>
                </p>
              ) : answer ? (
                answer(f.id)
              ) : (
                ''
              )}
            </div>
          ))}
        </section>
      ) : (
        ''
      )}
    </>
  );
}
