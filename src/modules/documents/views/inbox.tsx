// /van-ban: what waits for the user (to register, assign, approve, issue, handle), the links to the registers and the
// search box; the lists shown depend on the user's roles (documents/queries.ts documentInbox).
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { Page } from '../../../platform/web/layout.tsx';
import type { InboxList } from '../queries.ts';
import { FIELDS } from '../messages.ts';
import { pm } from '../page-messages.ts';
import { DOCS_URL, DocTable } from './parts.tsx';

export function Toolbar({ req, clerk }: { req: FastifyRequest; clerk: boolean }): JSX.Element {
  const lang = req.lang;
  const links = [
    ...(clerk ? [{ href: `${DOCS_URL}/den/moi`, label: pm.registerIncoming }] : []),
    { href: `${DOCS_URL}/di/moi`, label: pm.newOutgoing },
    { href: `${DOCS_URL}/so-den`, label: pm.incomingBook },
    { href: `${DOCS_URL}/so-di`, label: pm.outgoingBook },
    { href: `${DOCS_URL}/ho-so`, label: { vi: 'Hồ sơ công việc', en: 'Work files' } },
    { href: `${DOCS_URL}/bao-cao`, label: pm.report },
  ];
  return (
    <nav aria-label={t(lang, pm.inboxTitle)}>
      <ul class="inline-list">
        {links.map((l) => (
          <li>
            <a href={l.href} safe>
              {t(lang, l.label)}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action={`${DOCS_URL}/tim-kiem`} role="search" class="inline-form">
        <label for="q" safe>
          {t(lang, FIELDS.query)}
        </label>
        <input id="q" name="q" type="search" />
        <button type="submit" safe>
          {t(lang, pm.searchButton)}
        </button>
      </form>
    </nav>
  );
}

export function InboxPage({ req, lists, today, clerk }: { req: FastifyRequest; lists: InboxList[]; today: string; clerk: boolean }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={pm.inboxTitle}>
      <h1 safe>{t(lang, pm.inboxTitle)}</h1>
      <Toolbar req={req} clerk={clerk} />
      {lists.map((l) => (
        <DocTable lang={lang} caption={t(lang, pm.lists[l.key])} rows={l.rows} today={today} />
      ))}
    </Page>
  );
}
