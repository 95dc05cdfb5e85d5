// /thiet-bi-cntt-truong (and /truong/:code): the school IT officer's report of the current school year — the form
// with what was typed shown back and each refused value named beside its field, save or submit; the office's comment
// when it returned the report; the values read-only once submitted or checked.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Field, Page, SelectField } from '../../../platform/web/layout.tsx';
import { t, type Text } from '../../../platform/web/i18n.ts';
import type { School } from '../../admissions/index.ts';
import type { Typed } from '../input.ts';
import { FIELD_LABELS, m } from '../messages.ts';
import { COUNT_FIELDS, type ReportRow, type ReportValues } from '../repo.ts';
import { isEditable } from '../report.ts';
import { schoolPath, stateText, ValuesTable } from './parts.tsx';

export interface ReportFormState {
  school: School;
  schoolYear: string;
  report: ReportRow | null;
  values: ReportValues;
  typed: Typed;
  errors: FieldError[];
  /** The summary's heading line (why nothing or not everything was done). */
  problem?: Text | undefined;
  notice?: Text | undefined;
  /** Links to the officer's other schools. */
  others: School[];
}

export function ReportFormPage({ req, s }: { req: FastifyRequest; s: ReportFormState }): JSX.Element {
  const lang = req.lang;
  const err = (f: string) => {
    const e = s.errors.find((x) => x.field === f);
    return e ? t(lang, e.message) : undefined;
  };
  const summary = [...(s.problem ? [{ field: s.errors[0]?.field ?? 'computers_teaching', message: t(lang, s.problem) }] : []), ...s.errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))];
  return (
    <Page req={req} title={m.title} narrow>
      <h1 safe>{`${t(lang, m.title)}: ${s.school.name}`}</h1>
      <p>
        <span safe>{`${t(lang, m.schoolYear)}: ${s.schoolYear}`}</span> · <span safe>{`${t(lang, m.state)}: ${stateText(lang, s.report)}`}</span>
      </p>
      <ErrorSummary lang={lang} errors={summary} />
      {s.notice ? (
        <p class="notice success" role="status" safe>
          {t(lang, s.notice)}
        </p>
      ) : (
        ''
      )}
      {s.report?.state === 'returned' && s.report.office_comment ? (
        <div class="notice" role="note">
          <p>
            <strong safe>{t(lang, m.returnedBox)}</strong>
          </p>
          <p safe>{s.report.office_comment}</p>
        </div>
      ) : (
        ''
      )}
      {isEditable(s.report) ? (
        <form method="post" action={schoolPath(s.school.code)} novalidate>
          <CsrfField req={req} />
          <input type="hidden" name="version" value={String(s.report?.version ?? 0)} />
          {COUNT_FIELDS.slice(0, 6).map((f) => (
            <Field id={f} label={t(lang, FIELD_LABELS[f])} value={s.typed[f]} hint={t(lang, m.countHint)} error={err(f)} inputmode="numeric" />
          ))}
          <SelectField
            id="internet"
            label={t(lang, FIELD_LABELS.internet)}
            value={s.typed.internet}
            error={err('internet')}
            options={[
              { value: '', label: t(lang, m.notEntered) },
              { value: 'yes', label: t(lang, m.yes) },
              { value: 'no', label: t(lang, m.no) },
            ]}
          />
          <Field id="bandwidth_mbps" label={t(lang, FIELD_LABELS.bandwidth_mbps)} value={s.typed.bandwidth_mbps} hint={t(lang, m.bandwidthHint)} error={err('bandwidth_mbps')} inputmode="decimal" />
          <Field id="pupils" label={t(lang, FIELD_LABELS.pupils)} value={s.typed.pupils} hint={t(lang, m.countHint)} error={err('pupils')} inputmode="numeric" />
          <p>
            <button type="submit" name="action" value="save" class="secondary" safe>
              {t(lang, m.save)}
            </button>{' '}
            <button type="submit" name="action" value="submit" safe>
              {t(lang, m.submit)}
            </button>
          </p>
        </form>
      ) : (
        <>
          <p class="hint" safe>
            {t(lang, m.readOnly)}
          </p>
          <ValuesTable lang={lang} values={s.values} caption={`${s.school.name} — ${s.schoolYear}`} />
        </>
      )}
      {s.others.length > 1 ? (
        <nav aria-labelledby="other-schools">
          <h2 id="other-schools" safe>
            {t(lang, m.yourSchools)}
          </h2>
          <ul>
            {s.others.map((o) => (
              <li>
                <a href={schoolPath(o.code)} safe>
                  {o.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        ''
      )}
    </Page>
  );
}

/** The officer whose account is attached to no school yet. */
export function NoSchoolPage({ req }: { req: FastifyRequest }): JSX.Element {
  return (
    <Page req={req} title={m.title} narrow>
      <h1 safe>{t(req.lang, m.title)}</h1>
      <p safe>{t(req.lang, m.noSchools)}</p>
    </Page>
  );
}
