// From what a browser posts (every value a string, 'child.fullName' flat, checkboxes repeated or absent) to the
// typed, nested answers the JSON Schema describes. Only properties the schema declares are read: anything else
// in the post is dropped here, so unknown fields never reach the dossier (additionalProperties: false, without
// failing the citizen for a stray field).
import { stripControl } from '../../platform/text/index.ts';
import type { EformField } from './schema.ts';
import { isObjectSchema, itemsOf, mainType, propertiesOf, readRaw, requiredOf, type JsonSchema } from './paths.ts';

interface Context {
  input: Record<string, unknown>;
  fields: Record<string, EformField>;
}

/** `value` undefined means "leave the property out"; `present` says whether the citizen gave anything. */
interface Coerced {
  value: unknown;
  present: boolean;
}

const ABSENT: Coerced = { value: undefined, present: false };
const SAFE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export function coerceAnswers(schema: JsonSchema, fields: Record<string, EformField>, input: Record<string, unknown>): Record<string, unknown> {
  const r = coerceObject(schema, '', { input, fields }, true);
  return (r.value as Record<string, unknown> | undefined) ?? {};
}

// A required group (the mother) is always built, even empty, so that each missing answer gets its own error
// beside its field; an optional group (the father, when not known) left wholly blank is left out. A value equal to
// the schema's default (the father's nationality, prefilled "Việt Nam") is what the form offered, not an answer:
// it is kept with the group's other answers but does not make the group present on its own.
function coerceObject(node: JsonSchema, prefix: string, ctx: Context, required: boolean): Coerced {
  const out: Record<string, unknown> = {};
  const req = requiredOf(node);
  let present = false;
  for (const [name, child] of Object.entries(propertiesOf(node))) {
    if (!SAFE_NAME.test(name)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const object = isObjectSchema(child);
    const r = object ? coerceObject(child, path, ctx, req.includes(name)) : coerceLeaf(child, path, ctx);
    present ||= r.present && (object || child.default === undefined || r.value !== child.default);
    if (r.value !== undefined) out[name] = r.value;
  }
  return present || required ? { value: out, present } : ABSENT;
}

function coerceLeaf(node: JsonSchema, path: string, ctx: Context): Coerced {
  const raw = readRaw(ctx.input, path);
  switch (mainType(node)) {
    case 'boolean':
      return coerceBoolean(raw);
    case 'integer':
    case 'number':
      return coerceNumber(raw, mainType(node) === 'integer');
    case 'array':
      return coerceArray(raw, itemsOf(node));
    default: {
      const s = firstString(raw);
      if (s === undefined) return raw === undefined ? ABSENT : { value: raw, present: true };
      const v = normaliseString(s, ctx.fields[path]?.widget);
      return v === '' ? ABSENT : { value: v, present: true };
    }
  }
}

function firstString(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (Array.isArray(raw)) return raw.find((x): x is string => typeof x === 'string');
  return undefined;
}

function normaliseString(s: string, widget: EformField['widget'] | undefined): string {
  const clean = stripControl(s);
  if (widget === 'textarea') return clean.trim();
  const line = clean.replace(/\s+/gu, ' ').trim();
  switch (widget) {
    case 'personal_id':
      return line.replace(/[\s.-]/g, '');
    case 'phone':
      return normalisePhone(line) ?? line;
    case 'email':
      return line.toLowerCase();
    case 'date':
      return isoDate(line);
    default:
      return line;
  }
}

const TRUE = new Set(['true', 'on', '1', 'yes']);
const FALSE = new Set(['false', 'off', '0', 'no', '']);

// An unticked checkbox sends nothing: absent means false.
function coerceBoolean(raw: unknown): Coerced {
  if (typeof raw === 'boolean') return { value: raw, present: true };
  const s = firstString(raw);
  if (s === undefined) return { value: false, present: false };
  const k = s.trim().toLowerCase();
  if (TRUE.has(k)) return { value: true, present: true };
  if (FALSE.has(k)) return { value: false, present: k !== '' };
  return { value: s, present: true };
}

function coerceNumber(raw: unknown, integer: boolean): Coerced {
  if (typeof raw === 'number') return { value: raw, present: true };
  const s = firstString(raw);
  if (s === undefined) return raw === undefined ? ABSENT : { value: raw, present: true };
  const compact = s.replace(/\s+/gu, '');
  if (compact === '') return ABSENT;
  // Vietnamese write a decimal comma: 2,5.
  const text = integer ? compact : compact.replace(',', '.');
  const ok = integer ? /^[+-]?\d{1,15}$/.test(text) : /^[+-]?\d{1,15}(\.\d{1,15})?$/.test(text);
  return { value: ok ? Number(text) : s.trim(), present: true };
}

function coerceArray(raw: unknown, items: JsonSchema): Coerced {
  if (raw === undefined) return ABSENT;
  const list = Array.isArray(raw) ? raw : [raw];
  const itemType = mainType(items);
  const out: unknown[] = [];
  for (const x of list) {
    const s = firstString(x);
    if (s === undefined || s.trim() === '') continue;
    const v = itemType === 'integer' || itemType === 'number' ? coerceNumber(s, itemType === 'integer').value : s.trim();
    if (!out.includes(v)) out.push(v);
  }
  return out.length ? { value: out, present: true } : ABSENT;
}

/**
 * Vietnamese numbers in national form (0912345678): mobiles are 10 digits starting 03, 05, 07, 08 or 09;
 * landlines 11 digits starting 02 (area code since the 2017 renumbering). +84 or 84 replaces the leading 0;
 * spaces, dots, dashes and brackets are ignored. Null when the number is neither.
 */
export function normalisePhone(raw: string): string | null {
  const s = raw.replace(/[\s.\-()]/g, '');
  const m = /^(?:\+84|84|0)(\d{9,10})$/.exec(s);
  if (!m) return null;
  const national = `0${m[1]}`;
  return /^0[35789]\d{8}$/.test(national) || /^02\d{9}$/.test(national) ? national : null;
}

/** `15/3/2024`, `15-03-2024` or `15.03.2024` (day first, as Vietnamese write) → `2024-03-15`; anything else unchanged. */
export function isoDate(s: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  return m ? `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}` : s;
}
