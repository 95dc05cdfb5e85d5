// /quan-tri/danh-ba/:agencyCode: the agency's entries (published or not, with mobiles) with edit, publish and delete,
// and the form to add one; /quan-tri/danh-ba/muc/:id: the edit page. The list becomes cards on a phone.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CardsTable, CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import type { Agency } from '../../units/index.ts';
import { adm as a } from '../page-messages.ts';
import type { EntryRow } from '../repo.ts';
import { agencyUrl } from './public-pages.tsx';
import { EntryFields, type EntryValues } from './entry-fields.tsx';

export type SavedKind = keyof typeof a.saved;

export const adminUrl = (code: string, saved?: SavedKind): string => `/quan-tri/danh-ba/${encodeURIComponent(code)}${saved ? `?saved=${saved}` : ''}`;
export const entryUrl = (id: number): string => `/quan-tri/danh-ba/muc/${id}`;

const summary = (lang: Lang, errors: FieldError[]) => errors.map((e) => ({ field: e.field, message: t(lang, e.message) }));

function Action({ req, action, label, aria, secondary }: { req: FastifyRequest; action: string; label: string; aria: string; secondary?: boolean }): JSX.Element {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField req={req} />
      <button type="submit" class={secondary ? 'secondary' : undefined} aria-label={aria} safe>
        {label}
      </button>
    </form>
  );
}

function EntriesTable({ req, entries }: { req: FastifyRequest; entries: EntryRow[] }): JSX.Element {
  const lang = req.lang;
  const heads = [a.colName, a.colPosition, a.colContact, a.colStatus, a.colActions].map((h) => t(lang, h));
  return (
    <CardsTable
      class="directory-admin"
      caption={t(lang, a.caption)}
      heads={heads}
      rows={entries}
      cells={(e) => {
        const name = { name: e.full_name };
        return [
          e.full_name,
          [e.position, e.department].filter(Boolean).join(', '),
          {
            html: (
              <>
                <span safe>{e.email}</span>
                {[e.office_phone, e.mobile].filter(Boolean).map((ph) => (
                  <>
                    <br />
                    <span safe>{ph}</span>
                  </>
                ))}
              </>
            ),
          },
          t(lang, e.public ? a.yes : a.no),
          {
            html: (
              <>
                <a href={entryUrl(e.id)} aria-label={t(lang, a.editLabel, name)} safe>
                  {t(lang, a.edit)}
                </a>{' '}
                {e.public ? (
                  <Action req={req} action={`${entryUrl(e.id)}/thoi-cong-khai`} label={t(lang, a.unpublish)} aria={t(lang, a.unpublishLabel, name)} secondary />
                ) : (
                  <Action req={req} action={`${entryUrl(e.id)}/cong-khai`} label={t(lang, a.publish)} aria={t(lang, a.publishLabel, name)} secondary />
                )}{' '}
                <Action req={req} action={`${entryUrl(e.id)}/xoa`} label={t(lang, a.delete)} aria={t(lang, a.deleteLabel, name)} secondary />
              </>
            ),
          },
        ];
      }}
    />
  );
}

export interface AdminPageState {
  agency: Agency;
  entries: EntryRow[];
  saved?: SavedKind | undefined;
  values: EntryValues;
  errors: FieldError[];
  domain: string;
  isAdmin: boolean;
}

export function AdminDirectoryPage({ req, state }: { req: FastifyRequest; state: AdminPageState }): JSX.Element {
  const lang = req.lang;
  const { agency, entries, errors } = state;
  const title = t(lang, a.title, { agency: agency.name });
  return (
    <Page req={req} title={title}>
      <h1 safe>{title}</h1>
      <p safe>{t(lang, a.lead)}</p>
      <p>
        <a href={agencyUrl(agency.code)} safe>
          {t(lang, a.publicLink)}
        </a>
        {state.isAdmin ? (
          <>
            {' · '}
            <a href="/quan-tri/danh-ba.ldif" safe>
              {t(lang, a.fullExport)}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      {state.saved ? (
        <p class="notice success" role="status" safe>
          {t(lang, a.saved[state.saved])}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} errors={summary(lang, errors)} />
      {entries.length === 0 ? <p safe>{t(lang, a.empty)}</p> : <EntriesTable req={req} entries={entries} />}
      <h2 id="them" safe>
        {t(lang, a.addHeading)}
      </h2>
      <form method="post" action={adminUrl(agency.code)} novalidate>
        <CsrfField req={req} />
        <EntryFields lang={lang} values={state.values} errors={errors} domain={state.domain} />
        <button type="submit" safe>
          {t(lang, a.add)}
        </button>
      </form>
    </Page>
  );
}

export interface EditPageState {
  agency: Agency;
  entry: EntryRow;
  values: EntryValues;
  errors: FieldError[];
  domain: string;
}

export function EditEntryPage({ req, state }: { req: FastifyRequest; state: EditPageState }): JSX.Element {
  const lang = req.lang;
  const { agency, entry, values, errors } = state;
  return (
    <Page req={req} title={a.editTitle} narrow>
      <p>
        <a href={adminUrl(agency.code)} safe>
          {t(lang, a.back)}
        </a>
      </p>
      <h1 safe>{t(lang, a.editTitle)}</h1>
      <p safe>{agency.name}</p>
      <ErrorSummary lang={lang} errors={summary(lang, errors)} />
      <form method="post" action={entryUrl(entry.id)} novalidate>
        <CsrfField req={req} />
        <EntryFields lang={lang} values={values} errors={errors} domain={state.domain} />
        <button type="submit" safe>
          {t(lang, a.save)}
        </button>
      </form>
      <h2 safe>{t(lang, a.deleteHeading)}</h2>
      <Action req={req} action={`${entryUrl(entry.id)}/xoa`} label={t(lang, a.delete)} aria={t(lang, a.deleteLabel, { name: entry.full_name })} secondary />
    </Page>
  );
}
