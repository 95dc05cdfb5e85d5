// /dich-vu-cong/:procedureCode/nop/kiem-tra: "check your answers" (GOV.UK pattern, issue 9) before a dossier is sent:
// the receiving agency, every answer by the e-form's sections with a "Thay đổi / Change" link to its field, the files
// kept with the draft, the fee (the catalogue's evaluation, feeFor, as the procedure carries it) and the expected
// return date if submitted now (the deadline code of the submission), then the one button that submits.
import type { FastifyRequest } from 'fastify';
import { CsrfField, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { AnswersList, fieldId, type AnswerSection } from '../../eforms/index.ts';
import type { DossierProcedure } from '../catalogue.ts';
import type { DossierDeadline } from '../deadline.ts';
import type { KeptFile } from '../drafts.ts';
import { formatDong, formatIsoDate, formatSize } from '../format.ts';
import { submitPage as m } from '../messages-pages.ts';
import { Fact, Vi } from './parts.tsx';

export interface CheckPageProps {
  req: FastifyRequest;
  procedure: DossierProcedure;
  agencyName: string;
  sections: AnswerSection[];
  files: readonly KeptFile[];
  /** The fee charged online, or null when the agency works it out at the counter. */
  fee: number | null;
  deadline: DossierDeadline | undefined;
  token: string;
}

export function CheckPage(p: CheckPageProps): JSX.Element {
  const { req, procedure } = p;
  const lang = req.lang;
  const form = `/dich-vu-cong/${encodeURIComponent(procedure.code)}/nop`;
  const change = (id: string, label: string): JSX.Element => (
    <a href={`${form}#${id}`}>
      <span safe>{t(lang, m.change)}</span>
      <span class="visually-hidden" safe>{` ${label}`}</span>
    </a>
  );
  return (
    <Page req={req} title={`${t(lang, m.checkTitle)}: ${procedure.name}`}>
      <p class="muted" safe>
        {t(lang, m.checkCaption)}
      </p>
      <h1 safe>{t(lang, m.checkTitle)}</h1>
      <p>
        <Vi lang={lang} text={procedure.name} />
      </p>
      <p safe>{t(lang, m.checkIntro)}</p>
      <dl class="facts">
        <Fact label={t(lang, m.checkAgency)}>
          <>
            <span lang={lang === 'en' ? 'vi' : undefined} safe>
              {p.agencyName}
            </span>{' '}
            {change('f-agency', t(lang, m.checkAgency))}
          </>
        </Fact>
      </dl>
      <AnswersList lang={lang} sections={p.sections} changeHref={form} level={2} />
      <h2 safe>{t(lang, m.checkFiles)}</h2>
      <dl class="facts">
        {procedure.form.documents.map((d) => {
          const kept = p.files.filter((f) => f.docKey === d.key);
          const label = t(lang, d.name);
          return (
            <Fact label={label}>
              <>
                {kept.length > 0 ? <span safe>{kept.map((f) => `${f.originalName} (${formatSize(f.size)})`).join(', ')}</span> : <span class="muted" safe>{t(lang, m.checkNoFile)}</span>}{' '}
                {change(fieldId(`files.${d.key}`), label)}
              </>
            </Fact>
          );
        })}
      </dl>
      <h2 safe>{t(lang, m.feesTitle)}</h2>
      <dl class="facts">
        <Fact label={t(lang, m.checkFee)}>
          <strong safe>{p.fee === null ? t(lang, m.checkFeeCounter) : p.fee === 0 ? t(lang, m.checkFeeNone) : formatDong(lang, p.fee)}</strong>
        </Fact>
        <Fact label={t(lang, m.checkDue)}>
          {p.deadline ? (
            <>
              <strong safe>{formatIsoDate(lang, p.deadline.dueDate)}</strong>
              <p class="hint" safe>
                {p.deadline.explanation[lang]}
              </p>
            </>
          ) : (
            <span safe>{t(lang, m.checkDueNone)}</span>
          )}
        </Fact>
      </dl>
      <form method="post" action={`${form}/kiem-tra`}>
        <CsrfField req={req} />
        <input type="hidden" name="_token" value={p.token} />
        <p safe>{t(lang, m.checkDeclaration)}</p>
        <p>
          <button type="submit" safe>
            {t(lang, m.submit)}
          </button>
        </p>
      </form>
    </Page>
  );
}
