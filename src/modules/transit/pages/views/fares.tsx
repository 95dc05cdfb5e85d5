// The fare table's passes with their prices (data/transit/fares), and whether this rider may buy each.
import { t, type Lang } from '../../../../platform/web/i18n.ts';
import type { TransitAccount } from '../../riders/index.ts';
import { m } from '../messages.ts';
import { mayBuy, type PassProduct } from '../passes.ts';
import { dong } from './account.tsx';

export function FareTableList({ lang, products, account }: { lang: Lang; products: PassProduct[]; account: TransitAccount }): JSX.Element {
  const heads = [t(lang, m.product), t(lang, m.price), t(lang, m.forYou)];
  return (
    <table class="cards-on-phone">
      <caption safe>{t(lang, m.fareTable)}</caption>
      <thead>
        <tr>
          {heads.map((h) => (
            <th scope="col" safe>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {products.map((p) => (
          <tr>
            <td data-label={heads[0]} safe>
              {p.name}
            </td>
            <td data-label={heads[1]} class="num" safe>
              {dong(lang, p.amount)}
            </td>
            <td data-label={heads[2]} safe>
              {t(lang, mayBuy(account, p) ? m.yes : m.no)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
