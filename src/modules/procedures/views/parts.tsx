// Small pieces shared by the procedure pages: badges, Vietnamese data on English pages (times and money: format.ts).
import type { Lang } from '../../../platform/web/i18n.ts';
import { t } from '../../../platform/web/i18n.ts';
import { detail as d, levelLabels, onlineLevelLabels, page as m } from '../messages.ts';
import type { Level, OnlineLevel } from '../schema.ts';

export { formatDong, formatNumber, formatTime } from '../format.ts';

export function levelList(lang: Lang, levels: readonly Level[]): string {
  return levels.map((l) => t(lang, levelLabels[l])).join(', ');
}

/** Text that exists only in Vietnamese (names, fields, agencies): marked lang="vi" on English pages. */
export function Vi({ lang, text, tag }: { lang: Lang; text: string; tag?: 'span' | 'p' | 'div' }): JSX.Element {
  const mark = lang === 'vi' ? undefined : 'vi';
  if (tag === 'p') return <p lang={mark} safe>{text}</p>;
  if (tag === 'div') return <div lang={mark} class="pre-line" safe>{text}</div>;
  return <span lang={mark} safe>{text}</span>;
}

/**
 * A procedure's name in the page's language: on English pages its English name (our translation) where there is one,
 * followed by the Vietnamese name, which stays the legal one; otherwise the Vietnamese name. `link` wraps the name
 * shown first.
 */
export function ProcedureName({ lang, name, nameEn, link, heading }: { lang: Lang; name: string; nameEn: string | null; link?: string; heading?: boolean }): JSX.Element {
  const english = lang === 'en' && nameEn !== null;
  const first = english ? <span safe>{nameEn}</span> : <Vi lang={lang} text={name} />;
  const shown = link ? <a href={link}>{first}</a> : first;
  const main = heading ? <h1>{shown}</h1> : shown;
  if (!english) return main;
  return (
    <>
      {main}
      <p class="name-vi">
        <span safe>{`${t(lang, d.nameVi)}: `}</span>
        <span lang="vi" safe>
          {name}
        </span>
      </p>
    </>
  );
}

export function OnlineBadge({ lang, online, level }: { lang: Lang; online: boolean; level: OnlineLevel | null }): JSX.Element {
  if (!online) return <></>;
  return (
    <span class={level === 'full' ? 'badge badge-full' : 'badge'} safe>
      {level === 'full' ? t(lang, onlineLevelLabels.full) : t(lang, m.badgeOnline)}
    </span>
  );
}

export function procedureHref(code: string): string {
  return `/thu-tuc/${encodeURIComponent(code)}`;
}

export { SelectField, type Option } from '../../../platform/web/layout.tsx';
