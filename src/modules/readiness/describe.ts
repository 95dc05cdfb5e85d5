// How an indicator is scored, as a plain sentence in Vietnamese and English (shown beside each input of the form).
import type { Text } from '../../platform/web/i18n.ts';
import type { Indicator } from './sets.ts';

const num = (n: number): string => String(Math.round(n * 100) / 100).replace('.', ',');
const numEn = (n: number): string => String(Math.round(n * 100) / 100);

export function ruleText(i: Indicator): Text {
  const r = i.rule;
  const max = i.max;
  switch (r.kind) {
    case 'steps':
      return {
        vi: `Theo mức: ${r.steps.map((s) => `từ ${num(s.min)} → ${num(s.points)} điểm`).join('; ')}; thấp hơn → 0 điểm.`,
        en: `By steps: ${r.steps.map((s) => `from ${numEn(s.min)} → ${numEn(s.points)} points`).join('; ')}; below → 0 points.`,
      };
    case 'ratio':
      return {
        vi: `Tỷ lệ ${r.numerator} ÷ ${r.denominator} nhân với ${num(max)} điểm (tối đa ${num(max)}); mẫu số bằng 0 → ${r.whenZero === 'full' ? 'đủ điểm' : '0 điểm'}.`,
        en: `The ratio ${r.numerator} ÷ ${r.denominator} times ${numEn(max)} points (at most ${numEn(max)}); a zero denominator → ${r.whenZero === 'full' ? 'full points' : '0 points'}.`,
      };
    case 'relative':
      return {
        vi: `Giá trị của đơn vị ÷ giá trị cao nhất trong nhóm đơn vị × ${num(max)} điểm.`,
        en: `The unit’s value ÷ the best value of the peer group × ${numEn(max)} points.`,
      };
    case 'categorical':
      return {
        vi: `Theo mức: ${r.categories.map((c) => `${c.label.vi} → ${num(c.points ?? (c.share ?? 0) * max)} điểm`).join('; ')}.`,
        en: `By category: ${r.categories.map((c) => `${c.label.en} → ${numEn(c.points ?? (c.share ?? 0) * max)} points`).join('; ')}.`,
      };
    case 'formula':
      return { vi: `Tính theo công thức ${r.expression} (tối đa ${num(max)} điểm).`, en: `Computed as ${r.expression} (at most ${numEn(max)} points).` };
    case 'boolean':
      return { vi: `Có → ${num(max)} điểm; không → 0 điểm.`, en: `Yes → ${numEn(max)} points; no → 0 points.` };
  }
}
