// The engine's Account from the riders' fare profile. The category names on both sides are data, mapped here: the
// riders module keeps its own codes, the fare data (data/transit/fares/rider_categories.txt) its GTFS ids.
import type { Account } from '../fares/index.ts';
import type { DayProfile } from '../riders/index.ts';

/** Rider category (transit_accounts.rider_category) → fare rider_category_id. */
export const RIDER_CATEGORY_FARE: Readonly<Record<string, string>> = { regular: 'thuong', priority: 'uu-tien', group: 'nhom' };
/** Concession (transit_concessions.category) → fare rider_category_id (TRANSPORT.md §1, free riders). */
export const CONCESSION_FARE: Readonly<Record<string, string>> = {
  meritorious: 'nguoi-co-cong',
  senior_60: 'cao-tuoi',
  disability: 'khuyet-tat',
  under_6: 'tre-em',
  poor_household: 'ho-ngheo',
};

export function engineAccount(p: DayProfile): Account {
  const categories: NonNullable<Account['categories']> = [];
  const base = RIDER_CATEGORY_FARE[p.riderCategory];
  if (base !== undefined && base !== 'thuong') categories.push({ riderCategoryId: base });
  for (const c of p.concessions) {
    const id = CONCESSION_FARE[c];
    if (id !== undefined) categories.push({ riderCategoryId: id });
  }
  return {
    categories,
    passes: p.passes.map((x) => ({ productId: x.productId, validFrom: x.validFrom, validUntil: x.validTo, ...(x.routeId === null ? {} : { routeId: x.routeId }) })),
  };
}
