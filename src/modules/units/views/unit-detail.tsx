// /don-vi-hanh-chinh/:code: one unit, what it was formed from, its agencies and the former units merged into it.
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { formatDate, t, type Lang } from '../../../platform/web/i18n.ts';
import { mergeTypeLabels, units as m } from '../messages.ts';
import type { UnitDetail } from '../service.ts';
import type { Agency, UnitHistoryEntry } from '../schema.ts';
import { UnitLink, ViName, unitTypeLabel } from './parts.tsx';

function Row({ label, children }: { label: string; children: JSX.Element | string }): JSX.Element {
  return (
    <tr>
      <th scope="row" safe>
        {label}
      </th>
      <td>{children}</td>
    </tr>
  );
}

function AgencyTable({ lang, agencies }: { lang: Lang; agencies: Agency[] }): JSX.Element {
  if (agencies.length === 0) return <p safe>{t(lang, m.noAgencies)}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col" safe>
            {t(lang, m.agencyCode)}
          </th>
          <th scope="col" safe>
            {t(lang, m.agencyName)}
          </th>
        </tr>
      </thead>
      <tbody>
        {agencies.map((a) => (
          <tr>
            <td>
              <code safe>{a.code}</code>
            </td>
            <td>
              <ViName lang={lang} text={a.name} />
              {lang === 'en' && a.nameEn ? <span class="muted" safe>{` (${a.nameEn})`}</span> : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FormerTable({ lang, former }: { lang: Lang; former: UnitHistoryEntry[] }): JSX.Element {
  if (former.length === 0) return <p safe>{t(lang, m.formerNone)}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col" safe>
            {t(lang, m.oldCode)}
          </th>
          <th scope="col" safe>
            {t(lang, m.oldUnit)}
          </th>
          <th scope="col" safe>
            {t(lang, m.formerDistrict)}
          </th>
          <th scope="col" safe>
            {t(lang, m.mergeType)}
          </th>
        </tr>
      </thead>
      <tbody>
        {former.map((f) => (
          <tr>
            <td>
              <code safe>{f.oldCode}</code>
            </td>
            <td>
              <ViName lang={lang} text={f.oldName} />
            </td>
            <td>
              <ViName lang={lang} text={f.oldDistrictName ?? ''} />
            </td>
            <td safe>{t(lang, mergeTypeLabels[f.mergeType])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UnitDetailPage({ req, detail }: { req: FastifyRequest; detail: UnitDetail }): JSX.Element {
  const lang = req.lang;
  const { unit, parent } = detail;
  const isProvince = unit.level === 'province';
  return (
    <Page req={req} title={unit.fullName}>
      <p>
        <a href="/don-vi-hanh-chinh" safe>
          {t(lang, m.backToList)}
        </a>
      </p>
      <h1>
        <ViName lang={lang} text={unit.fullName} />
      </h1>
      <table>
        <tbody>
          <Row label={t(lang, m.detailType)}>{<span safe>{unitTypeLabel(lang, unit.type)}</span>}</Row>
          <Row label={t(lang, m.detailCode)}>{<code safe>{unit.code}</code>}</Row>
          <Row label={t(lang, m.detailNameEn)}>{<span safe>{unit.fullNameEn ?? ''}</span>}</Row>
          {parent ? <Row label={t(lang, m.detailProvince)}>{<UnitLink lang={lang} unit={parent} />}</Row> : ''}
          {isProvince ? (
            <Row label={t(lang, m.detailCommunes)}>
              {
                <>
                  <span safe>{String(detail.childCount)}</span>
                  {unit.code === '01' ? (
                    <>
                      {' · '}
                      <a href="/don-vi-hanh-chinh" safe>
                        {t(lang, m.detailCommunesLink)}
                      </a>
                    </>
                  ) : (
                    ''
                  )}
                </>
              }
            </Row>
          ) : (
            ''
          )}
          <Row label={t(lang, m.detailEffective)}>{<span safe>{formatDate(lang, new Date(`${unit.effectiveFrom}T00:00:00+07:00`))}</span>}</Row>
          {unit.formedFrom ? <Row label={t(lang, m.detailFormedFrom)}>{<ViName lang={lang} text={unit.formedFrom} />}</Row> : ''}
          {unit.notes ? <Row label={t(lang, m.detailNotes)}>{<span safe>{unit.notes}</span>}</Row> : ''}
        </tbody>
      </table>
      <section aria-labelledby="agencies-heading">
        <h2 id="agencies-heading" safe>
          {t(lang, m.agenciesHeading)}
        </h2>
        <AgencyTable lang={lang} agencies={detail.agencies} />
      </section>
      {isProvince ? (
        ''
      ) : (
        <section aria-labelledby="former-heading">
          <h2 id="former-heading" safe>
            {t(lang, m.formerHeading)}
          </h2>
          <FormerTable lang={lang} former={detail.formerUnits} />
        </section>
      )}
    </Page>
  );
}
