// What anyone may read of the directory: published entries only, never a mobile number or a linked account; and the
// exports (vCard, LDIF) built from the same entries. The administrators' LDIF holds every agency's entries.
import type { Actor } from '../../platform/auth/access.ts';
import { requireStaff } from '../../platform/auth/access.ts';
import { Role } from '../../platform/auth/roles.ts';
import type { Platform } from '../../platform/http/context.ts';
import { searchKey } from '../../platform/text/index.ts';
import { type Agency, type AgencyWithUnit, listAgencies } from '../units/index.ts';
import { splitName, telUri } from './input.ts';
import { type LdifEntry, escapeDnValue, ldif } from './ldif.ts';
import { type EntryRow, directoryDb, directoryRepo } from './repo.ts';
import { agencyOrNotFound } from './service.ts';
import { type VCardPerson, vcards } from './vcard.ts';

/** An entry as the public sees it. */
export interface PublicEntry {
  id: number;
  agencyId: number;
  fullName: string;
  position: string;
  department: string;
  email: string;
  officePhone: string;
  /** tel: URI of the office phone, '' without one. */
  officePhoneUri: string;
}

export function toPublic(r: EntryRow): PublicEntry {
  return {
    id: r.id,
    agencyId: r.agency_id,
    fullName: r.full_name,
    position: r.position,
    department: r.department,
    email: r.email,
    officePhone: r.office_phone,
    officePhoneUri: telUri(r.office_phone),
  };
}

export interface DirectoryIndex {
  q: string;
  agencies: { agency: AgencyWithUnit; count: number }[];
  people: { entry: PublicEntry; agency: AgencyWithUnit }[];
}

const MAX_QUERY = 100;
const MAX_PEOPLE = 50;

/** The agencies that publish a directory; with a query, those whose name matches and the officials who match. */
export async function directoryIndex(platform: Platform, rawQuery: string): Promise<DirectoryIndex> {
  const q = rawQuery.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  const key = searchKey(q);
  const db = directoryDb(platform.database.db);
  const counts = await directoryRepo.publicCounts(db);
  const all = (await listAgencies(platform.database.db)).filter((a) => counts.has(a.id));
  const byId = new Map(all.map((a) => [a.id, a]));
  if (key === '') return { q, agencies: all.map((agency) => ({ agency, count: counts.get(agency.id) ?? 0 })), people: [] };
  const agencies = all
    .filter((a) => searchKey(`${a.name} ${a.shortName ?? ''} ${a.nameEn ?? ''}`).includes(key))
    .map((agency) => ({ agency, count: counts.get(agency.id) ?? 0 }));
  const people = (await directoryRepo.searchPublic(db, key, MAX_PEOPLE)).flatMap((r) => {
    const agency = byId.get(r.agency_id);
    return agency ? [{ entry: toPublic(r), agency }] : [];
  });
  return { q, agencies, people };
}

export async function publicAgencyDirectory(platform: Platform, code: string): Promise<{ agency: Agency; entries: PublicEntry[] }> {
  const agency = await agencyOrNotFound(platform.database.db, code);
  const rows = await directoryRepo.listByAgency(directoryDb(platform.database.db), agency.id, false);
  return { agency, entries: rows.map(toPublic) };
}

function vcardPerson(agency: Agency, e: PublicEntry): VCardPerson {
  const { family, given } = splitName(e.fullName);
  return {
    fullName: e.fullName,
    family,
    given,
    organisation: agency.name,
    department: e.department,
    title: e.position,
    email: e.email,
    officePhone: e.officePhone,
    officePhoneUri: e.officePhoneUri,
  };
}

/** The agency's published entries as vCards. */
export async function agencyVcards(platform: Platform, code: string): Promise<{ agency: Agency; body: string }> {
  const { agency, entries } = await publicAgencyDirectory(platform, code);
  return { agency, body: vcards(entries.map((e) => vcardPerson(agency, e))) };
}

/** telephoneNumber holds a Printable String (RFC 4517): the international number, and its extension in ASCII. */
function ldapPhone(uri: string): string {
  const x = /^tel:(\+?\d+)(?:;ext=(\d+))?/.exec(uri);
  return x ? `${x[1]}${x[2] ? ` ext ${x[2]}` : ''}` : '';
}

/** The organizational unit of an agency, then its entries: what `ldapadd` loads under the configured base. */
function agencyLdif(base: string, agency: Agency, entries: readonly PublicEntry[]): LdifEntry[] {
  const ou = `ou=${escapeDnValue(agency.code)},${base}`;
  const unit: LdifEntry = {
    dn: ou,
    attributes: [
      ['objectClass', 'top'],
      ['objectClass', 'organizationalUnit'],
      ['ou', agency.code],
      ['description', agency.name],
    ],
  };
  return [
    unit,
    ...entries.map((e): LdifEntry => {
      const { family, given } = splitName(e.fullName);
      return {
        dn: `mail=${escapeDnValue(e.email)},${ou}`,
        attributes: [
          ['objectClass', 'top'],
          ['objectClass', 'person'],
          ['objectClass', 'organizationalPerson'],
          ['objectClass', 'inetOrgPerson'],
          ['cn', e.fullName],
          ['sn', family],
          ['givenName', given],
          ['displayName', e.fullName],
          ['mail', e.email],
          ['title', e.position],
          ['ou', e.department],
          ['o', agency.name],
          ['telephoneNumber', ldapPhone(e.officePhoneUri)],
        ],
      };
    }),
  ];
}

/** The agency's published entries as LDIF. */
export async function agencyLdifExport(platform: Platform, code: string): Promise<{ agency: Agency; body: string }> {
  const { agency, entries } = await publicAgencyDirectory(platform, code);
  return { agency, body: ldif(agencyLdif(platform.config.directoryLdapBase, agency, entries)) };
}

/** Every agency's entries, published or not (the mail server's load): administrators only. */
export async function fullLdifExport(platform: Platform, actor: Actor): Promise<string> {
  requireStaff(actor, Role.admin);
  const rows = await directoryRepo.listAll(directoryDb(platform.database.db), true);
  const agencies = new Map((await listAgencies(platform.database.db, { includeInactive: true })).map((a) => [a.id, a]));
  const byAgency = new Map<number, PublicEntry[]>();
  for (const r of rows) byAgency.set(r.agency_id, [...(byAgency.get(r.agency_id) ?? []), toPublic(r)]);
  const out: LdifEntry[] = [];
  for (const [id, entries] of byAgency) {
    const agency = agencies.get(id);
    if (agency) out.push(...agencyLdif(platform.config.directoryLdapBase, agency, entries));
  }
  return ldif(out);
}
