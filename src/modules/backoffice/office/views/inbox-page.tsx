// /mot-cua: the officer's inbox: tabs with counts, search, a page of dossiers with due-date badges.
import type { FastifyRequest } from 'fastify';
import { attrValue, Page } from '../../../../platform/web/layout.tsx';
import { formatDateTime, t, type Lang } from '../../../../platform/web/i18n.ts';
import { INBOX_TABS, type InboxTab } from '../../workflow/inbox.ts';
import type { InboxPage } from '../inbox-data.ts';
import { channelLabels, inboxPage as m, tabLabels } from '../messages.ts';
import { DueBadge, IsoDate, TableFrame } from './parts.tsx';

const fmt = new Intl.NumberFormat('vi-VN');

function href(tab: InboxTab, q: string, page = 1): string {
  const p = new URLSearchParams({ tab });
  if (q) p.set('q', q);
  if (page > 1) p.set('trang', String(page));
  return attrValue(`/mot-cua?${p.toString()}`);
}

function Tabs({ lang, box }: { lang: Lang; box: InboxPage }): JSX.Element {
  return (
    <nav aria-label={t(lang, m.tabsLabel)}>
      <ul class="tabs">
        {INBOX_TABS.map((tab) => (
          <li>
            <a href={href(tab, '')} aria-current={tab === box.tab ? 'page' : undefined} class={box.counts[tab] > 0 && (tab === 'overdue' || tab === 'due_soon') ? 'tab-alert' : undefined}>
              <span safe>{t(lang, tabLabels[tab])}</span> <span class="count" safe>{fmt.format(box.counts[tab])}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Search({ lang, box }: { lang: Lang; box: InboxPage }): JSX.Element {
  return (
    <form method="get" action="/mot-cua" class="inbox-search" role="search">
      <input type="hidden" name="tab" value={box.tab} />
      <div class="field">
        <label for="q" safe>
          {t(lang, m.searchLabel)}
        </label>
        <p class="hint" id="q-hint" safe>
          {t(lang, m.searchHint)}
        </p>
        <input id="q" name="q" type="search" value={attrValue(box.q)} aria-describedby="q-hint" maxlength="100" />
      </div>
      <button type="submit" safe>
        {t(lang, m.search)}
      </button>
      {box.q ? (
        <a class="clear-search" href={href(box.tab, '')} safe>
          {t(lang, m.clear)}
        </a>
      ) : (
        ''
      )}
    </form>
  );
}

function Pager({ lang, box }: { lang: Lang; box: InboxPage }): JSX.Element {
  if (box.pages <= 1) return <></>;
  return (
    <nav aria-label={t(lang, m.pagination)}>
      <ul class="pagination">
        {box.page > 1 ? (
          <li>
            <a href={href(box.tab, box.q, box.page - 1)} rel="prev" safe>
              {t(lang, m.previous)}
            </a>
          </li>
        ) : (
          ''
        )}
        <li safe>{`${box.page}/${box.pages}`}</li>
        {box.page < box.pages ? (
          <li>
            <a href={href(box.tab, box.q, box.page + 1)} rel="next" safe>
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

export function InboxPageView({ req, box }: { req: FastifyRequest; box: InboxPage }): JSX.Element {
  const lang = req.lang;
  const vars = { tab: t(lang, tabLabels[box.tab]), n: fmt.format(box.total), page: box.page, pages: box.pages, q: box.q };
  const caption = t(lang, box.q ? m.captionSearch : m.caption, vars);
  // The one-stop desk keeps the tracking book; the leaders read it (book.ts).
  const keepsBook = (req.user?.roles ?? []).some((r) => r === 'one_stop_officer' || r === 'leader');
  return (
    <Page req={req} title={`${t(lang, tabLabels[box.tab])} – ${t(lang, m.title)}`}>
      <h1 safe>{t(lang, m.title)}</h1>
      <p safe>{req.user?.agencyName ?? ''}</p>
      {(req.user?.roles ?? []).includes('one_stop_officer') ? (
        <p>
          <a class="button" href="/mot-cua/tiep-nhan" safe>
            {t(lang, m.intake)}
          </a>
        </p>
      ) : (
        ''
      )}
      <Tabs lang={lang} box={box} />
      <Search lang={lang} box={box} />
      {box.rows.length === 0 ? (
        <p role="status" safe>
          {`${caption}. ${t(lang, m.empty)}`}
        </p>
      ) : (
        <TableFrame id="inbox-table" label={t(lang, m.tableLabel)} cards>
          <table class="inbox">
            <caption safe>{caption}</caption>
            <thead>
              <tr>
                {[m.code, m.procedure, m.applicant, m.channel, m.received, m.due, m.status].map((h) => (
                  <th scope="col" safe>
                    {t(lang, h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {box.rows.map((r) => (
                <tr class={r.due ? `row-${r.due}` : undefined}>
                  <td data-label={t(lang, m.code)}>
                    <a href={`/mot-cua/ho-so/${encodeURIComponent(r.code)}`} class="code-link">
                      <code safe>{r.code}</code>
                    </a>
                  </td>
                  <td data-label={t(lang, m.procedure)}>
                    <span lang={lang === 'en' ? 'vi' : undefined} safe>
                      {r.procedureName}
                    </span>
                    <br />
                    <span class="muted" safe>
                      {r.procedureCode}
                    </span>
                  </td>
                  <td data-label={t(lang, m.applicant)} lang={lang === 'en' ? 'vi' : undefined} safe>
                    {r.applicantName}
                  </td>
                  <td data-label={t(lang, m.channel)} safe>{t(lang, channelLabels[r.channel])}</td>
                  <td data-label={t(lang, m.received)}>
                    <time datetime={r.receivedAt.toISOString()} safe>
                      {formatDateTime(lang, r.receivedAt)}
                    </time>
                  </td>
                  <td data-label={t(lang, m.due)}>
                    <IsoDate lang={lang} date={r.dueDate} fallback={t(lang, m.noDue)} /> <DueBadge lang={lang} flag={r.due} />
                  </td>
                  <td data-label={t(lang, m.status)} safe>{t(lang, r.statusLabel)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pager lang={lang} box={box} />
      {keepsBook ? (
        <p>
          <a href="/mot-cua/so-theo-doi" safe>
            {t(lang, m.book)}
          </a>
        </p>
      ) : (
        ''
      )}
    </Page>
  );
}
