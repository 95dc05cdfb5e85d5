// /tai-khoan-trinh-dien (demo data only): every demo account, the named ones and each agency's three desks, so a
// visitor can act on any dossier the demo lets them submit (issue 9).
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { ROLE_LABELS } from '../../../platform/auth/roles.ts';
import { signInPage as m } from '../messages.ts';
import { demoAccountsPage as p } from '../messages-demo.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo.ts';
import type { DemoDesk } from '../demo-desks.ts';

export function DemoAccountsPage({ req, desks }: { req: FastifyRequest; desks: readonly DemoDesk[] }): JSX.Element {
  const lang = req.lang;
  const agencies = new Map<string, { name: string; users: DemoDesk[] }>();
  for (const d of desks) {
    const a = agencies.get(d.agency.code) ?? { name: d.agency.name, users: [] };
    a.users.push(d);
    agencies.set(d.agency.code, a);
  }
  return (
    <Page req={req} title={p.title}>
      <h1 safe>{t(lang, p.title)}</h1>
      <p safe>{t(lang, m.demoLead, { password: DEMO_PASSWORD })}</p>
      <h2 safe>{t(lang, p.named)}</h2>
      <ul>
        {DEMO_ACCOUNTS.map((a) => (
          <li>
            <code safe>{a.username}</code>
            <span safe>{` – ${a.kind === 'citizen' ? t(lang, m.demoCitizen) : a.roles.map((r) => t(lang, ROLE_LABELS[r])).join(', ')}`}</span>
          </li>
        ))}
      </ul>
      <h2 safe>{t(lang, p.desks)}</h2>
      <p safe>{t(lang, p.desksLead)}</p>
      <ul>
        {[...agencies].map(([code, a]) => (
          <li>
            <span lang={lang === 'vi' ? undefined : 'vi'} safe>
              {a.name}
            </span>{' '}
            <span class="muted" safe>{`(${code})`}</span>
            {': '}
            {a.users.map((u, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <code safe>{u.username}</code>
              </>
            ))}
          </li>
        ))}
      </ul>
    </Page>
  );
}
