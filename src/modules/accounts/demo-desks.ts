// The demo's desks (demo seed only, never in production; issue 9 "every dossier the demo lets you submit, the demo lets
// someone finish"): every agency that receives or handles dossiers (the city's service centre, the departments and
// other city bodies, the ward and commune committees) gets a one-stop officer, a specialist and a leader, named
// demo.<agency>.motcua, demo.<agency>.chuyenvien, demo.<agency>.lanhdao, with the demo password. The slug is the
// ward's or commune's name without accents ("badinh"), or a department's short name ("stp"; the centre: "ttpvhcc").
import { Role, type Role as RoleT } from '../../platform/auth/roles.ts';
import { searchKey } from '../../platform/text/index.ts';
import type { Agency, AgencyKind } from '../units/index.ts';

/** The kinds of agency that receive dossiers (dossiers/agency.ts receivingAgencies), and the city bodies that handle
 *  some of what the service centre receives (the city police: driving licences, residence; workflow/routing.ts). */
export const DESK_KINDS: readonly AgencyKind[] = ['service_centre', 'department', 'commune_committee', 'other'];

export const DESK_ROLES: readonly { suffix: string; role: RoleT; title: string }[] = [
  { suffix: 'motcua', role: Role.oneStopOfficer, title: 'Cán bộ một cửa' },
  { suffix: 'chuyenvien', role: Role.specialist, title: 'Chuyên viên' },
  { suffix: 'lanhdao', role: Role.leader, title: 'Lãnh đạo' },
];

export interface DemoDesk {
  username: string;
  fullName: string;
  role: RoleT;
  agency: Pick<Agency, 'id' | 'code' | 'name'>;
}

const compact = (s: string): string => searchKey(s).replace(/[^a-z0-9]+/g, '');

/** "Ủy ban nhân dân phường Ba Đình" → "badinh"; a department: its short name, "STP" → "stp". */
function baseSlug(a: Pick<Agency, 'kind' | 'name' | 'shortName' | 'code'>): string {
  if (a.kind === 'commune_committee') {
    const place = a.name.replace(/^(ủy|uỷ) ban nhân dân\s+/iu, '').replace(/^(phường|xã|đặc khu|thị trấn)\s+/iu, '');
    return compact(place) || compact(a.code);
  }
  return compact(a.shortName ?? '') || compact(a.code);
}

/** Each receiving agency's slug, unique: a second agency of the same name takes its code's second group ("badinh0251"). */
export function deskSlugs(agencies: readonly Pick<Agency, 'id' | 'kind' | 'name' | 'shortName' | 'code'>[]): Map<number, string> {
  const out = new Map<number, string>();
  const used = new Set<string>();
  for (const a of [...agencies].sort((x, y) => x.code.localeCompare(y.code))) {
    if (!DESK_KINDS.includes(a.kind)) continue;
    let slug = baseSlug(a);
    if (used.has(slug)) slug = `${slug}${compact(a.code.split('.').slice(1, 3).join(''))}`;
    used.add(slug);
    out.set(a.id, slug);
  }
  return out;
}

/** The three desks of every receiving agency, in the agencies' code order. */
export function demoDesks(agencies: readonly Agency[]): DemoDesk[] {
  const slugs = deskSlugs(agencies.filter((a) => a.active));
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const out: DemoDesk[] = [];
  for (const [id, slug] of slugs) {
    const a = byId.get(id);
    if (!a) continue;
    for (const d of DESK_ROLES) {
      out.push({ username: `demo.${slug}.${d.suffix}`, fullName: `${d.title} – ${a.name}`, role: d.role, agency: { id: a.id, code: a.code, name: a.name } });
    }
  }
  return out;
}
