// /ho-so/:code/bien-nhan: the receipt — code, procedure, agency, time of receipt, return appointment and how it was
// counted, fees with the VietQR code and the bank details, the simulated gateway (demo), and Form 01 as PDF.
import type { FastifyRequest } from 'fastify';
import { CsrfField, Page } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { formatDong, formatReceived } from '../format.ts';
import { paymentLabels } from '../messages.ts';
import { payPanel as pm, receiptPage as m } from '../messages-pages.ts';
import type { Receipt } from '../receipt.ts';
import { DueDate, Fact, StatusText, Vi } from './parts.tsx';
import { feeWords } from '../../procedures/index.ts';

export function ReceiptFacts({ lang, r }: { lang: Lang; r: Receipt }): JSX.Element {
  const d = r.dossier;
  const agencyName: string = r.agency ? (lang === 'en' && r.agency.nameEn ? r.agency.nameEn : r.agency.name) : '';
  return (
    <dl class="facts">
      <Fact label={t(lang, m.code)}>
        <strong>
          <code safe>{d.code}</code>
        </strong>
      </Fact>
      <Fact label={t(lang, m.procedure)}>
        <span>
          <Vi lang={lang} text={r.procedure?.name ?? d.procedureCode} /> (<code safe>{d.procedureCode}</code>)
        </span>
      </Fact>
      <Fact label={t(lang, m.agency)}>
        <span safe>{agencyName}</span>
      </Fact>
      <Fact label={t(lang, m.received)}>
        <time datetime={d.receivedAt.toISOString()} safe>
          {formatReceived(lang, d.receivedAt)}
        </time>
      </Fact>
      <Fact label={t(lang, m.status)}>
        <StatusText lang={lang} status={d.status} />
      </Fact>
      <Fact label={t(lang, m.due)}>
        <DueDate lang={lang} d={d} explain />
      </Fact>
    </dl>
  );
}

function PayPanel({ req, r }: { req: FastifyRequest; r: Receipt }): JSX.Element {
  const lang = req.lang;
  const d = r.dossier;
  if (d.feeTotalDong === 0 && r.feeAtCounter) {
    return (
      <section aria-labelledby="pay">
        <h2 id="pay" safe>
          {t(lang, pm.title)}
        </h2>
        <p safe>{t(lang, feeWords.counterNote)}</p>
      </section>
    );
  }
  if (d.feeTotalDong === 0) return <></>;
  const p = r.payment;
  const amount = formatDong(lang, d.feeTotalDong);
  return (
    <section aria-labelledby="pay">
      <h2 id="pay" safe>
        {t(lang, pm.title)}
      </h2>
      <dl class="facts">
        <Fact label={t(lang, pm.amount)}>
          <strong safe>{amount}</strong>
        </Fact>
        <Fact label={t(lang, pm.status)}>
          <span safe>{t(lang, paymentLabels[d.paymentStatus])}</span>
        </Fact>
      </dl>
      {p ? (
        <>
          <h3 safe>{t(lang, pm.qrTitle)}</h3>
          <p safe>{t(lang, pm.qrHelp)}</p>
          <img src={p.qr.svgDataUrl} alt={t(lang, pm.qrAlt, { amount, code: d.code })} width="220" height="220" />
          <dl class="facts">
            <Fact label={t(lang, pm.bank)}>
              <span safe>{p.account.bankName}</span>
            </Fact>
            <Fact label={t(lang, pm.accountNumber)}>
              <code safe>{p.account.accountNumber}</code>
            </Fact>
            <Fact label={t(lang, pm.accountName)}>
              <span safe>{p.account.accountName}</span>
            </Fact>
            <Fact label={t(lang, pm.amount)}>
              <span safe>{amount}</span>
            </Fact>
            <Fact label={t(lang, pm.memo)}>
              <code safe>{d.code}</code>
            </Fact>
          </dl>
          {p.demoAccount ? (
            <p class="notice" safe>
              {t(lang, pm.demoAccount)}
            </p>
          ) : (
            ''
          )}
          {p.gateway ? (
            <>
              <h3 safe>{t(lang, pm.gatewayTitle)}</h3>
              <p class="hint" safe>
                {t(lang, pm.gatewayNote)}
              </p>
              <form method="post" action={`/ho-so/${encodeURIComponent(d.code)}/thanh-toan`}>
                <CsrfField req={req} />
                <button type="submit" safe>
                  {t(lang, pm.gatewayButton)}
                </button>
              </form>
            </>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export function ReceiptPage({ req, r, paid }: { req: FastifyRequest; r: Receipt; paid?: boolean }): JSX.Element {
  const lang = req.lang;
  const code = encodeURIComponent(r.dossier.code);
  return (
    <Page req={req} title={`${t(lang, m.title)} ${r.dossier.code}`}>
      <h1 safe>{t(lang, m.title)}</h1>
      <div class="notice success" role="status">
        <p safe>{paid ? t(lang, m.paid) : t(lang, m.lead)}</p>
      </div>
      <ReceiptFacts lang={lang} r={r} />
      <p>
        <a href={`/ho-so/${code}/mau-01.pdf`} safe>
          {t(lang, m.form01)}
        </a>
      </p>
      <PayPanel req={req} r={r} />
      <p>
        <a href={`/ho-so/${code}`} safe>
          {t(lang, m.track)}
        </a>
        {' · '}
        <a href="/ho-so-cua-toi" safe>
          {t(lang, m.myDossiers)}
        </a>
      </p>
    </Page>
  );
}
