// One Ajv (JSON Schema 2020-12) for every e-form, with a cache of compiled validators: a definition is compiled
// once per process, keyed by the schema object and by a hash of its text (the same form read twice from the
// database is two objects with one hash).
import { createHash } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { EformDefinition } from './schema.ts';
import type { JsonSchema } from './paths.ts';

// strict off: definitions carry UI-side keywords (notFuture) and administrators' annotations.
// logger off: Ajv would warn on the console about what strict mode lets through; unknown formats are refused
// by checkEformDefinition instead.
const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
addFormatsModule.default(ajv);
// Annotation only: the check needs the caller's clock (and Vietnam's date), so validate.ts makes it.
ajv.addKeyword({ keyword: 'notFuture', schemaType: 'boolean' });

interface Compiled {
  validate: ValidateFunction;
  compiledFrom: JsonSchema;
}

const MAX_CACHED = 500;
const byObject = new WeakMap<object, ValidateFunction>();
const byHash = new Map<string, Compiled>();

/** The compiled validator of a schema; throws when the schema is not valid JSON Schema 2020-12. */
export function compiledValidator(schema: JsonSchema): ValidateFunction {
  const seen = byObject.get(schema);
  if (seen) return seen;
  const hash = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  let entry = byHash.get(hash);
  if (!entry) {
    // Without $id: Ajv registers ids globally, and two versions of one form may well share theirs.
    const { $id: _id, ...compiledFrom } = schema;
    entry = { validate: ajv.compile(compiledFrom), compiledFrom };
    if (byHash.size >= MAX_CACHED) evictOldest();
    byHash.set(hash, entry);
  }
  byObject.set(schema, entry.validate);
  return entry.validate;
}

function evictOldest(): void {
  const oldest = byHash.keys().next();
  if (oldest.done) return;
  const entry = byHash.get(oldest.value);
  byHash.delete(oldest.value);
  if (entry) ajv.removeSchema(entry.compiledFrom);
}

export type EformCheck = { ok: true; def: EformDefinition } | { ok: false; issues: string[] };

// The same stored object (a cached procedure version's `eform`) is checked once.
const checked = new WeakMap<object, EformCheck>();

/**
 * Whether `raw` (e.g. a procedure version's `eform` column, or what an administrator uploads) is a usable
 * e-form: the right shape, schema and UI in agreement, known formats, and a schema Ajv compiles. The issues are
 * for administrators (English, technical), not for citizens.
 */
export function checkEformDefinition(raw: unknown): EformCheck {
  const isObject = typeof raw === 'object' && raw !== null;
  const seen = isObject ? checked.get(raw) : undefined;
  if (seen) return seen;
  const result = check(raw);
  if (isObject) checked.set(raw, result);
  return result;
}

function check(raw: unknown): EformCheck {
  const parsed = EformDefinition.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)),
    };
  }
  const unknown = unknownFormats(parsed.data.schema);
  if (unknown.length) return { ok: false, issues: unknown.map((f) => `schema: unknown format "${f}"`) };
  try {
    compiledValidator(parsed.data.schema);
  } catch (err) {
    return { ok: false, issues: [`schema: ${err instanceof Error ? err.message : String(err)}`] };
  }
  return { ok: true, def: parsed.data };
}

/** `format` values Ajv does not know (it would ignore them: a typo must not silently switch a check off). */
function unknownFormats(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const x of node) unknownFormats(x, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'format' && typeof v === 'string' && !Object.hasOwn(ajv.formats, v) && !out.includes(v)) out.push(v);
      else if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples') unknownFormats(v, out);
    }
  }
  return out;
}
