// /ve-dien-tu: the signed-in citizen's e-ticket account, or the offer to open one (issue 15).
import type { FastifyRequest } from 'fastify';
import { CsrfField, Page } from '../../../../platform/web/layout.tsx';
import { t, type Text } from '../../../../platform/web/i18n.ts';
import type { AccountOverview } from '../../riders/index.ts';
import { m } from '../messages.ts';
import { AccountDetails } from './account.tsx';

export const RIDER_PATH = '/ve-dien-tu';

export function NoAccountPage({ req }: { req: FastifyRequest }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={m.title} narrow>
      <h1 safe>{t(lang, m.title)}</h1>
      <p safe>{t(lang, m.noAccount)}</p>
      <form method="post" action={`${RIDER_PATH}/mo-tai-khoan`}>
        <CsrfField req={req} />
        <button type="submit" safe>
          {t(lang, m.open)}
        </button>
      </form>
    </Page>
  );
}

export function RiderPage({ req, o, notice, trips }: { req: FastifyRequest; o: AccountOverview; notice?: Text | undefined; trips?: JSX.Element }): JSX.Element {
  const lang = req.lang;
  const links: [string, Text][] = [
    ['dang-ky-the', m.registerCard],
    ['nap-tien', m.topUp],
    ['mua-ve', m.buyPass],
    ['chung-minh-tuoi', m.proveAge],
  ];
  return (
    <Page req={req} title={m.title}>
      <h1 safe>{t(lang, m.title)}</h1>
      {notice ? (
        <p class="notice success" role="status" safe>
          {t(lang, notice)}
        </p>
      ) : (
        ''
      )}
      <ul>
        {links.map(([href, text]) => (
          <li>
            <a href={`${RIDER_PATH}/${href}`} safe>
              {t(lang, text)}
            </a>
          </li>
        ))}
      </ul>
      <AccountDetails req={req} o={o} blockAction={(id) => `${RIDER_PATH}/the/${id}/khoa`} showLedger trips={trips} />
    </Page>
  );
}
