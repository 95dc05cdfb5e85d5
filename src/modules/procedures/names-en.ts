// English names of procedures: our reviewed translations in data/procedures/names-en.csv (how they were made:
// data/procedures/SOURCE.md). The file is reference data: loaded at every start and `egov migrate` (unchanged names
// are left alone), it is the whole list (a name removed from it goes), and each name is copied onto its procedure,
// now or when an import brings the procedure, where pages, the API and search read it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { nfc, searchKey } from '../../platform/text/index.ts';
import { invalidate } from './cache.ts';
import { englishKey } from './english.ts';
import { namesRepo, type EnglishName } from './names-repo.ts';
import { csvRows } from './reader.ts';
import { proceduresDb } from './repo.ts';
import { isProcedureCode } from './schema.ts';

export const SHIPPED_NAMES_EN = fileURLToPath(new URL('../../../data/procedures/names-en.csv', import.meta.url));

export interface NamesFile {
  names: EnglishName[];
  /** The Vietnamese name each English one translates, as the file gives it (for review against the catalogue). */
  translated: Map<string, string>;
}

const clean = (s: string | undefined): string => nfc(s ?? '').replace(/\s+/g, ' ').trim();

/** Reads the CSV (columns code, name_vi, name_en, note; by header). A malformed file is refused as a whole: it ships
 *  with the app, so an error is a mistake to fix, not data to skip. */
export function parseEnglishNames(text: string): NamesFile {
  const [head, ...rows] = csvRows(text.replace(/^\uFEFF/, ''));
  const header = (head?.cells ?? []).map((c) => c.trim());
  const col = (name: string) => header.indexOf(name);
  if (col('code') < 0 || col('name_en') < 0) throw new Error('names-en: the header must name the columns code and name_en');
  const names: EnglishName[] = [];
  const translated = new Map<string, string>();
  for (const row of rows) {
    const code = clean(row.cells[col('code')]);
    const name = clean(row.cells[col('name_en')]);
    const where = `names-en line ${row.line}`;
    if (!isProcedureCode(code)) throw new Error(`${where}: "${code}" is not a procedure code`);
    if (name === '' || name.length > 1000) throw new Error(`${where}: the English name is empty or too long`);
    if (translated.has(code)) throw new Error(`${where}: ${code} is named twice`);
    const note = clean(row.cells[col('note')]);
    names.push({ code, name, searchKey: englishKey(searchKey(name)), note: note === '' ? null : note });
    translated.set(code, clean(row.cells[col('name_vi')]));
  }
  return { names, translated };
}

export function readShippedNames(): NamesFile {
  return parseEnglishNames(readFileSync(SHIPPED_NAMES_EN, 'utf8'));
}

export interface NamesLoad {
  added: number;
  changed: number;
  removed: number;
  /** Procedures whose English name was set, changed or cleared. */
  procedures: number;
}

/** Makes the stored English names those given, and copies them onto the procedures. Idempotent. */
export async function loadEnglishNames(db: Kysely<PlatformTables>, names: readonly EnglishName[]): Promise<NamesLoad> {
  const result = await db.transaction().execute(async (trx) => {
    const pdb = proceduresDb(trx);
    const before = new Map((await namesRepo.list(pdb)).map((n) => [n.code, n]));
    const given = new Set(names.map((n) => n.code));
    const changed = names.filter((n) => {
      const b = before.get(n.code);
      return b !== undefined && (b.name !== n.name || b.searchKey !== n.searchKey || b.note !== n.note);
    });
    const added = names.filter((n) => !before.has(n.code));
    const removed = [...before.keys()].filter((c) => !given.has(c));
    await namesRepo.upsert(pdb, [...added, ...changed]);
    await namesRepo.delete(pdb, removed);
    const procedures = await namesRepo.apply(pdb);
    return { added: added.length, changed: changed.length, removed: removed.length, procedures };
  });
  if (result.procedures > 0) invalidate(db, 'wordCounts');
  return result;
}
