// /ho-so/:code: the dossier for its applicant (or the receiving agency's staff): facts, fees and payment, files and
// timeline. DOMAIN §4 "Lookup": after signing in the applicant sees the step, their files and the history.
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { detailPage as m, receiptPage as rm } from '../messages-pages.ts';
import type { Receipt } from '../receipt.ts';
import { ReceiptFacts } from './receipt-page.tsx';
import { Fact, FeeFact, FileList, Timeline } from './parts.tsx';

export function DetailPage({ req, r }: { req: FastifyRequest; r: Receipt }): JSX.Element {
  const lang = req.lang;
  const d = r.dossier;
  const code = encodeURIComponent(d.code);
  return (
    <Page req={req} title={t(lang, m.title, { code: d.code })}>
      <h1 safe>{t(lang, m.title, { code: d.code })}</h1>
      <ReceiptFacts lang={lang} r={r} />
      <dl class="facts">
        <Fact label={t(lang, m.applicant)}>
          <span safe>{d.applicant.name}</span>
        </Fact>
        <Fact label={t(lang, m.fees)}>
          <FeeFact lang={lang} d={d} />
        </Fact>
      </dl>
      <p>
        <a href={`/ho-so/${code}/bien-nhan`} safe>
          {t(lang, m.receipt)}
        </a>
        {' · '}
        <a href={`/ho-so/${code}/mau-01.pdf`} safe>
          {t(lang, rm.form01)}
        </a>
      </p>
      <h2 safe>{t(lang, m.files)}</h2>
      <FileList lang={lang} code={d.code} files={r.files} />
      <h2 safe>{t(lang, m.timeline)}</h2>
      <Timeline lang={lang} events={r.events} />
    </Page>
  );
}
