// /quan-ly/ve-dien-tu: the centre officer's search and an account's page (issue 15).
import type { FastifyRequest } from 'fastify';
import { Field, Page } from '../../../../platform/web/layout.tsx';
import { t } from '../../../../platform/web/i18n.ts';
import type { AccountOverview } from '../../riders/index.ts';
import { m, pm } from '../messages.ts';
import { d } from '../messages-staff.ts';
import { AccountDetails } from './account.tsx';

export const STAFF_PATH = '/quan-ly/ve-dien-tu';

function Search({ req, q }: { req: FastifyRequest; q: string }): JSX.Element {
  return (
    <form method="get" action={STAFF_PATH} role="search">
      <Field id="q" label={t(req.lang, m.search)} value={q} />
      <button type="submit" safe>
        {t(req.lang, m.find)}
      </button>
    </form>
  );
}

export function StaffSearchPage({ req, q, notFound }: { req: FastifyRequest; q: string; notFound: boolean }): JSX.Element {
  return (
    <Page req={req} title={m.staffTitle} narrow>
      <h1 safe>{t(req.lang, m.staffTitle)}</h1>
      {notFound ? (
        <p class="notice" role="status" safe>
          {t(req.lang, m.notFound)}
        </p>
      ) : (
        ''
      )}
      <Search req={req} q={q} />
      <ul>
        <li>
          <a href={`${STAFF_PATH}/khieu-nai`} safe>
            {t(req.lang, m.disputesDesk)}
          </a>
        </li>
        <li>
          <a href={`${STAFF_PATH}/doi-soat`} safe>
            {t(req.lang, m.clearing)}
          </a>
        </li>
        <li>
          <a href={`${STAFF_PATH}/thong-ke`} safe>
            {t(req.lang, d.dashboard)}
          </a>
        </li>
        <li>
          <a href={`${STAFF_PATH}/bang-gia`} safe>
            {t(req.lang, d.fares)}
          </a>
        </li>
        <li>
          <a href={`${STAFF_PATH}/thanh-toan`} safe>
            {t(req.lang, pm.staffTitle)}
          </a>
        </li>
      </ul>
    </Page>
  );
}

export function StaffAccountPage({ req, o, saved, trips }: { req: FastifyRequest; o: AccountOverview; saved: boolean; trips?: JSX.Element }): JSX.Element {
  const lang = req.lang;
  const base = `${STAFF_PATH}/tai-khoan/${o.account.id}`;
  return (
    <Page req={req} title={m.staffTitle}>
      <p>
        <a href={STAFF_PATH} safe>
          {t(lang, m.find)}
        </a>
      </p>
      <h1 safe>{`${t(lang, m.staffTitle)}: ${o.holder}`}</h1>
      {saved ? (
        <p class="notice success" role="status" safe>
          {t(lang, m.done)}
        </p>
      ) : (
        ''
      )}
      <ul>
        <li>
          <a href={`${base}/thay-the`} safe>
            {t(lang, m.replace)}
          </a>
        </li>
        <li>
          <a href={`${base}/mien-ve`} safe>
            {t(lang, m.grant)}
          </a>
        </li>
      </ul>
      <AccountDetails req={req} o={o} blockAction={(id) => `${base}/the/${id}/khoa`} showLedger trips={trips} />
    </Page>
  );
}
