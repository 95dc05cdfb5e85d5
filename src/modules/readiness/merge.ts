// The 2025 reform (issue 14): a commune or ward formed from several former units gets its values by a rule declared
// in the set — per figure or indicator, else the set's default: `mean` of the former units' values (as DTI 2024 does
// for merged provinces, INDICATORS.md §1), `sum` for counts, or `largest` (the value of the former unit with the
// largest population). Each merged value records where it came from.
import type { Text } from '../../platform/web/i18n.ts';
import { ReadinessErrors } from './errors.ts';
import { lightOf, round2, type UnitScore, type UnitValues, type Value, valueOf } from './scoring.ts';
import { inputsOf, type LoadedSet, type MergeRule } from './sets.ts';

export interface FormerUnit {
  unit: string;
  name?: string;
  /** Needed by the `largest` rule. */
  population?: number;
  values: UnitValues;
}

export interface Provenance {
  code: string;
  /** The rule declared for the code. */
  rule: MergeRule;
  /** The rule applied: `largest` where `mean` or `sum` met a yes/no or category value. */
  applied: MergeRule;
  from: { unit: string; value: Value }[];
  /** Former units that had no value for the code (left out of a mean or sum). */
  missingFrom: string[];
  note?: Text;
}

export interface Merged {
  values: UnitValues;
  provenance: Provenance[];
}

const present = (v: Value): boolean => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v));

/** The former unit with the largest population (the first listed among equals); every unit needs a population. */
function largestUnit(formers: FormerUnit[]): FormerUnit {
  const unknown = formers.filter((f) => typeof f.population !== 'number');
  if (unknown.length > 0) {
    throw ReadinessErrors.MERGE_NO_POPULATION({
      details: { withoutPopulation: unknown.map((f) => f.unit) },
      vi: `Quy tắc "đơn vị đông dân nhất" cần dân số của mọi đơn vị cũ; thiếu: ${unknown.map((f) => f.unit).join(', ')}`,
      en: `The "largest" rule needs the population of every former unit; missing: ${unknown.map((f) => f.unit).join(', ')}`,
    });
  }
  return formers.reduce((a, b) => (b.population! > a.population! ? b : a));
}

/**
 * Maps the former units' values into the new unit's values, code by code (figures and entered indicators; ratio
 * and formula indicators are computed again from the merged values). `rules` overrides the set's declarations.
 */
export function mergeValues(loaded: LoadedSet, formers: FormerUnit[], rules: Record<string, MergeRule> = {}): Merged {
  if (formers.length === 0) throw ReadinessErrors.MERGE_NO_FORMER_UNITS();
  const values: UnitValues = {};
  const provenance: Provenance[] = [];
  for (const field of inputsOf(loaded)) {
    const declared = (Object.hasOwn(rules, field.code) ? rules[field.code] : undefined) ?? loaded.indicators.get(field.code)?.merge ?? loaded.figures.get(field.code)?.merge ?? loaded.set.merge.default;
    const from = formers.map((f) => ({ unit: f.unit, value: valueOf(f.values, field.code) }));
    const have = from.filter((x) => present(x.value));
    const missingFrom = from.filter((x) => !present(x.value)).map((x) => x.unit);
    const numbers = have.every((x) => typeof x.value === 'number');
    let applied = declared;
    let note: Text | undefined;
    if (declared !== 'largest' && !numbers) {
      applied = 'largest';
      note = {
        vi: `Giá trị có/không hoặc phân loại không thể lấy ${declared === 'mean' ? 'trung bình' : 'tổng'}: lấy theo đơn vị đông dân nhất`,
        en: `A yes/no or category value cannot be ${declared === 'mean' ? 'averaged' : 'added'}: the largest unit's value is taken`,
      };
    }
    let value: Value;
    if (applied === 'largest') {
      const big = largestUnit(formers);
      const v = valueOf(big.values, field.code);
      value = present(v) ? v : null;
      note ??= { vi: `Lấy theo ${big.name ?? big.unit} (đông dân nhất)`, en: `Taken from ${big.name ?? big.unit} (largest population)` };
    } else if (have.length === 0) {
      value = null;
    } else {
      const sum = have.reduce((t, x) => t + (x.value as number), 0);
      value = applied === 'sum' ? sum : sum / have.length;
    }
    values[field.code] = value;
    provenance.push({ code: field.code, rule: declared, applied, from, missingFrom, ...(note ? { note } : {}) });
  }
  return { values, provenance };
}

/**
 * The DTI way (Decision 405/QĐ-BKHCN, INDICATORS.md §1): the new unit's score is the mean of its former units'
 * scores, indicator by indicator; group subtotals and the total follow from those means.
 */
export function mergeScores(loaded: LoadedSet, unit: string, formers: UnitScore[]): UnitScore {
  if (formers.length === 0) throw ReadinessErrors.MERGE_NO_FORMER_UNITS();
  const { set } = loaded;
  const indicators = formers[0]!.indicators.map((first, k) => {
    const points = round2(formers.reduce((t, f) => t + f.indicators[k]!.points, 0) / formers.length);
    const flags = [...new Set(formers.flatMap((f) => f.indicators[k]!.flags))];
    return { ...first, value: null, points, share: points / first.max, light: lightOf(points / first.max, set.lights), flags };
  });
  const groups = set.groups.map((g) => {
    const points = round2(indicators.filter((i) => i.group === g.code).reduce((t, i) => t + i.points, 0));
    return { code: g.code, points, max: g.max, share: points / g.max, light: lightOf(points / g.max, set.lights) };
  });
  const total = round2(indicators.reduce((t, i) => t + i.points, 0));
  return { unit, total, max: set.totalPoints, share: total / set.totalPoints, light: lightOf(total / set.totalPoints, set.lights), groups, indicators };
}
