// /quan-ly/ve-dien-tu/bang-gia: the network's current fares as GTFS-Fares v2 files, each downloaded on its own, with
// the products and their prices and how many rules the files hold (issue 15).
import type { FastifyRequest } from 'fastify';
import { CardsTable, Page } from '../../../../platform/web/layout.tsx';
import { formatMoney, t } from '../../../../platform/web/i18n.ts';
import type { FaresExport } from '../../taps/index.ts';
import { d } from '../messages-staff.ts';
import { STAFF_PATH } from './staff.tsx';

export const FARES_PATH = `${STAFF_PATH}/bang-gia`;

export function FaresExportPage({ req, x }: { req: FastifyRequest; x: FaresExport }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={d.fares}>
      <h1 safe>{t(lang, d.fares)}</h1>
      <p safe>{t(lang, d.faresIntro)}</p>
      <h2 safe>{t(lang, d.summary)}</h2>
      <ul>
        <li safe>{`${t(lang, d.productCount)}: ${x.products.length}`}</li>
        <li safe>{`${t(lang, d.legRules)}: ${x.legRules}`}</li>
        <li safe>{`${t(lang, d.transferRules)}: ${x.transferRules}`}</li>
      </ul>
      <h2 safe>{t(lang, d.files)}</h2>
      <CardsTable
        caption={t(lang, d.files)}
        captionHidden
        heads={[t(lang, d.file), t(lang, d.rows), t(lang, d.download)]}
        rows={x.files}
        cells={(f) => [
          { text: f.name, header: true },
          { text: String(f.rows), class: 'num' },
          {
            html: (
              <a href={`${FARES_PATH}/${encodeURIComponent(f.name)}`} download="" safe>
                {`${t(lang, d.download)} ${f.name}`}
              </a>
            ),
          },
        ]}
      />
      <h2 safe>{t(lang, d.products)}</h2>
      <CardsTable
        caption={t(lang, d.products)}
        captionHidden
        heads={[t(lang, d.product), t(lang, d.category), t(lang, d.price)]}
        rows={x.products}
        cells={(p) => [{ text: `${p.name} (${p.id})`, header: true }, p.riderCategoryId ?? '–', { text: formatMoney(lang, p.amount), class: 'num' }]}
      />
      <p>
        <a href={`${STAFF_PATH}/thong-ke`} safe>
          {t(lang, d.dashboard)}
        </a>
      </p>
    </Page>
  );
}
