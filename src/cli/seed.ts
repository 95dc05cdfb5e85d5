import { readFileSync } from 'node:fs';
import type { Command } from './command.ts';
import { openConfiguredDatabase, seedDemo, seedReference } from '../app.ts';
import { addDays, isValidIsoDate, vietnamDateOf, vietnamInstant } from '../platform/calendar/index.ts';
import { migrate } from '../platform/db/index.ts';
import type { Platform } from '../platform/http/context.ts';
import { countProcedures, importCatalogue, readProcedureFile, SHIPPED_PROCEDURES } from '../modules/procedures/index.ts';
import { seedDossiers, type SeedReport } from '../modules/backoffice/index.ts';
import { seedArticles } from '../modules/sites/index.ts';
import { seedDocuments, type DocumentSeedReport } from '../modules/documents/index.ts';
import { withPlatform } from './platform.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES } from './demo-logins.ts';
import { terminalProgress, type Output } from './import-procedures.ts';
import { terminal } from './output.ts';

export interface SeedArgs {
  demo: boolean;
  /** Dossiers to generate (--dossiers N), or none. */
  dossiers: number | null;
  seed: number;
  /** The last day of the generated year (default today). */
  until: string | null;
  /** Portal articles to generate (--articles N), or none. */
  articles: number | null;
  /** Official documents to generate (--documents N), or none. */
  documents: number | null;
}

const MAX_DOSSIERS = 20_000_000;
const MAX_ARTICLES = 5_000_000;
const MAX_DOCUMENTS = 20_000_000;

/** The arguments, or what is wrong with them. */
export function parseSeedArgs(args: string[]): SeedArgs | string {
  const out: SeedArgs = { demo: false, dossiers: null, seed: 1, until: null, articles: null, documents: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--demo') out.demo = true;
    else if (flag === '--dossiers') {
      const v = (value() ?? '').replaceAll('_', '').replaceAll(',', '');
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_DOSSIERS) return `--dossiers needs a number from 1 to ${MAX_DOSSIERS.toLocaleString('en')}`;
      out.dossiers = Number(v);
    } else if (flag === '--articles') {
      const v = (value() ?? '').replaceAll('_', '').replaceAll(',', '');
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_ARTICLES) return `--articles needs a number from 1 to ${MAX_ARTICLES.toLocaleString('en')}`;
      out.articles = Number(v);
    } else if (flag === '--documents') {
      const v = (value() ?? '').replaceAll('_', '').replaceAll(',', '');
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_DOCUMENTS) return `--documents needs a number from 1 to ${MAX_DOCUMENTS.toLocaleString('en')}`;
      out.documents = Number(v);
    } else if (flag === '--seed') {
      const v = value() ?? '';
      if (!/^\d{1,9}$/.test(v)) return '--seed needs a whole number (0–999999999)';
      out.seed = Number(v);
    } else if (flag === '--until') {
      const v = value() ?? '';
      if (!isValidIsoDate(v)) return '--until needs a date: YYYY-MM-DD';
      out.until = v;
    } else return `unknown option ${a}`;
  }
  if (out.until && out.dossiers === null) return '--until goes with --dossiers';
  return out;
}

/** A year of dossiers follows the procedure catalogue: an empty one gets the shipped copy first. */
async function ensureCatalogue(p: Platform, io: Output, from: string): Promise<void> {
  const db = p.database.db;
  if ((await countProcedures(db)) > 0) return;
  io.out('The procedure catalogue is empty: importing the shipped copy (data/procedures/) first.');
  const { records } = readProcedureFile(readFileSync(SHIPPED_PROCEDURES));
  // In force from the first day of the year generated, so every dossier follows a version in force when received.
  await importCatalogue(db, records, { effectiveFrom: from, source: 'import:seed', actor: { id: null, label: 'seed' } });
}

export function reportLines(r: SeedReport): string[] {
  const s = r.ms / 1000;
  const states = Object.entries(r.byStatus)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n.toLocaleString('en')}`)
    .join(', ');
  return [
    `dossiers: ${r.dossiers.toLocaleString('en')} received ${r.from} … ${r.to} (${states})`,
    `  with ${r.events.toLocaleString('en')} history events, ${r.supplements.toLocaleString('en')} supplement requests, ${r.consultations.toLocaleString('en')} consultations, ${r.ratings.toLocaleString('en')} ratings, ${r.payments.toLocaleString('en')} payments`,
    `  ${r.rows.toLocaleString('en')} rows in ${s.toFixed(1)} s: ${Math.round(r.dossiers / s).toLocaleString('en')} dossiers/s, ${Math.round(r.rows / s).toLocaleString('en')} rows/s`,
  ];
}

export function documentReportLines(r: DocumentSeedReport): string[] {
  const s = r.ms / 1000;
  return [
    `documents: ${r.documents.toLocaleString('en')} (${r.incoming.toLocaleString('en')} incoming, ${r.outgoing.toLocaleString('en')} outgoing) across ${r.agencies} agencies over ${r.years} years, ${r.assignments.toLocaleString('en')} assignments`,
    `  in ${s.toFixed(1)} s: ${Math.round(r.documents / s).toLocaleString('en')} documents/s`,
  ];
}

export async function runSeedDossiers(p: Platform, args: SeedArgs & { dossiers: number }, io: Output): Promise<SeedReport> {
  await ensureCatalogue(p, io, addDays(args.until ?? vietnamDateOf(new Date()), -364));
  const report = await seedDossiers(p, {
    count: args.dossiers,
    seed: args.seed,
    // The whole of the last day: its dossiers are all in, as after the office closed.
    ...(args.until ? { now: vietnamInstant(args.until, 18 * 60) } : {}),
    onProgress: io.progress,
  });
  for (const line of reportLines(report)) io.out(line);
  return report;
}

export const seed: Command = {
  name: ['seed'],
  summary: 'Load reference data, demo data (--demo), a year of dossiers (--dossiers N), portal articles (--articles N) or official documents (--documents N)',
  usage: 'egov seed [--demo] [--dossiers N [--until YYYY-MM-DD]] [--articles N] [--documents N] [--seed S]',
  help: `Loads reference data (administrative units of Hà Nội, agencies, holiday schedules, workflows).

Options:
  --demo              also the demo accounts and demo data: the shipped procedure catalogue and ~3,000 dossiers
                      across Hà Nội in every state (once: a second run adds nothing)
  --dossiers N        generate N dossiers: a realistic year of Hà Nội up to today (scale tests, benchmarks). Over
                      the real procedures of the catalogue (the shipped one is imported when it is empty), across
                      the 126 wards and communes, the service centre and the departments; seasons, office hours,
                      online and counter, every state, due dates from the working calendar, history, supplements,
                      consultations, ratings and payments. Codes continue each agency's daily numbering.
                      Each run adds N more (it is not idempotent, unlike the rest of this command).
  --articles N        generate N published articles across every site of the portal over the last three years
                      (the portal search's scale test, bench/portal.ts); each run adds N more
  --documents N       generate N official documents (60% incoming, 40% outgoing) across every agency over the last
                      ten years (the registry's scale test, bench/documents.ts): numbers and arrival numbers follow
                      each other per agency, year and series and the counters are raised to match; incoming ones
                      assigned to the agency's specialists with working-day deadlines; each run adds N more
  --seed S            the random seed (default 1): the same seed, day and database give the same dossiers
  --until DATE        end the year on this day instead of today
  --help              this text

Never in production: --demo and --dossiers are refused when NODE_ENV=production.
Progress goes to stderr: a bar on a terminal, a line every 10% otherwise.

Examples:
  egov seed --demo
  DATABASE_URL=postgres://postgres@127.0.0.1/egov egov seed --dossiers 1000000 --seed 7
  DATABASE_URL=postgres://postgres@127.0.0.1/egov egov seed --documents 1000000`,
  async run(args, config) {
    const parsed = parseSeedArgs(args);
    if (typeof parsed === 'string') {
      terminal.err(`egov seed: ${parsed}\nRun 'egov seed --help' for details.`);
      return 2;
    }
    if ((parsed.demo || parsed.dossiers !== null || parsed.articles !== null || parsed.documents !== null) && config.production) {
      terminal.err(`egov seed ${parsed.demo ? '--demo' : parsed.dossiers !== null ? '--dossiers' : parsed.articles !== null ? '--articles' : '--documents'} is refused in production (NODE_ENV=production).`);
      return 2;
    }
    const io: Output = { ...terminal, progress: terminalProgress(process.stderr, 'seed dossiers') };
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      await withPlatform(config, database, async (p) => {
        await seedReference(p);
        if (parsed.demo) await seedDemo(p);
        terminal.out(parsed.demo ? `reference and demo data loaded; demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERNAMES.join(', ')}` : 'reference data loaded');
        if (parsed.dossiers !== null) await runSeedDossiers(p, { ...parsed, dossiers: parsed.dossiers }, io);
        if (parsed.articles !== null) {
          const r = await seedArticles(p, { count: parsed.articles, seed: parsed.seed, onProgress: terminalProgress(process.stderr, 'seed articles') });
          terminal.out(`articles: ${r.articles.toLocaleString('en')} published across ${r.sites} sites in ${(r.ms / 1000).toFixed(1)} s`);
        }
        if (parsed.documents !== null) {
          const r = await seedDocuments(p, { count: parsed.documents, seed: parsed.seed, onProgress: terminalProgress(process.stderr, 'seed documents') });
          for (const line of documentReportLines(r)) terminal.out(line);
        }
      });
    } finally {
      await database.close();
    }
    return 0;
  },
};
