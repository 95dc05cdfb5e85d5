// Every agency and ward gets its site on first start (issue 12 "Agency pages": 100% of units have one), with the
// portal's usual categories; runs at every start and only adds what is missing. Addresses: the city's is /trang/ha-noi,
// a commune's or ward's is made from its unit's name (/trang/phuong-hoan-kiem), an agency's from its name (/trang/so-tu-phap).
import type { Platform } from '../../platform/http/context.ts';
import { slugify } from '../../platform/text/slug.ts';
import { listAgencies, type AgencyWithUnit } from '../units/index.ts';
import { type SiteKind, sitesDb, sitesRepo } from './repo.ts';

export const CITY_SLUG = 'ha-noi';

export const DEFAULT_CATEGORIES: readonly { slug: string; name: string; name_en: string }[] = [
  { slug: 'tin-tuc-su-kien', name: 'Tin tức – sự kiện', name_en: 'News and events' },
  { slug: 'kinh-te-xa-hoi', name: 'Kinh tế – xã hội', name_en: 'Economy and society' },
  { slug: 'cai-cach-hanh-chinh', name: 'Cải cách hành chính', name_en: 'Administrative reform' },
  { slug: 'chuyen-doi-so', name: 'Chuyển đổi số', name_en: 'Digital transformation' },
];

function siteOf(a: AgencyWithUnit): { kind: SiteKind; slug: string; name: string; name_en: string } {
  if (a.kind === 'city_committee') return { kind: 'city', slug: CITY_SLUG, name: a.unitName, name_en: 'Hà Nội City' };
  if (a.kind === 'commune_committee') return { kind: 'ward', slug: slugify(a.unitName), name: a.unitName, name_en: a.nameEn ?? '' };
  return { kind: 'agency', slug: slugify(a.name).slice(0, 80).replace(/-+$/, ''), name: a.name, name_en: a.nameEn ?? '' };
}

export async function seedSites(platform: Platform): Promise<number> {
  const db = sitesDb(platform.database.db);
  const existing = await sitesRepo.listSites(db);
  const have = new Set(existing.map((s) => s.agency_id));
  const taken = new Set(existing.map((s) => s.slug));
  const rows: { slug: string; agency_id: number; kind: SiteKind; name: string; name_en: string }[] = [];
  for (const agency of await listAgencies(platform.database.db)) {
    if (have.has(agency.id)) continue;
    const s = siteOf(agency);
    // Two agencies whose names make one address (or an address already taken) get their code's digits after it.
    const slug = taken.has(s.slug) ? `${s.slug}-${agency.code.replace(/\D/g, '')}` : s.slug;
    taken.add(slug);
    rows.push({ ...s, slug, agency_id: agency.id });
  }
  if (rows.length === 0) return 0;
  // One statement for the sites and one for their categories: 145 sites one by one took 3 s on PGlite at every
  // test's start. A site another server added meanwhile is skipped (on conflict do nothing), as before.
  return db.transaction().execute(async (trx) => {
    const sites = await sitesRepo.insertSites(trx, rows);
    await sitesRepo.insertCategories(
      trx,
      sites.flatMap((site) => DEFAULT_CATEGORIES.map((c, i) => ({ ...c, site_id: site.id, position: i }))),
    );
    return sites.length;
  });
}
