// The national IT-skills modules and the certificate rules.
// Circular 03/2014/TT-BTTTT: the basic standard is IU01–IU06, the advanced modules are IU07–IU15.
// Joint Circular 17/2016/TTLT-BGDĐT-BTTTT: a module is passed when both the theory and the practical part reach 5/10
// (art. 13); the basic certificate needs the 6 basic modules; the advanced one needs the basic certificate's modules
// and 3 of the 9 advanced modules (art. 19).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Text } from '../../platform/web/i18n.ts';

export type Level = 'basic' | 'advanced';
export interface SkillModule {
  code: string;
  level: Level;
  vi: string;
  en: string;
}

const FILE = fileURLToPath(new URL('../../../data/training/modules.json', import.meta.url));
const shipped = JSON.parse(readFileSync(FILE, 'utf8')) as { source: Record<string, string>; modules: SkillModule[] };

export const SKILL_MODULES: readonly SkillModule[] = shipped.modules;
export const MODULE_SOURCE = shipped.source;
export const MODULE_CODES: readonly string[] = SKILL_MODULES.map((m) => m.code);
export const BASIC_MODULES: readonly string[] = SKILL_MODULES.filter((m) => m.level === 'basic').map((m) => m.code);
export const ADVANCED_MODULES: readonly string[] = SKILL_MODULES.filter((m) => m.level === 'advanced').map((m) => m.code);
/** Joint Circular 17/2016, art. 19: 3 of the 9 advanced modules. */
export const ADVANCED_NEEDED = 3;
/** Joint Circular 17/2016, art. 13: each part passes at 5 of 10. */
export const PASS_MARK = 5;

export const moduleName = (code: string): Text => {
  const m = SKILL_MODULES.find((x) => x.code === code);
  return m ? { vi: m.vi, en: m.en } : { vi: code, en: code };
};

/** A sitting passes only when both parts reach the pass mark. */
export const passes = (theory: number, practical: number): boolean => theory >= PASS_MARK && practical >= PASS_MARK;

export type Verdict = { ok: true } | { ok: false; missing: string[]; advancedShort?: number; needsBasic?: boolean };

/** May a trainee who passed these modules (and holds, or not, a valid basic certificate) get a certificate of `kind`? */
export function certificateVerdict(kind: Level, passed: ReadonlySet<string>, holdsBasic: boolean): Verdict {
  const missingBasic = BASIC_MODULES.filter((c) => !passed.has(c));
  if (kind === 'basic') return missingBasic.length === 0 ? { ok: true } : { ok: false, missing: missingBasic };
  const advancedPassed = ADVANCED_MODULES.filter((c) => passed.has(c)).length;
  const short = Math.max(0, ADVANCED_NEEDED - advancedPassed);
  if (holdsBasic && short === 0) return { ok: true };
  return {
    ok: false,
    missing: short > 0 ? ADVANCED_MODULES.filter((c) => !passed.has(c)) : [],
    ...(short > 0 ? { advancedShort: short } : {}),
    ...(holdsBasic ? {} : { needsBasic: true }),
  };
}
