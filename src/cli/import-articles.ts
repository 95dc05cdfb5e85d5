// egov import articles --site <slug> <file|directory…>: the former portal's articles (HTML or text in Unicode, TCVN3 or
// VNI) as drafts of a site, converted to Unicode NFC, each file's reading and warnings reported.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from './command.ts';
import { openConfiguredDatabase, seedReference } from '../app.ts';
import { migrate } from '../platform/db/index.ts';
import { AppError } from '../platform/http/errors.ts';
import { importArticles, type ArticleKind } from '../modules/sites/index.ts';
import { withPlatform } from './platform.ts';
import { terminal } from './output.ts';

const KINDS: readonly ArticleKind[] = ['news', 'announcement', 'direction', 'page'];
const MAX_BYTES = 5 * 1024 * 1024;

export interface ImportArticlesArgs {
  site: string;
  kind: ArticleKind;
  strict: boolean;
  paths: string[];
}

export function parseImportArticlesArgs(args: string[]): ImportArticlesArgs | string {
  const out: ImportArticlesArgs = { site: '', kind: 'news', strict: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--site') out.site = value();
    else if (flag === '--kind') {
      const k = value();
      if (!(KINDS as readonly string[]).includes(k)) return `--kind must be one of ${KINDS.join(', ')}`;
      out.kind = k as ArticleKind;
    } else if (flag === '--strict') out.strict = true;
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else out.paths.push(a);
  }
  if (out.site === '') return '--site is required: the address of the site, e.g. phuong-hoan-kiem (see /trang)';
  if (out.paths.length === 0) return 'give at least one file or directory';
  return out;
}

/** The files named, a directory's .htm, .html and .txt files (sorted); unreadable or oversized ones reported. */
function collect(paths: readonly string[]): { files: { name: string; bytes: Buffer }[]; problems: string[] } {
  const files: { name: string; bytes: Buffer }[] = [];
  const problems: string[] = [];
  const add = (p: string) => {
    const size = statSync(p).size;
    if (size > MAX_BYTES) problems.push(`${p}: larger than ${MAX_BYTES / 1024 / 1024} MB, skipped`);
    else files.push({ name: basename(p), bytes: readFileSync(p) });
  };
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) {
        for (const f of readdirSync(p).filter((x) => /\.(html?|txt)$/i.test(x)).sort()) add(join(p, f));
      } else add(p);
    } catch (err) {
      problems.push(`${p}: ${(err as Error).message}`);
    }
  }
  return { files, problems };
}

export const importArticlesCommand: Command = {
  name: ['import', 'articles'],
  summary: "Import the former portal's articles (HTML or text; Unicode, TCVN3 or VNI) as drafts of a site",
  usage: 'egov import articles --site <slug> [--kind news|announcement|direction|page] [--strict] <file|directory…>',
  help: `Reads each file (a directory: its .htm, .html and .txt files), decodes its bytes (UTF-8, UTF-16 with a BOM,
Windows-1252/1258 by its declaration or its bytes), converts text written in the legacy TCVN3 (ABC) or VNI fonts to
Unicode NFC, keeps the body's content cleaned by the portal's rich-text rules, takes the title from <title> or the first
<h1>, and stores it as a DRAFT of the site: an editor reviews it and publishes it through the workflow.

Every file is reported with its reading and its warnings: above all text already damaged before the import (letters
lost as "?" or "\uFFFD", as in "L?y l?i m\uFFFD b?o m?t"), which no conversion can bring back.

Options:
  --site SLUG     the site's address (/trang/SLUG), e.g. ha-noi, phuong-hoan-kiem, so-tu-phap
  --kind KIND     news (default), announcement, direction or page
  --strict        do not import a file whose text is damaged
Exit status: 0 when every file was imported, 1 when some were not, 2 on bad usage.

Example:
  egov import articles --site phuong-hoan-kiem old-portal/tin-tuc/`,
  async run(args, config) {
    const parsed = parseImportArticlesArgs(args);
    if (typeof parsed === 'string') {
      terminal.err(`egov import articles: ${parsed}\nRun 'egov import articles --help' for details.`);
      return 2;
    }
    const { files, problems } = collect(parsed.paths);
    for (const p of problems) terminal.err(p);
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      return await withPlatform(config, database, async (p) => {
        await seedReference(p);
        let outcomes;
        try {
          outcomes = await importArticles(p, parsed.site, files, { kind: parsed.kind, strict: parsed.strict });
        } catch (err) {
          if (err instanceof AppError) {
            terminal.err(`egov import articles: ${err.text.en} (--site ${parsed.site})`);
            return 2;
          }
          throw err;
        }
        for (const o of outcomes) {
          const head = o.id === undefined ? `NOT IMPORTED (${o.refused})` : `draft #${o.id}`;
          terminal.out(`${o.name}: ${head} — "${o.title}" [${o.encoding}, ${o.fontEncoding}]`);
          for (const w of o.warnings) terminal.out(`  warning: ${w}`);
        }
        const imported = outcomes.filter((o) => o.id !== undefined).length;
        terminal.out(`${imported} of ${files.length + problems.length} files imported as drafts of /trang/${parsed.site}`);
        return imported === files.length && problems.length === 0 ? 0 : 1;
      });
    } finally {
      await database.close();
    }
  },
};
