// /truong/tuyen-sinh (the officer's schools) and /truong/tuyen-sinh/:school/ma-tuyen-sinh: the CSV upload that issues
// enrolment codes, every line of the file shown back accepted or refused with the reason, and the letters' PDF link.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CardsTable, CsrfField, ErrorSummary, HintAndError, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { sm } from '../school-messages.ts';
import type { ImportLine } from '../school-codes.ts';
import type { Round, School } from '../repo.ts';
import { schoolPath } from './school-applicants-page.tsx';

export function SchoolsPage({ req, schools }: { req: FastifyRequest; schools: School[] }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={sm.homeTitle} narrow>
      <h1 safe>{t(lang, sm.homeTitle)}</h1>
      {schools.length === 0 ? (
        <p safe>{t(lang, sm.noSchools)}</p>
      ) : (
        <ul>
          {schools.map((s) => (
            <li>
              <a href={schoolPath(s.code)} safe>
                {s.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export interface CodesState {
  school: School;
  round: Round;
  issuedCount: number;
  lines?: ImportLine[] | undefined;
  errors: FieldError[];
}

export function CodesPage({ req, s }: { req: FastifyRequest; s: CodesState }): JSX.Element {
  const lang = req.lang;
  const base = schoolPath(s.school.code);
  const fileError = s.errors.find((e) => e.field === 'file');
  const n = (o: ImportLine['outcome']): string => String(s.lines?.filter((l) => l.outcome === o).length ?? 0);
  return (
    <Page req={req} title={sm.codesTitle}>
      <h1 safe>{`${t(lang, sm.codesTitle)}: ${s.school.name}`}</h1>
      <p safe>{lang === 'en' ? s.round.nameEn : s.round.name}</p>
      <ErrorSummary lang={lang} errors={s.errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))} />
      {s.lines ? (
        <>
          <h2 safe>{t(lang, sm.result)}</h2>
          <p role="status" safe>
            {t(lang, sm.summary, { issued: n('issued'), already: n('already'), refused: n('refused') })}
          </p>
          <CardsTable
            caption={t(lang, sm.result)}
            heads={[sm.line, sm.number, sm.child, sm.outcome, sm.code].map((h, i) => (i === 1 ? (lang === 'en' ? 'Personal ID' : 'Số định danh') : t(lang, h)))}
            rows={s.lines}
            cells={(l) => [
              String(l.line),
              l.personalId,
              l.fullName,
              l.outcome === 'refused' ? `${t(lang, sm.refused)}: ${l.reason ? t(lang, l.reason) : ''}` : t(lang, l.outcome === 'issued' ? sm.issued : sm.already),
              { html: <code safe>{l.code ?? ''}</code> },
            ]}
          />
        </>
      ) : (
        ''
      )}
      <p>
        <a href={`${base}/giay-bao.pdf?round=${s.round.id}`} safe>
          {t(lang, sm.letters, { n: String(s.issuedCount) })}
        </a>
      </p>
      <h2 safe>{t(lang, sm.upload)}</h2>
      <p safe>{t(lang, sm.codesLead)}</p>
      <form method="post" action={`${base}/ma-tuyen-sinh?round=${s.round.id}`} enctype="multipart/form-data" novalidate>
        <CsrfField req={req} />
        <div class={fileError ? 'field field-error' : 'field'}>
          <label for="file" safe>
            {t(lang, sm.file)}
          </label>
          <HintAndError id="file" error={fileError ? t(lang, fileError.message) : undefined} />
          <input type="file" id="file" name="files.csv" accept=".csv,text/csv" aria-describedby={fileError ? 'file-error' : undefined} />
        </div>
        <button type="submit" safe>
          {t(lang, sm.upload)}
        </button>
      </form>
      <p>
        <a href={`${base}?round=${s.round.id}`} safe>
          {t(lang, sm.back)}
        </a>
      </p>
    </Page>
  );
}
