// Cross-checks of an indicator set that a schema cannot express (issue 14): unique codes, groups that exist, group
// maxima that add up to the set's total (1,000 points in the Hà Nội sets, INDICATORS.md §1–§2), rules consistent
// with the indicator's maximum, expressions that parse and name existing numeric codes, no cycle between computed
// indicators. Each issue names the indicator (or group, figure, rule) in Vietnamese and English.
import { FormulaError, formulaRefs, parseFormula, type Expr } from './formula.ts';
import type { CheckResult, Figure, Indicator, IndicatorSet, LoadedSet } from './sets.ts';

export interface SetIssue {
  /** The code of the indicator, group, figure or validation rule concerned, or '(set)'. */
  where: string;
  vi: string;
  en: string;
}

const EPS = 1e-9;

export function crossCheck(set: IndicatorSet): CheckResult {
  const issues: SetIssue[] = [];
  const add = (where: string, vi: string, en: string) => issues.push({ where, vi: `${where}: ${vi}`, en: `${where}: ${en}` });

  // Codes: one namespace for groups' indicators and figures (both are read by formulas); groups and rules apart.
  const seen = new Set<string>();
  for (const x of [...set.figures, ...set.indicators]) {
    if (seen.has(x.code)) add(x.code, 'mã bị trùng', 'duplicate code');
    seen.add(x.code);
  }
  const dup = (codes: string[], what: { vi: string; en: string }) => {
    const s = new Set<string>();
    for (const c of codes) {
      if (s.has(c)) add(c, `mã ${what.vi} bị trùng`, `duplicate ${what.en} code`);
      s.add(c);
    }
  };
  dup(set.groups.map((g) => g.code), { vi: 'nhóm', en: 'group' });
  dup(set.validations.map((v) => v.code), { vi: 'quy tắc kiểm tra', en: 'validation rule' });

  const indicators = new Map<string, Indicator>(set.indicators.map((i) => [i.code, i]));
  const figures = new Map<string, Figure>(set.figures.map((f) => [f.code, f]));

  // Groups exist, and maxima add up: indicators to their group, groups to the set's total.
  const groupSum = new Map<string, number>(set.groups.map((g) => [g.code, 0]));
  for (const i of set.indicators) {
    if (!groupSum.has(i.group)) add(i.code, `nhóm "${i.group}" không có trong bộ chỉ số`, `group "${i.group}" is not in the set`);
    else groupSum.set(i.group, groupSum.get(i.group)! + i.max);
  }
  for (const g of set.groups) {
    const sum = groupSum.get(g.code)!;
    if (sum === 0) add(g.code, 'nhóm không có chỉ số nào', 'the group has no indicator');
    else if (Math.abs(sum - g.max) > EPS) add(g.code, `tổng điểm tối đa các chỉ số là ${sum}, khác điểm của nhóm ${g.max}`, `its indicators' maxima add up to ${sum}, not the group's ${g.max}`);
  }
  const total = set.groups.reduce((s, g) => s + g.max, 0);
  if (Math.abs(total - set.totalPoints) > EPS) add('(set)', `tổng điểm các nhóm là ${total}, khác tổng điểm ${set.totalPoints}`, `the groups add up to ${total}, not ${set.totalPoints}`);
  if (set.lights.amber >= set.lights.green) add('(set)', 'ngưỡng vàng phải nhỏ hơn ngưỡng xanh', 'the amber threshold must be below the green one');

  // Rules against the indicator's maximum.
  for (const i of set.indicators) {
    const r = i.rule;
    if (r.kind === 'steps') {
      r.steps.forEach((s, k) => {
        if (s.points > i.max + EPS) add(i.code, `bậc ${k + 1} cho ${s.points} điểm, vượt điểm tối đa ${i.max}`, `step ${k + 1} gives ${s.points} points, above the maximum ${i.max}`);
        const prev = r.steps[k - 1];
        if (prev && !(s.min < prev.min)) add(i.code, 'các bậc phải xếp theo ngưỡng giảm dần', 'steps must be listed by decreasing threshold');
      });
    } else if (r.kind === 'categorical') {
      const values = new Set<string>();
      for (const c of r.categories) {
        if (values.has(c.value)) add(i.code, `loại "${c.value}" bị trùng`, `duplicate category "${c.value}"`);
        values.add(c.value);
        if ((c.points === undefined) === (c.share === undefined)) add(i.code, `loại "${c.value}" phải có đúng một trong điểm (points) hoặc tỷ lệ (share)`, `category "${c.value}" needs exactly one of points or share`);
        if (c.points !== undefined && c.points > i.max + EPS) add(i.code, `loại "${c.value}" cho ${c.points} điểm, vượt điểm tối đa ${i.max}`, `category "${c.value}" gives ${c.points} points, above the maximum ${i.max}`);
      }
    }
    if (i.platformSource && !['steps', 'relative', 'boolean'].includes(r.kind)) {
      add(i.code, 'chỉ số tính toán hoặc phân loại không thể lấy số liệu từ nền tảng', 'a computed or categorical indicator cannot take a figure from the platform');
    }
  }

  // Expressions: they parse, and name figures or non-categorical indicators.
  const exprs = new Map<string, Expr>();
  const parse = (key: string, where: string, src: string) => {
    try {
      const e = parseFormula(src);
      exprs.set(key, e);
      for (const ref of formulaRefs(e)) {
        const target = indicators.get(ref);
        if (!target && !figures.has(ref)) add(where, `biểu thức "${src}" dùng mã "${ref}" không có trong bộ chỉ số`, `expression "${src}" refers to "${ref}", which is not in the set`);
        else if (target?.rule.kind === 'categorical') add(where, `biểu thức "${src}" dùng chỉ số phân loại "${ref}" (không phải số)`, `expression "${src}" refers to the categorical indicator "${ref}" (not a number)`);
      }
    } catch (err) {
      if (!(err instanceof FormulaError)) throw err;
      add(where, `biểu thức "${src}" sai cú pháp ở vị trí ${err.at + 1} (${err.message})`, `expression "${src}" is malformed at position ${err.at + 1} (${err.message})`);
    }
  };
  for (const i of set.indicators) {
    if (i.rule.kind === 'formula') parse(i.code, i.code, i.rule.expression);
    if (i.rule.kind === 'ratio') {
      parse(`${i.code}/num`, i.code, i.rule.numerator);
      parse(`${i.code}/den`, i.code, i.rule.denominator);
    }
  }
  for (const v of set.validations) {
    parse(`${v.code}/left`, v.code, v.left);
    parse(`${v.code}/right`, v.code, v.right);
    // A validation rule checks what the unit enters, as it types; computed values are not there yet.
    for (const key of [`${v.code}/left`, `${v.code}/right`]) {
      for (const ref of exprs.has(key) ? formulaRefs(exprs.get(key)!) : []) {
        const k = indicators.get(ref)?.rule.kind;
        if (k === 'formula' || k === 'ratio') add(v.code, `quy tắc kiểm tra dùng chỉ số tính toán "${ref}"; chỉ dùng số liệu nhập`, `the rule refers to the computed indicator "${ref}"; use entered values only`);
      }
    }
  }

  const computeOrder = orderComputed(set, exprs, indicators, add);
  if (issues.length > 0) return { ok: false, issues };
  const loaded: LoadedSet = { set, indicators, figures, exprs, computeOrder };
  return { ok: true, loaded };
}

/** Depth-first order of the computed indicators; a cycle (a formula reading itself, directly or not) is an issue. */
function orderComputed(set: IndicatorSet, exprs: Map<string, Expr>, indicators: Map<string, Indicator>, add: (w: string, vi: string, en: string) => void): string[] {
  const computed = set.indicators.filter((i) => i.rule.kind === 'formula' || i.rule.kind === 'ratio');
  const readsOf = (code: string): string[] => {
    const keys = indicators.get(code)!.rule.kind === 'formula' ? [code] : [`${code}/num`, `${code}/den`];
    const refs = keys.flatMap((k) => (exprs.has(k) ? formulaRefs(exprs.get(k)!) : []));
    return refs.filter((r) => {
      const k = indicators.get(r)?.rule.kind;
      return k === 'formula' || k === 'ratio';
    });
  };
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const reported = new Set<string>();
  const visit = (code: string, path: string[]) => {
    const s = state.get(code);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(code)), code];
      if (!reported.has(code)) {
        for (const c of cycle) reported.add(c);
        add(code, `công thức tạo vòng lặp: ${cycle.join(' → ')}`, `the formulas form a cycle: ${cycle.join(' → ')}`);
      }
      return;
    }
    state.set(code, 'visiting');
    for (const r of readsOf(code)) visit(r, [...path, code]);
    state.set(code, 'done');
    order.push(code);
  };
  for (const i of computed) visit(i.code, []);
  return order;
}
