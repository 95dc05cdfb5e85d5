// /tai-khoan/xac-minh: the account's contacts with their status, a button sending a code to each one not yet proven,
// and the code form while a code is on its way.
import type { FastifyRequest } from 'fastify';
import { CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { accountPage } from '../messages.ts';
import { codePage as c, verifyPage as v } from '../messages-verify.ts';
import type { Account } from '../repo.ts';
import { CODE_MINUTES } from '../codes.ts';
import { displayPhone } from '../validate.ts';
import { smsNumber } from '../../../platform/notify/sms.ts';
import { Notice, formErrors, type Errors } from './form.tsx';
import { CodeField } from './register.tsx';
import { ContactsTable } from './contacts.tsx';

function SendButton({ req, which, to }: { req: FastifyRequest; which: 'phone' | 'email'; to: string }): JSX.Element {
  return (
    <form method="post" action="/tai-khoan/xac-minh/gui" novalidate>
      <CsrfField req={req} />
      <input type="hidden" name="contact" value={which} />
      <button type="submit" id={`send-${which}`} safe>
        {t(req.lang, v.send, { destination: to })}
      </button>
    </form>
  );
}

export function VerifyPage({ req, account, pending, errors = [], notice }: { req: FastifyRequest; account: Account; pending?: string | undefined; errors?: Errors; notice?: string | undefined }): JSX.Element {
  const lang = req.lang;
  const unproven: { which: 'phone' | 'email'; to: string }[] = [
    ...(account.phone && !account.phone_verified_at && smsNumber(account.phone) ? [{ which: 'phone' as const, to: displayPhone(account.phone) }] : []),
    ...(account.email && !account.email_verified_at ? [{ which: 'email' as const, to: account.email }] : []),
  ];
  return (
    <Page req={req} title={v.title} narrow>
      <h1 safe>{t(lang, v.title)}</h1>
      <ErrorSummary lang={lang} errors={formErrors(lang, errors)} />
      <Notice text={notice} success />
      <p safe>{t(lang, v.lead)}</p>
      <ContactsTable lang={lang} account={account} caption={t(lang, v.title)} />
      {!account.phone && !account.email ? <p safe>{t(lang, v.noContact)}</p> : ''}
      {account.phone && !account.phone_verified_at && !smsNumber(account.phone) ? <p safe>{t(lang, v.notMobile)}</p> : ''}
      {unproven.map((u) => (
        <SendButton req={req} which={u.which} to={u.to} />
      ))}
      {pending ? (
        <section aria-labelledby="code-heading">
          <h2 id="code-heading" safe>
            {t(lang, c.title)}
          </h2>
          <p safe>{t(lang, c.sentTo, { destination: pending, minutes: CODE_MINUTES })}</p>
          <form method="post" action="/tai-khoan/xac-minh" novalidate>
            <CsrfField req={req} />
            <CodeField req={req} errors={errors} />
            <button type="submit" safe>
              {t(lang, v.finish)}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <p>
        <a href="/tai-khoan" safe>
          {t(lang, accountPage.title)}
        </a>
      </p>
    </Page>
  );
}
