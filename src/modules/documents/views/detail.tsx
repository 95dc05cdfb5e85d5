// /van-ban/:id: one document, its files with their signature checks, who handles it, where it went, its history, and
// the forms for what the user may do now (documents/routes.ts decides `can`; the services check again).
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatDateTime, formatIsoDay, t, type Lang } from '../../../platform/web/i18n.ts';
import { CsrfField, ErrorSummary, Field, Page, SelectField, TextAreaField } from '../../../platform/web/layout.tsx';
import { EVENT_LABELS, FIELDS, RECIPIENT_STATUS, ROLE_IN_HANDLING } from '../messages.ts';
import { pm } from '../page-messages.ts';
import type { AssignmentRow, DocumentRow, EventRow, FileInfo, RecipientRow } from '../repo.ts';
import { SECRECY } from '../types.ts';
import { StatusCode, type StatusName } from '../edxml/index.ts';
import { DOCS_URL, docUrl, errorsByField, numberOf, StateTag, summary, typeName } from './parts.tsx';

function recipientStatus(lang: Lang, status: string | null): string {
  const label = RECIPIENT_STATUS[status ?? ''] ?? (status !== null && status in StatusCode ? StatusCode[status as StatusName] : undefined);
  return label ? t(lang, label) : (status ?? '—');
}

export interface DocumentPageState {
  doc: DocumentRow;
  files: FileInfo[];
  assignments: (AssignmentRow & { name: string })[];
  events: EventRow[];
  recipients: RecipientRow[];
  today: string;
  can: { assign: boolean; acknowledge: boolean; progress: boolean; close: boolean; comment: boolean; edit: boolean; submit: boolean; approve: boolean; issue: boolean; recall: boolean; cancel: boolean; reply: boolean };
  colleagues: { id: number; name: string }[];
  values: Record<string, string | string[]>;
  errors: readonly FieldError[];
  notice?: string;
}

interface SignatureView {
  signerName: string | null;
  organisation: string | null;
  signingTime: string | null;
  intact: boolean;
  coversWholeFile: boolean;
  selfSigned: boolean;
}

function Signatures({ lang, file }: { lang: Lang; file: FileInfo }): JSX.Element {
  const checks = (Array.isArray(file.signatures) ? file.signatures : []) as SignatureView[];
  if (file.mime !== 'application/pdf') return <></>;
  if (checks.length === 0) return <span safe>{` · ${t(lang, pm.noSignature)}`}</span>;
  return (
    <ul>
      {checks.map((c) => {
        const ok = c.intact && c.coversWholeFile;
        const verdict = ok
          ? { vi: 'Chữ ký hợp lệ, tệp không bị sửa sau khi ký', en: 'Valid signature; the file has not changed since signing' }
          : c.intact
            ? { vi: 'Tệp đã được thêm nội dung sau khi ký', en: 'Content was added to the file after signing' }
            : { vi: 'Chữ ký không hợp lệ hoặc tệp đã bị sửa sau khi ký', en: 'Invalid signature, or the file was changed after signing' };
        return (
          <li class={ok ? undefined : 'error-message'}>
            <strong safe>{t(lang, verdict)}</strong>
            <span safe>{` — ${t(lang, pm.signedBy)}: ${[c.signerName, c.organisation].filter(Boolean).join(', ')}; ${t(lang, pm.signedAt)}: ${c.signingTime ? formatDateTime(lang, new Date(c.signingTime)) : '—'}`}</span>
            {c.selfSigned ? <span safe>{t(lang, { vi: ' (chứng thư tự ký, chưa được tổ chức chứng thực xác nhận)', en: ' (self-signed certificate, not vouched for by a certification authority)' })}</span> : ''}
          </li>
        );
      })}
    </ul>
  );
}

function Facts({ lang, s }: { lang: Lang; s: DocumentPageState }): JSX.Element {
  const d = s.doc;
  const item = (label: string, value: string): JSX.Element => (
    <>
      <dt safe>{label}</dt>
      <dd safe>{value}</dd>
    </>
  );
  return (
    <dl class="facts">
      <dt safe>{t(lang, pm.colState)}</dt>
      <dd>
        <StateTag lang={lang} doc={d} today={s.today} />
      </dd>
      {item(t(lang, FIELDS.typeCode), typeName(lang, d.type_code))}
      {item(t(lang, FIELDS.numberNotation), numberOf(d))}
      {d.direction === 'in' ? item(t(lang, pm.colArrival), `${d.arrival_number ?? '—'} (${d.arrived_on ? formatIsoDay(d.arrived_on) : ''})`) : ''}
      {d.document_date ? item(t(lang, FIELDS.documentDate), formatIsoDay(d.document_date)) : ''}
      {d.direction === 'in' ? item(t(lang, FIELDS.author), [d.author, d.author_code].filter(Boolean).join(' · ')) : ''}
      {d.signer_name ? item(t(lang, FIELDS.signerName), [d.signer_competence, d.signer_position, d.signer_name].filter(Boolean).join(' ')) : ''}
      {d.secrecy !== 'normal' ? item(t(lang, FIELDS.secrecy), t(lang, SECRECY.confidential)) : ''}
      {d.page_count ? item(t(lang, FIELDS.pageCount), String(d.page_count)) : ''}
      {d.due_date ? item(t(lang, FIELDS.dueDate), formatIsoDay(d.due_date)) : ''}
      {d.handling_deadline ? item(t(lang, pm.colDeadline), formatIsoDay(d.handling_deadline)) : ''}
      {d.direction === 'out' && d.recipients ? item(t(lang, FIELDS.recipients), d.recipients.split('\n').filter((l) => !l.startsWith('@')).join('; ') || '—') : ''}
      {d.recall_reason ? item(t(lang, pm.recallButton), d.recall_reason) : ''}
    </dl>
  );
}

function Post({ req, action, button, children, secondary }: { req: FastifyRequest; action: string; button: string; children?: JSX.Element | JSX.Element[]; secondary?: boolean }): JSX.Element {
  // The fields are elements this file built (escaped already).
  const safeFields = children ?? '';
  return (
    <form method="post" action={action} novalidate>
      <CsrfField req={req} />
      {safeFields}
      <button type="submit" class={secondary ? 'secondary' : undefined} safe>
        {button}
      </button>
    </form>
  );
}

function Actions({ req, s }: { req: FastifyRequest; s: DocumentPageState }): JSX.Element {
  const lang = req.lang;
  const e = errorsByField(lang, s.errors);
  const base = docUrl(s.doc.id);
  const version = <input type="hidden" name="version" value={String(s.doc.version)} />;
  const val = (k: string): string => (typeof s.values[k] === 'string' ? (s.values[k] as string) : '');
  const people = [{ value: '', label: t(lang, pm.noOne) }, ...s.colleagues.map((c) => ({ value: String(c.id), label: c.name }))];
  const chosen = (k: string): string[] => (Array.isArray(s.values[k]) ? (s.values[k] as string[]) : []);
  const multi = (id: 'co' | 'info'): JSX.Element => (
    <div class={e[id] ? 'field field-error' : 'field'}>
      <label for={id} safe>
        {t(lang, FIELDS[id])}
      </label>
      {e[id] ? <p class="error-message" safe>{e[id]}</p> : ''}
      <select id={id} name={id} multiple="multiple" size="4">
        {s.colleagues.map((c) => (
          <option value={String(c.id)} selected={chosen(id).includes(String(c.id))} safe>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
  const c = s.can;
  return (
    <section aria-label={t(lang, { vi: 'Thao tác', en: 'Actions' })}>
      {c.assign ? (
        <Post req={req} action={`${base}/phan-cong`} button={t(lang, pm.assignButton)}>
          <h2 safe>{t(lang, pm.handling)}</h2>
          {version}
          <SelectField id="lead" label={t(lang, FIELDS.lead)} options={people} value={val('lead')} error={e.lead} />
          {multi('co')}
          {multi('info')}
          <TextAreaField id="instruction" label={t(lang, FIELDS.instruction)} value={val('instruction')} error={e.instruction} rows={3} />
          <Field id="deadlineDays" label={t(lang, FIELDS.deadlineDays)} value={val('deadlineDays')} error={e.deadlineDays} hint={t(lang, pm.deadlineHint)} inputmode="numeric" />
        </Post>
      ) : (
        ''
      )}
      {c.acknowledge ? (
        <Post req={req} action={`${base}/da-nhan`} button={t(lang, pm.ackButton)}>
          {version}
        </Post>
      ) : (
        ''
      )}
      {c.progress ? (
        <form method="post" action={`${base}/tien-do`} novalidate>
          <CsrfField req={req} />
          {version}
          <TextAreaField id="note" label={t(lang, FIELDS.note)} value={val('note')} error={e.note} rows={3} />
          <button type="submit" name="close" value="" safe>
            {t(lang, pm.progressButton)}
          </button>{' '}
          {c.close ? (
            <button type="submit" name="close" value="1" safe>
              {t(lang, pm.doneButton)}
            </button>
          ) : (
            ''
          )}
        </form>
      ) : (
        ''
      )}
      {c.reply ? (
        <p>
          <a href={`${DOCS_URL}/di/moi?tra-loi=${s.doc.id}`} safe>
            {t(lang, pm.replyButton)}
          </a>
        </p>
      ) : (
        ''
      )}
      {c.edit ? (
        <p>
          <a href={`${base}/sua`} safe>
            {t(lang, pm.editDraft)}
          </a>
        </p>
      ) : (
        ''
      )}
      {c.submit ? <Post req={req} action={`${base}/trinh`} button={t(lang, pm.submitButton)}>{version}</Post> : ''}
      {c.approve ? (
        <>
          <Post req={req} action={`${base}/duyet`} button={t(lang, pm.approveButton)}>
            {version}
          </Post>
          <Post req={req} action={`${base}/tra-lai`} button={t(lang, pm.returnButton)} secondary>
            {version}
            <TextAreaField id="return-note" name="note" label={t(lang, FIELDS.reason)} value={val('returnNote')} error={e.returnNote} rows={2} />
          </Post>
        </>
      ) : (
        ''
      )}
      {c.issue ? <Post req={req} action={`${base}/phat-hanh`} button={t(lang, pm.issueButton)}>{version}</Post> : ''}
      {c.recall ? (
        <Post req={req} action={`${base}/thu-hoi`} button={t(lang, pm.recallButton)} secondary>
          {version}
          <TextAreaField id="recall-note" name="note" label={t(lang, FIELDS.reason)} value={val('recallNote')} error={e.recallNote} rows={2} />
        </Post>
      ) : (
        ''
      )}
      {c.cancel ? (
        <Post req={req} action={`${base}/huy-so`} button={t(lang, pm.cancelButton)} secondary>
          {version}
          <TextAreaField id="cancel-note" name="note" label={t(lang, FIELDS.reason)} value={val('cancelNote')} error={e.cancelNote} rows={2} />
        </Post>
      ) : (
        ''
      )}
      {c.comment ? (
        <Post req={req} action={`${base}/gop-y`} button={t(lang, pm.commentButton)} secondary>
          <TextAreaField id="comment" name="note" label={t(lang, { vi: 'Góp ý', en: 'Comment' })} value={val('comment')} error={e.comment} rows={2} />
        </Post>
      ) : (
        ''
      )}
    </section>
  );
}

export function DocumentPage({ req, state: s }: { req: FastifyRequest; state: DocumentPageState }): JSX.Element {
  const lang = req.lang;
  const d = s.doc;
  const title = `${t(lang, pm.direction[d.direction])} ${numberOf(d)}: ${d.summary}`;
  return (
    <Page req={req} title={title}>
      <p>
        <a class="back-link" href={DOCS_URL} safe>
          {t(lang, pm.back)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {s.notice ? (
        <p class="notice" role="status" safe>
          {s.notice}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} errors={summary(lang, s.errors)} />
      <Facts lang={lang} s={s} />
      {d.body ? (
        <details>
          <summary safe>{t(lang, FIELDS.body)}</summary>
          <p class="pre-line" safe>
            {d.body}
          </p>
        </details>
      ) : (
        ''
      )}
      <h2 safe>{t(lang, pm.files)}</h2>
      {s.files.length === 0 ? (
        <p safe>{t(lang, pm.empty)}</p>
      ) : (
        <ul>
          {s.files.map((f) => (
            <li>
              <a href={`${docUrl(d.id)}/tep/${f.id}`} safe>
                {f.name}
              </a>
              <span safe>{` (${t(lang, pm.fileKinds[f.kind])}, ${Math.max(1, Math.round(f.size / 1024))} KB)`}</span>
              <Signatures lang={lang} file={f} />
            </li>
          ))}
        </ul>
      )}
      {d.direction === 'in' && s.assignments.length > 0 ? (
        <>
          <h2 safe>{t(lang, pm.handling)}</h2>
          <ul>
            {s.assignments.map((a) => (
              <li safe>{`${t(lang, ROLE_IN_HANDLING[a.role])}: ${a.name}${a.deadline ? ` — ${t(lang, pm.colDeadline)} ${formatIsoDay(a.deadline)}` : ''}${a.acknowledged_at ? ` — ${t(lang, EVENT_LABELS.acknowledged!)} ${formatDateTime(lang, a.acknowledged_at)}` : ''}`}</li>
            ))}
          </ul>
          <p>
            <a href={`${docUrl(d.id)}/phieu-giai-quyet.pdf`} safe>
              {t(lang, pm.slip)}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
      {s.recipients.length > 0 ? (
        <>
          <h2 safe>{t(lang, pm.recipients)}</h2>
          <ul>
            {s.recipients.map((r) => (
              <li safe>{`${r.name}: ${recipientStatus(lang, r.status)}${r.status_at ? ` (${formatDateTime(lang, r.status_at)})` : ''}`}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <Actions req={req} s={s} />
      <h2 safe>{t(lang, pm.history)}</h2>
      <ol>
        {s.events.map((ev) => (
          <li safe>{`${formatDateTime(lang, ev.at)} — ${ev.actor_label}: ${EVENT_LABELS[ev.kind] ? t(lang, EVENT_LABELS[ev.kind]!) : ev.kind}${ev.note ? `: ${ev.note}` : ''}`}</li>
        ))}
      </ol>
    </Page>
  );
}
