// Passes on sale (issue 15, TRANSPORT.md §1): the products and prices are the fare table's data (data/transit/fares:
// fare_products.txt and x_passes.txt), never written here; a one-route pass names a route of the network it covers.
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../../platform/auth/access.ts';
import { vietnamDateOf } from '../../../platform/calendar/dates.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { defineErrors, type FieldError } from '../../../platform/http/errors.ts';
import { loadGtfsFaresFromDir, type FareTable } from '../fares/index.ts';
import { listRoutes, type RouteInfo } from '../network/index.ts';
import { createPayment } from '../payments/index.ts';
import { buyPass, type TransitAccount } from '../riders/index.ts';

export const FARES_FOLDER = fileURLToPath(new URL('../../../../data/transit/fares', import.meta.url));

export interface PassProduct {
  id: string;
  name: string;
  amount: number;
  duration: 'day' | 'week' | 'month';
  scope: 'one_route' | 'all_routes';
  /** The fare table's network (bus, metro-2a, metro-3-1). */
  networkId: string;
  /** The fare table's rider category (thuong, uu-tien, nhom); undefined when anyone may buy it. */
  riderCategoryId: string | undefined;
}

let table: FareTable | undefined;
const fares = (): FareTable => (table ??= loadGtfsFaresFromDir(FARES_FOLDER));

/** Every pass product of the fare table, with its price. */
export function passProducts(): PassProduct[] {
  const t = fares();
  const out: PassProduct[] = [];
  for (const [id, pass] of t.passes) {
    const p = t.products.get(id)?.[0];
    if (!p) continue;
    out.push({ id, name: p.name, amount: p.amount, duration: pass.duration, scope: pass.scope, networkId: pass.networkId, riderCategoryId: p.riderCategoryId });
  }
  return out;
}

/** The account's category (riders' RIDER_CATEGORIES) as the fare table names it. */
const FARE_CATEGORY: Record<string, string> = { regular: 'thuong', priority: 'uu-tien', group: 'nhom' };
export const mayBuy = (account: TransitAccount, p: PassProduct): boolean => p.riderCategoryId === undefined || FARE_CATEGORY[account.rider_category] === p.riderCategoryId;

/** The network's routes a one-route pass of the fare network may name (the bus passes cover bus and BRT routes). */
const FEED_NETWORKS: Record<string, string[]> = { bus: ['bus', 'brt'] };
export async function routesFor(platform: Platform, p: PassProduct): Promise<RouteInfo[]> {
  const nets = FEED_NETWORKS[p.networkId] ?? [p.networkId];
  const all = await listRoutes(platform.database.db);
  return all.filter((r) => nets.includes(r.network));
}

export async function busRoutes(platform: Platform): Promise<RouteInfo[]> {
  const all = await listRoutes(platform.database.db);
  return all.filter((r) => FEED_NETWORKS.bus?.includes(r.network));
}

/** A day pass is for today; a monthly pass for the rest of this calendar month or the whole of the next. */
export function validity(p: PassProduct, start: string, today = vietnamDateOf(new Date())): { from: string; to: string } {
  if (p.duration === 'day') return { from: today, to: today };
  const [y, m] = today.split('-').map(Number) as [number, number];
  const next = start === 'next';
  const year = next && m === 12 ? y + 1 : y;
  const month = next ? (m % 12) + 1 : m;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: next ? `${year}-${mm}-01` : today, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

export const PassErrors = defineErrors({
  INVALID: { status: 400, vi: 'Thông tin chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'Some details are not valid. Please correct the fields listed.' },
});

/** The pass asked for, checked against the fare table: the product the rider may buy, its route and its dates. */
async function listedPass(platform: Platform, account: TransitAccount, input: { productId: string; routeId: string; start: string }) {
  const errors: FieldError[] = [];
  const p = passProducts().find((x) => x.id === input.productId);
  if (!p) errors.push({ field: 'productId', message: { vi: 'Hãy chọn một loại vé trong bảng giá.', en: 'Choose a pass from the fare table.' } });
  else if (!mayBuy(account, p)) errors.push({ field: 'productId', message: { vi: 'Loại vé này dành cho đối tượng khác; cán bộ trung tâm xác nhận đối tượng ưu tiên.', en: 'This pass is for another rider category; a centre officer confirms priority categories.' } });
  let routeId: string | undefined;
  if (p?.scope === 'one_route') {
    const routes = await routesFor(platform, p);
    routeId = routes.find((r) => r.id === input.routeId)?.id;
    if (!routeId) errors.push({ field: 'routeId', message: { vi: 'Vé một tuyến: hãy chọn tuyến.', en: 'A one-route pass: choose the route.' } });
  }
  if (p?.duration === 'month' && input.start !== 'this' && input.start !== 'next') errors.push({ field: 'start', message: { vi: 'Hãy chọn tháng bắt đầu.', en: 'Choose the month it starts.' } });
  if (errors.length > 0 || !p) throw PassErrors.INVALID({ fields: errors });
  const { from, to } = validity(p, input.start);
  return { p, from, to, routeId };
}

/** Buys a pass from the balance at the fare table's price; the product, the route and the start are checked first. */
export async function buyListedPass(platform: Platform, actor: Actor, account: TransitAccount, input: { productId: string; routeId: string; start: string }) {
  const { p, from, to, routeId } = await listedPass(platform, account, input);
  return buyPass(platform, actor, { accountId: account.id, productId: p.id, price: p.amount, validFrom: from, validTo: to, routeId });
}

/** Starts a VietQR payment for the pass at the fare table's price; the pass is issued when the transfer is confirmed. */
export async function payListedPass(platform: Platform, actor: Actor, account: TransitAccount, input: { productId: string; routeId: string; start: string }) {
  const { p, from, to, routeId } = await listedPass(platform, account, input);
  return createPayment(platform, actor, account, { kind: 'pass', productId: p.id, routeId, validFrom: from, validTo: to }, p.amount);
}
