// /thiet-bi-cntt-truong/so-gd/bao-cao/:id: one school's report for the office — its values, and while it is
// submitted, accept it as checked or return it with a comment (the comment field keeps what was typed on an error).
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Page, TextAreaField } from '../../../platform/web/layout.tsx';
import { t, type Text } from '../../../platform/web/i18n.ts';
import type { School } from '../../admissions/index.ts';
import { loadNorms } from '../coverage.ts';
import { m } from '../messages.ts';
import type { ReportRow } from '../repo.ts';
import { valuesOf } from '../report.ts';
import { OFFICE_PATH, reportPath, stateText, ValuesTable } from './parts.tsx';

export interface OfficeReportState {
  school: School;
  report: ReportRow;
  comment: string;
  errors: FieldError[];
  notice?: Text | undefined;
}

export function OfficeReportPage({ req, s }: { req: FastifyRequest; s: OfficeReportState }): JSX.Element {
  const lang = req.lang;
  const { school, report } = s;
  const action = reportPath(report.id);
  const commentError = s.errors.find((e) => e.field === 'comment');
  return (
    <Page req={req} title={m.officeTitle} narrow>
      <p>
        <a href={`${OFFICE_PATH}?nam=${encodeURIComponent(report.school_year)}`} safe>
          {t(lang, m.listLink)}
        </a>
      </p>
      <h1 safe>{school.name}</h1>
      <p>
        <span safe>{`${t(lang, m.level)}: ${t(lang, loadNorms().levels[school.level].name)}`}</span> · <span safe>{`${t(lang, m.schoolYear)}: ${report.school_year}`}</span> ·{' '}
        <span safe>{`${t(lang, m.state)}: ${stateText(lang, report)}`}</span>
      </p>
      <ErrorSummary lang={lang} errors={s.errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))} />
      {s.notice ? (
        <p class="notice success" role="status" safe>
          {t(lang, s.notice)}
        </p>
      ) : (
        ''
      )}
      <ValuesTable lang={lang} values={valuesOf(report)} caption={`${school.name} — ${report.school_year}`} />
      {report.office_comment ? (
        <p>
          <strong safe>{`${t(lang, m.officeComment)}: `}</strong>
          <span safe>{report.office_comment}</span>
        </p>
      ) : (
        ''
      )}
      {report.state === 'submitted' ? (
        <>
          <form method="post" action={`${action}/chap-nhan`}>
            <CsrfField req={req} />
            <input type="hidden" name="version" value={String(report.version)} />
            <button type="submit" safe>
              {t(lang, m.accept)}
            </button>
          </form>
          <form method="post" action={`${action}/tra-lai`} novalidate>
            <CsrfField req={req} />
            <input type="hidden" name="version" value={String(report.version)} />
            <TextAreaField id="comment" label={t(lang, m.returnReason)} value={s.comment} error={commentError ? t(lang, commentError.message) : undefined} required />
            <button type="submit" class="secondary" safe>
              {t(lang, m.returnIt)}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </Page>
  );
}
