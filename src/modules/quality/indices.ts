// Evaluates the index definitions (definitions.ts) on a period's figures. Every result says how it was computed: the
// formula in words, the counts used and the arithmetic with the numbers filled in, in Vietnamese and English.
import type { Lang, Text } from '../../platform/web/i18n.ts';
import { COUNTS, type CountKey } from './counts.ts';
import { CIRCULAR_01, DECISION_766, type IndexDefinition, type Rule } from './definitions.ts';
import type { Figures } from './figures.ts';

export interface CountValue {
  key: CountKey;
  label: Text;
  value: number;
}

export interface IndexResult {
  key: string;
  number: string;
  title: Text;
  formula: Text;
  dataNote: Text | null;
  counts: CountValue[];
  /** null when the data hold nothing to score. */
  score: number | null;
  max: number;
  computation: Text;
}

export interface Evaluation {
  law: Text;
  indices: IndexResult[];
  /** Sum of the scores (indices without data count 0) and the most it can be. */
  total: number;
  max: number;
  /** Some index had no data. */
  incomplete: boolean;
  /** Decision 766 only: the grade of the total. */
  band: Text | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const LOCALE = { vi: 'vi-VN', en: 'en-GB' } as const;

function num(lang: Lang, x: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}
function pct(lang: Lang, x: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
}
function both(make: (lang: Lang) => string): Text {
  return { vi: make('vi'), en: make('en') };
}

const NO_DATA: Text = { vi: 'không có dữ liệu để tính', en: 'no data to compute it from' };

function keysOf(rule: Rule): CountKey[] {
  switch (rule.kind) {
    case 'average':
      return Object.keys(rule.points) as CountKey[];
    case 'bands':
      return [rule.numerator, rule.denominator];
    case 'conditions':
      return [...new Set(rule.conditions.flatMap((c) => [c.numerator, c.denominator]))];
    case 'shares':
      return [...new Set(rule.parts.flatMap((p) => [p.numerator, p.denominator]))];
  }
}

function evaluateRule(rule: Rule, v: (k: CountKey) => number): { score: number | null; computation: Text } {
  switch (rule.kind) {
    case 'average': {
      const entries = Object.entries(rule.points) as [CountKey, number][];
      const n = entries.reduce((s, [k]) => s + v(k), 0);
      if (n === 0) {
        if (rule.empty === undefined) return { score: null, computation: NO_DATA };
        const empty = rule.empty;
        return { score: empty, computation: both((l) => (l === 'vi' ? `không có trường hợp nào → ${empty} điểm` : `nothing to count → ${empty} points`)) };
      }
      const score = round2(entries.reduce((s, [k, p]) => s + p * v(k), 0) / n);
      return { score, computation: both((l) => `(${entries.map(([k, p]) => `${p} × ${num(l, v(k))}`).join(' + ')}) ÷ ${num(l, n)} = ${num(l, score, 2)}`) };
    }
    case 'bands': {
      const d = v(rule.denominator);
      if (d === 0) return { score: null, computation: NO_DATA };
      const r = v(rule.numerator) / d;
      const score = rule.bands.find((b) => r >= b.atLeast)?.points ?? 0;
      return { score, computation: both((l) => `${num(l, v(rule.numerator))} ÷ ${num(l, d)} = ${pct(l, r)} → ${score} ${l === 'vi' ? 'điểm' : 'points'}`) };
    }
    case 'conditions': {
      const checks = rule.conditions.map((c) => {
        const d = v(c.denominator);
        const r = d > 0 ? v(c.numerator) / d : null;
        const met = r !== null && (c.atLeast === undefined || r >= c.atLeast) && (c.atMost === undefined || r <= c.atMost);
        return { c, d, r, met };
      });
      const met = checks.filter((x) => x.met).length;
      const score = met === checks.length ? rule.all : met > 0 ? rule.some : rule.none;
      const line = (l: Lang) =>
        checks
          .map((x) => `${x.met ? '✓' : '✗'} ${x.c.text[l]}: ${x.r === null ? NO_DATA[l] : `${num(l, v(x.c.numerator))} ÷ ${num(l, x.d)} = ${pct(l, x.r)}`}`)
          .join('; ') + ` → ${score} ${l === 'vi' ? 'điểm' : 'points'}`;
      return { score, computation: both(line) };
    }
    case 'shares': {
      const parts = rule.parts.filter((p) => v(p.denominator) > 0);
      if (parts.length === 0) return { score: null, computation: NO_DATA };
      const available = parts.reduce((s, p) => s + p.points, 0);
      const max = rule.parts.reduce((s, p) => s + p.points, 0);
      const raw = parts.reduce((s, p) => s + (p.points * v(p.numerator)) / v(p.denominator), 0);
      const score = round2((raw * max) / available);
      const terms = (l: Lang) => parts.map((p) => `${p.points} × ${num(l, v(p.numerator))} ÷ ${num(l, v(p.denominator))}`).join(' + ');
      const scaled = (l: Lang) => (available === max ? '' : l === 'vi' ? ` (phần có dữ liệu ${available} điểm, quy về ${max})` : ` (parts with data worth ${available} points, scaled to ${max})`);
      return { score, computation: both((l) => `${terms(l)}${scaled(l)} = ${num(l, score, 2)}`) };
    }
  }
}

export function evaluateIndex(def: IndexDefinition, f: Figures): IndexResult {
  const value = (k: CountKey) => COUNTS[k].of(f);
  const { score, computation } = evaluateRule(def.rule, value);
  return {
    key: def.key,
    number: def.number,
    title: def.title,
    formula: def.formula,
    dataNote: def.dataNote ?? null,
    counts: keysOf(def.rule).map((key) => ({ key, label: COUNTS[key].label, value: value(key) })),
    score,
    max: def.max,
    computation,
  };
}

function evaluation(law: Text, defs: readonly IndexDefinition[], f: Figures): Omit<Evaluation, 'band'> {
  const indices = defs.map((d) => evaluateIndex(d, f));
  return {
    law,
    indices,
    total: round2(indices.reduce((s, i) => s + (i.score ?? 0), 0)),
    max: indices.reduce((s, i) => s + i.max, 0),
    incomplete: indices.some((i) => i.score === null),
  };
}

/** The nine indices of Circular 01/2018 (0–2 each, 18 in all). */
export function circular01(f: Figures): Evaluation {
  return { ...evaluation(CIRCULAR_01.law, CIRCULAR_01.indices, f), band: null };
}

/** The five groups of the Decision 766 service index (100 points) and the grade of the total. */
export function decision766(f: Figures): Evaluation {
  const e = evaluation(DECISION_766.law, DECISION_766.groups, f);
  return { ...e, band: DECISION_766.bands.find((b) => e.total >= b.atLeast)?.label ?? null };
}
