// /ve-dien-tu/thanh-toan/:reference: a VietQR payment the rider started (a top-up or a pass): while it waits, the
// code, the bank details, the amount and the reference, as the dossier receipt shows fees; in the demo a button that
// simulates the bank's confirmation; then paid or expired.
import type { FastifyRequest } from 'fastify';
import { CsrfField, Page } from '../../../../platform/web/layout.tsx';
import { formatDateTime, formatMoney, t } from '../../../../platform/web/i18n.ts';
import type { PaymentInstructions, PaymentRow } from '../../payments/index.ts';
import { passProducts } from '../passes.ts';
import { m, pm } from '../messages.ts';
import { RIDER_PATH } from './rider.tsx';

export const PAYMENT_PATH = `${RIDER_PATH}/thanh-toan`;

export function PaymentPage({ req, payment, instructions, demo }: { req: FastifyRequest; payment: PaymentRow; instructions: PaymentInstructions | undefined; demo: boolean }): JSX.Element {
  const lang = req.lang;
  const amount = formatMoney(lang, Number(payment.amount));
  const purpose = payment.purpose === 'pass' ? `${passProducts().find((p) => p.id === payment.product_id)?.name ?? payment.product_id ?? ''} (${payment.valid_from ?? ''} – ${payment.valid_to ?? ''})` : t(lang, pm.purposeTopUp);
  return (
    <Page req={req} title={pm.title} narrow>
      <p>
        <a href={RIDER_PATH} safe>
          {t(lang, m.back)}
        </a>
      </p>
      <h1 safe>{t(lang, pm.title)}</h1>
      <p class={payment.status === 'paid' ? 'notice success' : 'notice'} role="status" safe>
        {t(lang, payment.status === 'paid' ? pm.paid : payment.status === 'expired' ? pm.expired : pm.waiting)}
      </p>
      <dl class="facts">
        <dt safe>{t(lang, pm.purpose)}</dt>
        <dd safe>{purpose}</dd>
        <dt safe>{t(lang, pm.amount)}</dt>
        <dd class="num" safe>
          {amount}
        </dd>
        <dt safe>{t(lang, pm.reference)}</dt>
        <dd>
          <code safe>{payment.reference}</code>
        </dd>
        {payment.status === 'pending' ? (
          <>
            <dt safe>{t(lang, pm.expiresAt)}</dt>
            <dd safe>{formatDateTime(lang, payment.expires_at)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {instructions ? (
        <>
          <p safe>{t(lang, pm.help)}</p>
          <img src={instructions.qr.svgDataUrl} alt={t(lang, pm.alt, { amount, reference: payment.reference })} width="220" height="220" />
          <dl class="facts">
            <dt safe>{t(lang, pm.bank)}</dt>
            <dd safe>{instructions.account.bankName}</dd>
            <dt safe>{t(lang, pm.accountNumber)}</dt>
            <dd>
              <code safe>{instructions.account.accountNumber}</code>
            </dd>
            <dt safe>{t(lang, pm.accountName)}</dt>
            <dd safe>{instructions.account.accountName}</dd>
          </dl>
          {instructions.demoAccount ? (
            <p class="notice" safe>
              {t(lang, pm.demoAccount)}
            </p>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
      {demo ? (
        <section aria-labelledby="demo-bank">
          <h2 id="demo-bank" safe>
            {t(lang, pm.demoTitle)}
          </h2>
          <p safe>{t(lang, pm.demoHelp)}</p>
          <form method="post" action={`${PAYMENT_PATH}/${payment.reference}/gia-lap`}>
            <CsrfField req={req} />
            <button type="submit" safe>
              {t(lang, pm.simulate)}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Page>
  );
}
