// Pieces the officers' pages share: a table that scrolls inside its own frame on a narrow screen (the page never
// scrolls sideways), the due-date badge that says its meaning in words, and a date as people read it.
import type { Children } from '@kitajs/html';
import { t, type Lang } from '../../../../platform/web/i18n.ts';
import { formatIsoDate } from '../../../dossiers/index.ts';
import type { DueFlag } from '../inbox-data.ts';
import { dueBadges } from '../messages.ts';

/** A keyboard-focusable, labelled scroll region around a wide table (axe: scrollable-region-focusable). */
export function TableFrame({ id, label, cards, children }: { id: string; label: string; cards?: boolean; children: Children }): JSX.Element {
  return (
    <div class={cards ? 'table-frame cards-on-phone' : 'table-frame'} role="region" aria-label={label} tabindex="0" id={id}>
      {children}
    </div>
  );
}

export function DueBadge({ lang, flag }: { lang: Lang; flag: DueFlag }): JSX.Element {
  if (flag === 'overdue')
    return (
      <strong class="badge badge-late" safe>
        {t(lang, dueBadges.overdue)}
      </strong>
    );
  if (flag === 'due_soon')
    return (
      <strong class="badge badge-soon" safe>
        {t(lang, dueBadges.dueSoon)}
      </strong>
    );
  return <></>;
}

export function IsoDate({ lang, date, fallback }: { lang: Lang; date: string | null; fallback: string }): JSX.Element {
  if (!date) return <span safe>{fallback}</span>;
  return (
    <time datetime={date} safe>
      {formatIsoDate(lang, date)}
    </time>
  );
}
