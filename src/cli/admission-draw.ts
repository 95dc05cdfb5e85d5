// egov admission draw: anyone recomputes an admission lottery from the published seed and list of applications,
// and checks a published result against it (issue 11 "Rules"; docs/admission-lottery.md). No database: it
// opens nothing and starts nothing, so a parent with the source code can run it.
import { readFileSync } from 'node:fs';
import type { Command } from './command.ts';
import { terminal, type Output } from './output.ts';
import { compareDraws, formatDraw, LotteryInputError, parseApplicationList, seedMatchesCommitment } from '../modules/admissions/lottery.ts';

export interface DrawArgs {
  seed: string;
  applications: string;
  places?: number;
  verify?: string;
  commitment?: string;
}

const OPTIONS = ['seed', 'applications', 'places', 'verify', 'commitment'] as const;

/** The arguments, or what is wrong with them. */
export function parseDrawArgs(args: readonly string[]): DrawArgs | string {
  const v: Partial<Record<(typeof OPTIONS)[number], string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const m = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!m) return `unexpected argument '${arg}'`;
    const name = OPTIONS.find((o) => o === m[1]);
    if (!name) return `unknown option --${m[1]}`;
    const value = m[2] ?? args[++i];
    if (value === undefined) return `--${name} needs a value`;
    v[name] = value;
  }
  if (v.seed === undefined) return 'missing --seed';
  if (v.applications === undefined) return 'missing --applications';
  if (v.places !== undefined && !/^\d{1,9}$/.test(v.places)) return `--places ${v.places}: expected a whole number ≥ 0`;
  if (v.commitment !== undefined && !/^[0-9a-fA-F]{64}$/.test(v.commitment)) return '--commitment: expected 64 hex digits (the published SHA-256 of the seed)';
  return {
    seed: v.seed,
    applications: v.applications,
    ...(v.places === undefined ? {} : { places: Number(v.places) }),
    ...(v.verify === undefined ? {} : { verify: v.verify }),
    ...(v.commitment === undefined ? {} : { commitment: v.commitment }),
  };
}

function read(file: string, what: string, io: Output): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    io.err(`egov admission draw: cannot read the ${what} file ${file}: ${(err as Error).message}`);
    return undefined;
  }
}

/** The command's work; returns the exit status (0 done or identical, 1 different, 2 usage or input error). */
export function runAdmissionDraw(args: readonly string[], io: Output): number {
  const parsed = parseDrawArgs(args);
  if (typeof parsed === 'string') {
    io.err(`egov admission draw: ${parsed}\nRun 'egov admission draw --help' for details.`);
    return 2;
  }
  if (parsed.commitment !== undefined && !seedMatchesCommitment(parsed.seed, parsed.commitment)) {
    io.err(`egov admission draw: SEED DOES NOT MATCH THE COMMITMENT — SHA-256 of the seed "${parsed.seed}" is not ${parsed.commitment.toLowerCase()}.`);
    io.err('Hạt giống không khớp với giá trị cam kết đã công bố.');
    return 1;
  }
  const list = read(parsed.applications, 'applications', io);
  if (list === undefined) return 2;
  let recomputed: string;
  try {
    recomputed = formatDraw(parsed.seed, parseApplicationList(list), parsed.places);
  } catch (err) {
    if (!(err instanceof LotteryInputError)) throw err;
    io.err(`egov admission draw: ${err.message}`);
    return 2;
  }
  if (parsed.verify === undefined) {
    io.out(recomputed.trimEnd());
    return 0;
  }
  const published = read(parsed.verify, 'published result', io);
  if (published === undefined) return 2;
  const cmp = compareDraws(published, recomputed);
  if (cmp.same) {
    io.out(`IDENTICAL: ${parsed.verify} is the draw of this seed over these applications.`);
    io.out('Kết quả đã công bố trùng khớp với kết quả tính lại.');
    return 0;
  }
  io.err(`DIFFERENT: ${parsed.verify} is not the draw of this seed over these applications.`);
  io.err('Kết quả đã công bố KHÔNG khớp với kết quả tính lại.');
  io.err(`  first difference, line ${cmp.line} of ${parsed.verify}:`);
  io.err(`    published:  ${cmp.published}`);
  io.err(`    recomputed: ${cmp.recomputed}`);
  return 1;
}

export const admissionDraw: Command = {
  name: ['admission', 'draw'],
  summary: 'Recompute or verify a school admission lottery (no database)',
  usage: 'egov admission draw --seed <s> --applications <file>',
  help: `Recomputes the admission lottery defined in docs/admission-lottery.md from the published seed and the
published list of application numbers, and prints the draw: each application's rank and the SHA-256 it is
ranked by (smallest first). Needs no database and no configuration.

Options:
  --seed <seed>           the seed revealed at the draw (quote it if it has spaces)
  --applications <file>   the application numbers in the draw, one per line (any order; blank lines ignored)
  --places <N>            the places drawn for: ranks 1..N are marked admitted, the rest not admitted
  --verify <file>         compare with a published result instead of printing; layout (spaces, line
                          endings, blank lines) does not count, every word and number does
  --commitment <hex>      first check that SHA-256 of the seed is this published commitment

Exit status: 0 printed, or identical; 1 the published result differs, or the seed does not match the
commitment (the first difference is printed); 2 bad usage or an unreadable or invalid file.

Examples:
  egov admission draw --seed 'TS2026-L1-demo' --applications so-ho-so.txt --places 3
  egov admission draw --seed 'TS2026-L1-demo' --applications so-ho-so.txt --places 3 --verify ket-qua.txt`,
  run(args) {
    return Promise.resolve(runAdmissionDraw(args, terminal));
  },
};
