// The fare table's passes with their prices (data/transit/fares), and whether this rider may buy each.
import { CardsTable } from '../../../../platform/web/layout.tsx';
import { formatMoney, type Lang, t } from '../../../../platform/web/i18n.ts';
import type { TransitAccount } from '../../riders/index.ts';
import { m } from '../messages.ts';
import { mayBuy, type PassProduct } from '../passes.ts';

export function FareTableList({ lang, products, account }: { lang: Lang; products: PassProduct[]; account: TransitAccount }): JSX.Element {
  const heads = [t(lang, m.product), t(lang, m.price), t(lang, m.forYou)];
  return (
    <CardsTable
      caption={t(lang, m.fareTable)}
      heads={heads}
      rows={products}
      cells={(p) => [p.name, { text: formatMoney(lang, p.amount), class: 'num' }, t(lang, mayBuy(account, p) ? m.yes : m.no)]}
    />
  );
}
