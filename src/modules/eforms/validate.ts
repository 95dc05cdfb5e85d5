// Validation of a citizen's answers: coerce what was posted to the schema's types, check it with Ajv and with
// the checks JSON Schema cannot express (personal ID structure, Vietnamese phone numbers, dates not in the
// future by Vietnam's calendar, communes of the city), and say what is wrong beside each field, in Vietnamese and
// English, starting with the field's label. One error per field: the first, most specific one.
import type { ErrorObject } from 'ajv';
import type { Text } from '../../platform/web/i18n.ts';
import { parsePersonalId } from '../../platform/text/index.ts';
import type { EformDefinition, EformField } from './schema.ts';
import { coerceAnswers, normalisePhone } from './coerce.ts';
import { compiledValidator } from './compile.ts';
import { owningField, readRaw, schemaAt } from './paths.ts';
import { form as fm, reasons as r } from './messages.ts';

export interface EformError {
  /** The UI field path (`child.fullName`, or `files.<key>` for a document); `fieldId(field)` is its HTML id. */
  field: string;
  message: Text;
}

export type EformValidation = { ok: true; value: Record<string, unknown> } | { ok: false; errors: EformError[] };

export interface ValidateOptions {
  /** The clock (tests); defaults to now. */
  now?: Date;
  /** The communes an address may name (e.g. from loadAddressUnits); without it any 5-digit code passes. */
  units?: readonly { code: string }[];
}

// Vietnam keeps UTC+7 all year: "today" is Vietnam's date, whatever the server's zone.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function validateEform(def: EformDefinition, input: Record<string, unknown>, options: ValidateOptions = {}): EformValidation {
  const value = coerceAnswers(def.schema, def.ui.fields, input);
  const errors = new Map<string, Text>();
  const add = (field: string, message: Text): void => {
    if (!errors.has(field)) errors.set(field, message);
  };
  // The engine's own checks go first: "not a valid province code" says more than "not in the right format".
  widgetChecks(def, value, options, add);
  const validate = compiledValidator(def.schema);
  if (!validate(value)) {
    for (const e of validate.errors ?? []) {
      const mapped = mapAjvError(def, e);
      if (mapped) add(mapped.field, mapped.message);
    }
  }
  if (errors.size === 0) return { ok: true, value };
  return { ok: false, errors: inFormOrder(def, errors) };
}

function widgetChecks(def: EformDefinition, value: Record<string, unknown>, options: ValidateOptions, add: (f: string, m: Text) => void): void {
  const now = options.now ?? new Date();
  const today = new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  const units = options.units ? new Set(options.units.map((u) => u.code)) : undefined;
  for (const [path, field] of Object.entries(def.ui.fields)) {
    const v = readRaw(value, path);
    if (v === undefined) continue;
    if (field.widget === 'personal_id' && typeof v === 'string') {
      const pin = parsePersonalId(v, { now });
      if (!pin.ok) add(path, labelled(field, asReason(pin.message)));
    } else if (field.widget === 'phone' && typeof v === 'string' && normalisePhone(v) === null) {
      add(path, labelled(field, r.phone));
    } else if (field.widget === 'address' && units) {
      const commune = readRaw(value, `${path}.commune`);
      if (typeof commune === 'string' && !units.has(commune)) add(path, labelled(field, r.unknownUnit, fm.addressCommune));
    }
    if (schemaAt(def.schema, path)?.notFuture === true) {
      if (typeof v === 'string' && isRealDate(v) && v > today) add(path, labelled(field, r.notFutureDate));
      if (typeof v === 'number' && v > Number(today.slice(0, 4))) add(path, labelled(field, r.notFutureYear));
    }
  }
}

function isRealDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// Ajv reports a keyword that failed; these only say that one of their branches did, and the branch's own error
// is reported beside it.
const SUMMARY_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf']);

function mapAjvError(def: EformDefinition, e: ErrorObject): EformError | undefined {
  if (SUMMARY_KEYWORDS.has(e.keyword)) return undefined;
  const segs = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .filter((s) => !/^\d+$/.test(s));
  if (e.keyword === 'required' && typeof e.params.missingProperty === 'string') segs.push(e.params.missingProperty);
  const path = segs.join('.');
  const owner = owningField(def.ui.fields, path);
  const field = owner ? def.ui.fields[owner.field] : undefined;
  const partLabel = owner?.part === 'commune' ? fm.addressCommune : owner?.part === 'street' ? fm.addressStreet : undefined;
  const fieldPath = owner?.field ?? path;
  if (field?.widget === 'checkbox' && !field.options && (e.keyword === 'const' || e.keyword === 'required')) {
    return { field: fieldPath, message: r.tickBox };
  }
  return { field: fieldPath, message: labelled(field, reasonFor(e, field, owner?.part), partLabel) };
}

function reasonFor(e: ErrorObject, field: EformField | undefined, part: string | undefined): Text {
  const limit = e.params.limit as unknown;
  switch (e.keyword) {
    case 'required':
      return requiredReason(field, part);
    case 'type':
      return e.params.type === 'integer' ? r.notInteger : e.params.type === 'number' ? r.notNumber : r.wrongType;
    case 'format':
      return e.params.format === 'date' ? r.date : e.params.format === 'email' ? r.email : r.format;
    case 'minLength':
      return typeof limit === 'number' && limit <= 1 ? requiredReason(field, part) : fill(r.minLength, limit);
    case 'maxLength':
      return fill(r.maxLength, limit);
    case 'pattern':
      return r.pattern;
    case 'enum':
      return r.notInList;
    case 'const':
      return e.params.allowedValue === true ? r.tick : r.notInList;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return fill(r[e.keyword], limit);
    case 'formatMinimum':
    case 'formatExclusiveMinimum':
      return fill(r.dateMinimum, displayDate(limit));
    case 'formatMaximum':
    case 'formatExclusiveMaximum':
      return fill(r.dateMaximum, displayDate(limit));
    case 'minItems':
      return limit === 1 ? r.chooseSome : fill(r.minItems, limit);
    case 'maxItems':
      return fill(r.maxItems, limit);
    default:
      return r.invalid;
  }
}

function requiredReason(field: EformField | undefined, part: string | undefined): Text {
  if (part === 'commune') return r.choose;
  if (part) return r.required;
  switch (field?.widget) {
    case 'select':
    case 'radio':
      return r.choose;
    case 'checkbox':
      return field.options ? r.chooseSome : r.tick;
    case 'address':
      return r.address;
    default:
      return r.required;
  }
}

function fill(text: Text, n: unknown): Text {
  const s = String(n);
  return { vi: text.vi.replaceAll('{n}', s), en: text.en.replaceAll('{n}', s) };
}

function displayDate(v: unknown): string {
  const m = typeof v === 'string' ? ISO_DATE.exec(v) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(v);
}

/** "Họ và tên của trẻ: không được để trống"; an address part goes between: "Nơi cư trú – Phường, xã: chưa chọn". */
function labelled(field: EformField | undefined, reason: Text, part?: Text): Text {
  const say = (lang: 'vi' | 'en'): string => {
    const label = field ? field.label[lang] : '';
    const head = part ? (label ? `${label} – ${part[lang]}` : part[lang]) : label;
    return head ? `${head}: ${reason[lang]}` : capitalise(reason[lang]);
  };
  return { vi: say('vi'), en: say('en') };
}

/** A sentence used as a reason after a colon: "Số định danh … chữ số." → "số định danh … chữ số". */
function asReason(sentence: Text): Text {
  const cut = (s: string): string => (s.charAt(0).toLowerCase() + s.slice(1)).replace(/\.$/, '');
  return { vi: cut(sentence.vi), en: cut(sentence.en) };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Errors in the order the fields appear on the page, so the summary reads top to bottom. */
function inFormOrder(def: EformDefinition, errors: Map<string, Text>): EformError[] {
  const order = new Map<string, number>();
  for (const s of def.ui.sections) for (const f of s.fields) order.set(f, order.size);
  return [...errors]
    .map(([field, message]) => ({ field, message }))
    .sort((a, b) => (order.get(a.field) ?? order.size) - (order.get(b.field) ?? order.size));
}
