// The public pages /danh-ba (agencies that publish a directory, with a search) and /danh-ba/:agencyCode (its officials).
// No table: each official is a card with a definition list, which reads on a 390 px phone as on a desk.
import type { FastifyRequest } from 'fastify';
import { Page, attrValue } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import type { Agency } from '../../units/index.ts';
import { FIELDS } from '../messages.ts';
import { pub as p } from '../page-messages.ts';
import type { DirectoryIndex, PublicEntry } from '../public-service.ts';

export const agencyUrl = (code: string): string => `/danh-ba/${encodeURIComponent(code)}`;

/** One official; `heading`: the level that follows the page's outline (h2 on an agency's page, h3 under search results). */
function EntryCard({ lang, e, agency, heading }: { lang: Lang; e: PublicEntry; agency?: Agency | undefined; heading: 'h2' | 'h3' }): JSX.Element {
  return (
    <li class="directory-card">
      {heading === 'h2' ? <h2 safe>{e.fullName}</h2> : <h3 safe>{e.fullName}</h3>}
      <dl>
        {e.position ? (
          <>
            <dt safe>{t(lang, FIELDS.position)}</dt>
            <dd safe>{e.position}</dd>
          </>
        ) : (
          ''
        )}
        {e.department ? (
          <>
            <dt safe>{t(lang, FIELDS.department)}</dt>
            <dd safe>{e.department}</dd>
          </>
        ) : (
          ''
        )}
        {agency ? (
          <>
            <dt safe>{t(lang, p.agency)}</dt>
            <dd>
              <a href={agencyUrl(agency.code)} safe>
                {agency.name}
              </a>
            </dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t(lang, FIELDS.email)}</dt>
        <dd>
          <a href={`mailto:${e.email}`} safe>
            {e.email}
          </a>
        </dd>
        {e.officePhone ? (
          <>
            <dt safe>{t(lang, FIELDS.officePhone)}</dt>
            <dd>
              {e.officePhoneUri ? (
                <a href={e.officePhoneUri} safe>
                  {e.officePhone}
                </a>
              ) : (
                <span safe>{e.officePhone}</span>
              )}
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
    </li>
  );
}

export function DirectoryIndexPage({ req, index }: { req: FastifyRequest; index: DirectoryIndex }): JSX.Element {
  const lang = req.lang;
  const searching = index.q !== '';
  return (
    <Page req={req} title={p.title}>
      <h1 safe>{t(lang, p.title)}</h1>
      <p safe>{t(lang, p.lead)}</p>
      <form method="get" action="/danh-ba" class="directory-search" role="search">
        <label for="q" safe>
          {t(lang, p.searchLabel)}
        </label>
        <p class="hint" id="q-hint" safe>
          {t(lang, p.searchHint)}
        </p>
        <input id="q" name="q" type="search" value={attrValue(index.q)} aria-describedby="q-hint" />
        <button type="submit" safe>
          {t(lang, p.search)}
        </button>
      </form>
      <h2 safe>{t(lang, searching ? p.agenciesFound : p.agenciesHeading)}</h2>
      {index.agencies.length === 0 ? (
        <p safe>{t(lang, searching ? p.noAgencyMatch : p.noAgencies, { q: index.q })}</p>
      ) : (
        <ul class="directory-agencies">
          {index.agencies.map(({ agency, count }) => (
            <li>
              <a href={agencyUrl(agency.code)} safe>
                {agency.name}
              </a>{' '}
              <span class="hint" safe>{`(${t(lang, p.count, { n: count })})`}</span>
            </li>
          ))}
        </ul>
      )}
      {searching ? (
        <>
          <h2 safe>{t(lang, p.peopleFound)}</h2>
          {index.people.length === 0 ? (
            <p safe>{t(lang, p.noPersonMatch, { q: index.q })}</p>
          ) : (
            <ul class="directory-cards">
              {index.people.map(({ entry, agency }) => (
                <EntryCard lang={lang} e={entry} agency={agency} heading="h3" />
              ))}
            </ul>
          )}
        </>
      ) : (
        ''
      )}
    </Page>
  );
}

export function AgencyDirectoryPage({ req, agency, entries, canManage }: { req: FastifyRequest; agency: Agency; entries: PublicEntry[]; canManage: boolean }): JSX.Element {
  const lang = req.lang;
  const url = agencyUrl(agency.code);
  return (
    <Page req={req} title={t(lang, p.agencyTitle, { agency: agency.name })}>
      <p>
        <a href="/danh-ba" safe>
          {t(lang, p.back)}
        </a>
      </p>
      <h1 safe>{t(lang, p.agencyTitle, { agency: agency.name })}</h1>
      <p safe>{t(lang, p.agencyLead)}</p>
      {canManage ? (
        <p>
          <a href={`/quan-tri${url}`} safe>
            {t(lang, p.manage)}
          </a>
        </p>
      ) : (
        ''
      )}
      {entries.length === 0 ? (
        <p safe>{t(lang, p.noEntries)}</p>
      ) : (
        <ul class="directory-cards" aria-label={t(lang, p.entriesLabel)}>
          {entries.map((e) => (
            <EntryCard lang={lang} e={e} heading="h2" />
          ))}
        </ul>
      )}
      <h2 safe>{t(lang, p.downloads)}</h2>
      <ul>
        <li>
          <a href={`${url}.vcf`} safe>
            {t(lang, p.vcf)}
          </a>
        </li>
        <li>
          <a href={`${url}.ldif`} safe>
            {t(lang, p.ldif)}
          </a>
        </li>
      </ul>
    </Page>
  );
}
