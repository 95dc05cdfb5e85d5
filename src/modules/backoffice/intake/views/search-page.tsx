// /mot-cua/tiep-nhan: the one-stop officer finds the procedure of a walk-in dossier among those their agency receives.
import type { FastifyRequest } from 'fastify';
import { attrValue, CardsTable, Page } from '../../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../../platform/web/i18n.ts';
import { levelLabels } from '../../../procedures/index.ts';
import { Vi } from '../../../dossiers/index.ts';
import { searchPage as m } from '../messages.ts';
import type { ProcedureChoice } from '../service.ts';

const fmt = new Intl.NumberFormat('vi-VN');

export const INTAKE_PATH = '/mot-cua/tiep-nhan';
export const intakeFormPath = (code: string): string => `${INTAKE_PATH}/${encodeURIComponent(code)}`;

function href(q: string, page = 1): string {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (page > 1) p.set('trang', String(page));
  const s = p.toString();
  return attrValue(s ? `${INTAKE_PATH}?${s}` : INTAKE_PATH);
}

function scopeText(c: ProcedureChoice) {
  if (c.desk.level === 'commune') return m.scopeCommune;
  if (c.desk.level === 'province') return m.scopeProvince;
  return m.scopeAll;
}

function Search({ lang, q }: { lang: Lang; q: string }): JSX.Element {
  return (
    <form method="get" action={INTAKE_PATH} class="inbox-search" role="search">
      <div class="field">
        <label for="q" safe>
          {t(lang, m.searchLabel)}
        </label>
        <p class="hint" id="q-hint" safe>
          {t(lang, m.searchHint)}
        </p>
        <input id="q" name="q" type="search" value={attrValue(q)} aria-describedby="q-hint" maxlength="200" />
      </div>
      <button type="submit" safe>
        {t(lang, m.search)}
      </button>
      {q ? (
        <a class="clear-search" href={INTAKE_PATH} safe>
          {t(lang, m.clear)}
        </a>
      ) : (
        ''
      )}
    </form>
  );
}

function Pager({ lang, c, q }: { lang: Lang; c: ProcedureChoice; q: string }): JSX.Element {
  if (c.pages <= 1) return <></>;
  return (
    <nav aria-label={t(lang, m.pagination)}>
      <ul class="pagination">
        {c.page > 1 ? (
          <li>
            <a href={href(q, c.page - 1)} rel="prev" safe>
              {t(lang, m.previous)}
            </a>
          </li>
        ) : (
          ''
        )}
        <li safe>{`${c.page}/${c.pages}`}</li>
        {c.page < c.pages ? (
          <li>
            <a href={href(q, c.page + 1)} rel="next" safe>
              {t(lang, m.next)}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

export function IntakeSearchPage({ req, c, q }: { req: FastifyRequest; c: ProcedureChoice; q: string }): JSX.Element {
  const lang = req.lang;
  const vars = { n: fmt.format(c.total), page: c.page, pages: c.pages, q };
  const caption = t(lang, q ? m.captionSearch : m.caption, vars);
  return (
    <Page req={req} title={m.title}>
      <p>
        <a href="/mot-cua" safe>
          {t(lang, m.inbox)}
        </a>
      </p>
      <h1 safe>{t(lang, m.title)}</h1>
      <p safe>{`${c.desk.agency.name}. ${t(lang, scopeText(c))}`}</p>
      <p safe>{t(lang, m.lead)}</p>
      <Search lang={lang} q={q} />
      {c.items.length === 0 ? (
        <p role="status" safe>
          {`${caption}. ${t(lang, m.empty)}`}
        </p>
      ) : (
        <CardsTable
          caption={caption}
          heads={[m.code, m.name, m.level, m.take].map((h) => t(lang, h))}
          rows={c.items}
          cells={(p) => [
            { html: <code safe>{p.code}</code> },
            { html: <Vi lang={lang} text={p.name} /> },
            p.levels.map((l) => t(lang, levelLabels[l])).join(', '),
            {
              html: (
                <a href={intakeFormPath(p.code)} aria-label={t(lang, m.takeLabel, { code: p.code })} safe>
                  {t(lang, m.take)}
                </a>
              ),
            },
          ]}
        />
      )}
      <Pager lang={lang} c={c} q={q} />
    </Page>
  );
}
