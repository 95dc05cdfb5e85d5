// Small pieces shared by the units pages.
import type { Lang } from '../../../platform/web/i18n.ts';
import { t } from '../../../platform/web/i18n.ts';
import { isUnitTypeName, type UnitSummary } from '../schema.ts';
import { unitTypeLabels } from '../messages.ts';

/** A Vietnamese proper name; marked lang="vi" on English pages so that screen readers pronounce it right. */
export function ViName({ lang, text }: { lang: Lang; text: string }): JSX.Element {
  return lang === 'vi' ? <span safe>{text}</span> : <span lang="vi" safe>{text}</span>;
}

export function unitTypeLabel(lang: Lang, typeName: string): string {
  return isUnitTypeName(typeName) ? t(lang, unitTypeLabels[typeName]) : typeName;
}

export function unitHref(code: string): string {
  return `/don-vi-hanh-chinh/${encodeURIComponent(code)}`;
}

/** A link to a unit by its Vietnamese name, with the English name after it on English pages. */
export function UnitLink({ lang, unit }: { lang: Lang; unit: UnitSummary }): JSX.Element {
  return (
    <>
      <a href={unitHref(unit.code)}>
        <ViName lang={lang} text={unit.fullName} />
      </a>
      {lang === 'en' && unit.fullNameEn ? (
        <>
          {' '}
          <span class="muted" safe>{`(${unit.fullNameEn})`}</span>
        </>
      ) : (
        ''
      )}
    </>
  );
}


export { SelectField, type Option } from '../../../platform/web/layout.tsx';
