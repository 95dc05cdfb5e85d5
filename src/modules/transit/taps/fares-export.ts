// The network's current fares as GTFS-Fares v2 files (issue 15): the fare table the nightly pricing uses
// (data/transit/fares), written back by exportGtfsFares, one CSV text per file, with a summary for the staff page.
// No zip writer is among the project's dependencies, so each file is offered on its own.
import type { Actor } from '../../../platform/auth/access.ts';
import { exportGtfsFares, type FareTable } from '../fares/index.ts';
import { requireClearing } from '../riders/access.ts';
import { currentFares } from './price.ts';

export interface FaresExport {
  /** file name (e.g. fare_products.txt) → CSV text, in the order of the GTFS-Fares tables. */
  files: { name: string; body: string; rows: number }[];
  products: { id: string; name: string; riderCategoryId: string | undefined; amount: number }[];
  legRules: number;
  transferRules: number;
}

/** Transit officers and operators' clearing staff. */
export function faresExport(actor: Actor, fares: FareTable = currentFares()): FaresExport {
  requireClearing(actor);
  const files = Object.entries(exportGtfsFares(fares)).map(([name, body]) => ({ name, body, rows: Math.max(0, body.split(/\r?\n/).filter((l) => l !== '').length - 1) }));
  const products = [...fares.products.values()].flat().map((p) => ({ id: p.id, name: p.name, riderCategoryId: p.riderCategoryId, amount: p.amount }));
  return { files, products, legRules: fares.legRules.length, transferRules: fares.transferRules.length };
}
