// The e-forms the platform ships (data/eforms/<code>.json), and the choice of a procedure's form: its own if an
// administrator configured a valid one, else the shipped one for its code, else the generic one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EformDefinition } from './schema.ts';
import { checkEformDefinition } from './compile.ts';
import { genericEform, type RequiredDocumentLine } from './generic.ts';

export const EFORMS_DIR = fileURLToPath(new URL('../../../data/eforms/', import.meta.url));

/** Birth, marriage, permanent residence, driving-licence renewal, certified copies. */
export const SHIPPED_EFORM_CODES = ['1.001193', '1.000894', '1.004222', '3.000347', '2.000815'] as const;

const cache = new Map<string, EformDefinition>();

/** The national part of a code: a local variant (1.001193.H26) uses the national form. */
function nationalCode(code: string): string | undefined {
  return /^[0-9]\.[0-9]{6}/.exec(code)?.[0];
}

/** The shipped form for a procedure code (or a local variant of it), or undefined. Throws if a shipped file is broken. */
export function shippedEform(code: string): EformDefinition | undefined {
  const base = nationalCode(code);
  if (!base || !(SHIPPED_EFORM_CODES as readonly string[]).includes(base)) return undefined;
  const hit = cache.get(base);
  if (hit) return hit;
  const raw: unknown = JSON.parse(readFileSync(`${EFORMS_DIR}${base}.json`, 'utf8'));
  const check = checkEformDefinition(raw);
  if (!check.ok) throw new Error(`shipped e-form ${base}.json is not valid: ${check.issues.join('; ')}`);
  cache.set(base, check.def);
  return check.def;
}

export interface ProcedureWithEform {
  code: string;
  /** The procedure version's `eform` column: null until an administrator configures one. */
  eform: unknown;
  name: string;
  documents: readonly RequiredDocumentLine[];
}

export type EformSource = 'procedure' | 'shipped' | 'generic';

export interface ResolvedEform {
  def: EformDefinition;
  source: EformSource;
  /** Why the procedure's own form was not used, when it was set but is not valid (for administrators and logs). */
  issues: string[];
}

export function resolveEform(procedure: ProcedureWithEform): ResolvedEform {
  let issues: string[] = [];
  if (procedure.eform !== null && procedure.eform !== undefined) {
    const check = checkEformDefinition(procedure.eform);
    if (check.ok) return { def: check.def, source: 'procedure', issues };
    issues = check.issues;
  }
  const shipped = shippedEform(procedure.code);
  if (shipped) return { def: shipped, source: 'shipped', issues };
  return { def: genericEform(procedure), source: 'generic', issues };
}

export function eformFor(procedure: ProcedureWithEform): EformDefinition {
  return resolveEform(procedure).def;
}
