// The indicator-set pages (issue 14): the list of sets with their versions (and, for the reviewing office, the import
// form with every refusal named by indicator), and one version of a set as its indicator table (INDICATORS.md §3:
// number | indicator | max points | how it is scored | evidence | data source | verifier), grouped with the groups'
// maxima, then the figures and the validation rules. Tables become cards on a phone (CardsTable).
import type { FastifyRequest } from 'fastify';
import type { SetIssue } from '../checks.ts';
import { formatDate, formatIsoDay, t, type Lang } from '../../../platform/web/i18n.ts';
import { attrValue, CardsTable, CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import { ruleSentence, sm } from '../sets-messages.ts';
import type { SetInfo, SetSummary } from '../sets-store.ts';
import type { LoadedSet } from '../sets.ts';

export const SETS_URL = '/chuyen-doi-so/bo-chi-so';
export const setUrl = (id: string, version?: number): string => `${SETS_URL}/${encodeURIComponent(id)}${version ? `?phien-ban=${version}` : ''}`;

const peer = (lang: Lang, g: string): string => (sm.peerGroup[g] ? t(lang, sm.peerGroup[g]) : g);
const dataKind = (lang: Lang, plausible: boolean): string => t(lang, plausible ? sm.plausible : sm.verified);

export interface ImportState {
  issues: SetIssue[];
  /** A refusal without issues (no file, same content). */
  message?: string;
  note: string;
}

export function SetListPage({ req, sets, canImport, imported }: { req: FastifyRequest; sets: SetSummary[]; canImport: boolean; imported?: ImportState }): JSX.Element {
  const lang = req.lang;
  const heads = [sm.colId, sm.colYear, sm.colPeerGroup, sm.colVersions, sm.colPlausible].map((h) => t(lang, h));
  const refused = imported && (imported.issues.length > 0 || imported.message) ? imported : undefined;
  return (
    <Page req={req} title={sm.listTitle}>
      <h1 safe>{t(lang, sm.listTitle)}</h1>
      {refused ? <ErrorSummary lang={lang} errors={[{ field: 'file', message: refused.message ?? t(lang, sm.issuesTitle) }]} /> : ''}
      <p safe>{t(lang, sm.listIntro)}</p>
      {sets.length === 0 ? (
        <p safe>{t(lang, sm.empty)}</p>
      ) : (
        <div class="table-frame">
          <CardsTable
            heads={heads}
            caption={t(lang, sm.listTitle)}
            captionHidden
            rows={sets}
            cells={(s) => {
              const last = s.versions.at(-1)!;
              return [
                { html: <a href={setUrl(s.id)} safe>{s.id}</a> },
                String(s.year),
                peer(lang, s.peerGroup),
                `${s.versions.length} (${t(lang, sm.latest, { v: last.version })})`,
                dataKind(lang, last.plausible),
              ];
            }}
          />
        </div>
      )}
      {canImport ? <ImportForm req={req} state={imported} /> : ''}
    </Page>
  );
}

function ImportForm({ req, state }: { req: FastifyRequest; state?: ImportState | undefined }): JSX.Element {
  const lang = req.lang;
  const issues = state?.issues ?? [];
  const error = state?.message ?? (issues.length > 0 ? t(lang, sm.issuesTitle) : undefined);
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title" safe>{t(lang, sm.importTitle)}</h2>
      <form method="post" action={SETS_URL} enctype="multipart/form-data" novalidate>
        <CsrfField req={req} />
        <div class={error ? 'field field-error' : 'field'}>
          <label for="file" safe>{t(lang, sm.fileLabel)}</label>
          <p class="hint" id="file-hint" safe>{t(lang, sm.importHint)}</p>
          {error ? (
            <div class="error-message" id="file-error">
              <p safe>{error}</p>
              {issues.length > 0 ? (
                <ul id="set-issues">
                  {issues.map((i) => (
                    <li safe>{t(lang, i)}</li>
                  ))}
                </ul>
              ) : ''}
            </div>
          ) : ''}
          <input type="file" id="file" name="files.set" accept="application/json,.json" aria-describedby={error ? 'file-hint file-error' : 'file-hint'} aria-invalid={error ? 'true' : undefined} />
        </div>
        <div class="field">
          <label for="note" safe>{t(lang, sm.noteLabel)}</label>
          <input type="text" id="note" name="note" maxlength="2000" value={attrValue(state?.note ?? '')} />
        </div>
        <button type="submit" safe>{t(lang, sm.importButton)}</button>
      </form>
    </section>
  );
}

function VersionSelector({ req, id, info, versions }: { req: FastifyRequest; id: string; info: SetInfo; versions: SetInfo[] }): JSX.Element {
  const lang = req.lang;
  return (
    <form method="get" action={setUrl(id)} class="inline-form">
      <label for="phien-ban" safe>{t(lang, sm.versionLabel)}</label>{' '}
      <select id="phien-ban" name="phien-ban">
        {versions.map((v) => (
          <option value={String(v.version)} selected={v.version === info.version} safe>
            {t(lang, sm.versionOption, { v: v.version, date: formatDate(lang, v.loaded_at) })}
          </option>
        ))}
      </select>{' '}
      <button type="submit" safe>{t(lang, sm.showButton)}</button>
    </form>
  );
}

export function SetPage({ req, info, versions, loaded, imported }: { req: FastifyRequest; info: SetInfo; versions: SetInfo[]; loaded: LoadedSet; imported: boolean }): JSX.Element {
  const lang = req.lang;
  const s = loaded.set;
  const title = `${s.id} — ${t(lang, sm.versionOption, { v: info.version, date: formatDate(lang, info.loaded_at) })}`;
  const heads = [sm.colNumber, sm.colIndicator, sm.colMax, sm.colHow, sm.colEvidence, sm.colDataSource, sm.colVerifier].map((h) => t(lang, h));
  let n = 0;
  return (
    <Page req={req} title={title}>
      <p>
        <a class="back-link" href={SETS_URL} safe>{t(lang, sm.back)}</a>
      </p>
      <h1 safe>{s.id}</h1>
      {imported ? <p class="notice" role="status" safe>{t(lang, sm.imported, { v: info.version, id: s.id })}</p> : ''}
      <VersionSelector req={req} id={s.id} info={info} versions={versions} />
      <ul>
        <li safe>{`${t(lang, sm.colYear)}: ${s.year} — ${peer(lang, s.peerGroup)}`}</li>
        <li safe>{t(lang, sm.source, { decision: s.source.decision, date: formatIsoDay(s.source.date), title: t(lang, s.source.title) })}</li>
        <li safe>{t(lang, sm.totalPoints, { n: s.totalPoints })}</li>
        <li safe>{`${dataKind(lang, s.plausible)}${s.note ? ` — ${t(lang, s.note)}` : ''}`}</li>
        <li safe>{`${t(lang, info.loaded_by === null ? sm.loadedShipped : sm.loadedBy, { date: formatDate(lang, info.loaded_at) })}${info.note ? ` ${info.note}` : ''}`}</li>
      </ul>
      {s.groups.map((g) => (
        <section aria-labelledby={`group-${g.code}`}>
          <h2 id={`group-${g.code}`} safe>{t(lang, sm.groupHeading, { name: `${g.code}. ${t(lang, g.name)}`, max: g.max })}</h2>
          <div class="table-frame">
            <CardsTable
              heads={heads}
              rows={s.indicators.filter((i) => i.group === g.code)}
              cells={(i) => [
                String(++n),
                `${i.code} — ${t(lang, i.name)}`,
                String(i.max),
                `${t(lang, ruleSentence(i.rule, i.max))}${i.platformSource ? ` ${t(lang, sm.platformFills, { source: i.platformSource })}` : ''}`,
                t(lang, i.evidence),
                t(lang, i.dataSource),
                t(lang, i.verifier),
              ]}
            />
          </div>
        </section>
      ))}
      <FiguresTable lang={lang} loaded={loaded} />
      <ValidationsTable lang={lang} loaded={loaded} />
    </Page>
  );
}

function FiguresTable({ lang, loaded }: { lang: Lang; loaded: LoadedSet }): JSX.Element {
  const heads = [sm.colCode, sm.colName, sm.colUnit].map((h) => t(lang, h));
  const figures = loaded.set.figures;
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title" safe>{t(lang, sm.figuresTitle)}</h2>
      {figures.length === 0 ? <p safe>{t(lang, sm.none)}</p> : (
        <div class="table-frame">
          <CardsTable
            heads={heads}
            rows={figures}
            cells={(f) => [f.code, `${t(lang, f.name)}${f.platformSource ? ` — ${t(lang, sm.platformFills, { source: f.platformSource })}` : ''}`, t(lang, f.unit)]}
          />
        </div>
      )}
    </section>
  );
}

function ValidationsTable({ lang, loaded }: { lang: Lang; loaded: LoadedSet }): JSX.Element {
  const heads = [sm.colCode, sm.colRule, sm.colMessage].map((h) => t(lang, h));
  const rules = loaded.set.validations;
  return (
    <section aria-labelledby="validations-title">
      <h2 id="validations-title" safe>{t(lang, sm.validationsTitle)}</h2>
      {rules.length === 0 ? <p safe>{t(lang, sm.none)}</p> : (
        <div class="table-frame">
          <CardsTable heads={heads} rows={rules} cells={(r) => [r.code, `${r.left} ${r.op} ${r.right}`, t(lang, r.message)]} />
        </div>
      )}
    </section>
  );
}
