// /xac-minh-chung-chi (public): a code in, and out only the certificate's kind, the holder's name with the middle
// name(s) masked, the issue date and whether it is valid — never the reason of a revocation or anything else.
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import type { Verification } from '../certificates.ts';
import { m } from '../messages.ts';
import { day, levelLabel, URLS } from './parts.tsx';

export function VerifyPage({ req, typed, result }: { req: FastifyRequest; typed: string; result: Verification | null }): JSX.Element {
  const lang = req.lang;
  const bad = result?.state === 'bad-code' ? t(lang, m.badCode) : undefined;
  return (
    <Page req={req} title={m.verifyTitle} narrow>
      <h1 safe>{t(lang, m.verifyTitle)}</h1>
      <ErrorSummary lang={lang} errors={bad ? [{ field: 'ma', message: bad }] : []} />
      <form method="get" action={URLS.verify}>
        <Field id="ma" label={t(lang, m.code)} value={typed} hint={t(lang, m.verifyHint)} error={bad} autocomplete="off" required />
        <button type="submit" safe>
          {t(lang, m.verify)}
        </button>
      </form>
      {result?.state === 'unknown' ? (
        <p class="notice" role="status" safe>
          {t(lang, m.notFound)}
        </p>
      ) : (
        ''
      )}
      {result?.state === 'found' ? (
        <section class="notice" role="status" aria-labelledby="ket-qua">
          <h2 id="ket-qua" safe>
            {t(lang, result.valid ? m.valid : m.revoked)}
          </h2>
          <dl class="summary">
            <dt safe>{t(lang, m.kind)}</dt>
            <dd safe>{t(lang, levelLabel[result.kind] ?? m.basic)}</dd>
            <dt safe>{t(lang, m.holder)}</dt>
            <dd safe>{result.holder}</dd>
            <dt safe>{t(lang, m.issuedOn)}</dt>
            <dd safe>{day(result.issuedOn)}</dd>
            <dt safe>{t(lang, m.validity)}</dt>
            <dd safe>{t(lang, result.valid ? m.valid : m.revoked)}</dd>
          </dl>
        </section>
      ) : (
        ''
      )}
    </Page>
  );
}
