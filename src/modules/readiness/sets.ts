// Indicator sets as versioned data (issue 14; INDICATORS.md §2–§3): one set per year and peer group, each indicator
// with its group, maximum points, scoring rule, evidence required, data source and verifying unit; validation rules
// between values. `loadSet` validates the shape (zod) and then cross-checks the set (checks.ts); nothing is scored
// from a set that has not passed both.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Text } from '../../platform/web/i18n.ts';
import { crossCheck, type SetIssue } from './checks.ts';
import { ReadinessErrors } from './errors.ts';
import type { Expr } from './formula.ts';

const TextSchema = z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A code is also a name in formulas: a letter or '_' first, then letters, digits, '_' or '.'; not min/max. */
export const CODE = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const Code = z
  .string()
  .regex(CODE, 'a code starts with a letter and holds letters, digits, "_" or "."')
  .refine((c) => !['min', 'max'].includes(c.toLowerCase()), 'min and max are reserved for formulas')
  .refine((c) => c !== '__proto__', '__proto__ is not a code');
const Points = z.number().finite().nonnegative();

/** Figures the platform fills itself, with their source shown (issue 14: the quality figures, portal, documents). */
export const PLATFORM_SOURCES = ['dossiers.onlineShare', 'dossiers.onTimeShare', 'portal.presence', 'documents.onTimeShare', 'training.trained'] as const;
export type PlatformSource = (typeof PLATFORM_SOURCES)[number];

/** How values of former units become the new unit's value after the 2025 reform (merge.ts). */
export const MERGE_RULES = ['mean', 'sum', 'largest'] as const;
export type MergeRule = (typeof MERGE_RULES)[number];

export const OPERATORS = ['≤', '<', '=', '≥', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

const Rule = z.discriminatedUnion('kind', [
  // e.g. "steering committee met ≥ 4 times = 20; 3 = 15; 2 = 10; 1 = 5; else 0" (INDICATORS.md §3).
  z.object({ kind: z.literal('steps'), steps: z.array(z.object({ min: z.number().finite(), points: Points })).min(1) }),
  // a / b × max, capped at max; b = 0 scores 0 or, where nothing was to be done, the full points.
  z.object({ kind: z.literal('ratio'), numerator: z.string().min(1), denominator: z.string().min(1), whenZero: z.enum(['zero', 'full']).default('zero') }),
  // value ÷ the best value in the peer group × max.
  z.object({ kind: z.literal('relative') }),
  // e.g. chaired by the chairman → max, by a deputy → half, none → 0.
  z.object({
    kind: z.literal('categorical'),
    categories: z.array(z.object({ value: z.string().min(1), label: TextSchema, points: Points.optional(), share: z.number().min(0).max(1).optional() })).min(1),
  }),
  // points computed from other values: + − × ÷, parentheses, min, max, numbers, codes (formula.ts).
  z.object({ kind: z.literal('formula'), expression: z.string().min(1) }),
  z.object({ kind: z.literal('boolean') }),
]);
export type ScoringRule = z.infer<typeof Rule>;
export type RuleKind = ScoringRule['kind'];
/** Rules whose value the unit (or the platform) enters; ratio and formula values are computed. */
export const INPUT_KINDS: readonly RuleKind[] = ['steps', 'relative', 'categorical', 'boolean'];

const Figure = z.object({
  code: Code,
  name: TextSchema,
  unit: TextSchema,
  platformSource: z.enum(PLATFORM_SOURCES).optional(),
  merge: z.enum(MERGE_RULES).optional(),
});

const Indicator = z.object({
  code: Code,
  group: z.string().min(1),
  name: TextSchema,
  max: z.number().finite().positive(),
  rule: Rule,
  evidence: TextSchema,
  dataSource: TextSchema,
  verifier: TextSchema,
  unit: TextSchema,
  platformSource: z.enum(PLATFORM_SOURCES).optional(),
  merge: z.enum(MERGE_RULES).optional(),
});

const Validation = z.object({
  code: Code,
  left: z.string().min(1),
  op: z.enum(OPERATORS),
  right: z.string().min(1),
  message: TextSchema,
});

export const IndicatorSetSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  year: z.number().int().min(2000).max(2100),
  peerGroup: z.enum(['department', 'commune']),
  effectiveFrom: z.string().regex(DATE),
  source: z.object({ decision: z.string().min(1), date: z.string().regex(DATE), title: TextSchema }),
  /** true where the points and rules are not public and the set is a plausible reconstruction (INDICATORS.md §2). */
  plausible: z.boolean(),
  note: TextSchema.optional(),
  totalPoints: z.number().positive(),
  /** Traffic lights by share of the maximum: ≥ green → green, ≥ amber → amber, else red. */
  lights: z.object({ green: z.number().gt(0).max(1), amber: z.number().min(0).lt(1) }).default({ green: 0.8, amber: 0.5 }),
  merge: z.object({ default: z.enum(MERGE_RULES) }).default({ default: 'mean' }),
  groups: z.array(z.object({ code: Code, name: TextSchema, max: z.number().positive() })).min(1),
  figures: z.array(Figure).default([]),
  indicators: z.array(Indicator).min(1),
  validations: z.array(Validation).default([]),
});
export type IndicatorSet = z.infer<typeof IndicatorSetSchema>;
export type Indicator = z.infer<typeof Indicator>;
export type Figure = z.infer<typeof Figure>;
export type ValidationRule = z.infer<typeof Validation>;
export type PeerGroup = IndicatorSet['peerGroup'];

/** A set that passed the schema and every cross-check, with its expressions parsed once. */
export interface LoadedSet {
  set: IndicatorSet;
  indicators: Map<string, Indicator>;
  figures: Map<string, Figure>;
  /** Parsed expressions: `<code>` for a formula, `<code>/num` and `<code>/den` for a ratio, `<rule>/left|right`. */
  exprs: Map<string, Expr>;
  /** Computed indicators (ratio, formula) in an order where each comes after the indicators it reads. */
  computeOrder: string[];
}

export type { SetIssue };

export type CheckResult = { ok: true; loaded: LoadedSet } | { ok: false; issues: SetIssue[] };

/** Validates a set's shape, then cross-checks it; every problem is reported, each naming its indicator or rule. */
export function checkSet(raw: unknown): CheckResult {
  const parsed = IndicatorSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const where = whereOf(raw, i.path);
      return { where, vi: `${where}: dữ liệu không hợp lệ (${i.message})`, en: `${where}: invalid (${i.message})` };
    });
    return { ok: false, issues };
  }
  return crossCheck(parsed.data);
}

/** Like checkSet, but throws SET_INVALID with the issues (details.issues) and the first few in the message. */
export function loadSet(raw: unknown): LoadedSet {
  const r = checkSet(raw);
  if (r.ok) return r.loaded;
  const head = r.issues.slice(0, 5);
  throw ReadinessErrors.SET_INVALID({
    details: { issues: r.issues },
    vi: `Bộ chỉ số không hợp lệ: ${head.map((i) => i.vi).join('; ')}`,
    en: `The indicator set is not valid: ${head.map((i) => i.en).join('; ')}`,
  });
}

/** Names a schema problem by the indicator's (or group's, figure's, rule's) code where the path goes through one. */
function whereOf(raw: unknown, path: PropertyKey[]): string {
  const [list, index] = path;
  if (typeof list === 'string' && typeof index === 'number' && raw && typeof raw === 'object') {
    const item = (raw as Record<string, unknown>)[list];
    const code = Array.isArray(item) ? (item[index] as { code?: unknown } | undefined)?.code : undefined;
    const rest = path.slice(2).join('.');
    if (typeof code === 'string') return `${code}${rest ? `.${rest}` : ''}`;
  }
  return path.join('.') || '(set)';
}

const DATA_DIR = fileURLToPath(new URL('../../../data/readiness/', import.meta.url));
/** The shipped sets (data/readiness/); a new year's set is a new file, the old ones stay as they were. */
export const SHIPPED_SETS = { '2025-communes': `${DATA_DIR}2025-communes.json`, '2025-departments': `${DATA_DIR}2025-departments.json` } as const;
export type ShippedSetId = keyof typeof SHIPPED_SETS;

export function readSetFile(path: string): LoadedSet {
  return loadSet(JSON.parse(readFileSync(path, 'utf8')));
}

export function loadShippedSet(id: string): LoadedSet {
  if (!(id in SHIPPED_SETS)) throw ReadinessErrors.SET_NOT_FOUND({ details: { id } });
  return readSetFile(SHIPPED_SETS[id as ShippedSetId]);
}

export interface InputField {
  code: string;
  name: Text;
  unit: Text;
  type: 'number' | 'boolean' | 'category';
  categories?: string[];
  platformSource?: PlatformSource;
}

/** What a unit enters (or the platform fills): the figures and the indicators whose rule reads a value. */
export function inputsOf(loaded: LoadedSet): InputField[] {
  const out: InputField[] = loaded.set.figures.map((f) => ({ code: f.code, name: f.name, unit: f.unit, type: 'number' as const, platformSource: f.platformSource }));
  for (const i of loaded.set.indicators) {
    const r = i.rule;
    if (!INPUT_KINDS.includes(r.kind)) continue;
    const type = r.kind === 'boolean' ? 'boolean' : r.kind === 'categorical' ? 'category' : 'number';
    out.push({ code: i.code, name: i.name, unit: i.unit, type, platformSource: i.platformSource, ...(r.kind === 'categorical' ? { categories: r.categories.map((c) => c.value) } : {}) });
  }
  return out;
}
