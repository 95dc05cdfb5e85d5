// What a mailed link shows once its document was recalled (410): the number and the issuer's reason, no file.
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { Page } from '../../../platform/web/layout.tsx';
import { pm } from '../page-messages.ts';

export function RecalledPage({ req, numbered, reason }: { req: FastifyRequest; numbered: string; reason: string }): JSX.Element {
  return (
    <Page req={req} title={pm.recalledTitle} narrow>
      <h1 safe>{t(req.lang, pm.recalledTitle)}</h1>
      <p safe>{t(req.lang, pm.recalledText, { n: numbered, reason })}</p>
    </Page>
  );
}
