// Small pieces shared by the procedure pages: badges, Vietnamese data on English pages (times and money: format.ts).
import type { Lang } from '../../../platform/web/i18n.ts';
import { t } from '../../../platform/web/i18n.ts';
import { levelLabels, onlineLevelLabels, page as m } from '../messages.ts';
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
