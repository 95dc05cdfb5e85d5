// The shape of an e-form (biểu mẫu điện tử) as administrators store it on a procedure version: a JSON Schema
// 2020-12 of the answers, UI hints (sections, widgets, bilingual labels) and the documents to attach. The zod
// schema checks the shape and that schema and UI agree, so that every answer has a visible field and every
// field an answer; Ajv then checks that the JSON Schema itself compiles (see checkEformDefinition).
import { z } from 'zod';
import { hasType, isObjectSchema, propertiesOf, schemaAt, type JsonSchema } from './paths.ts';

export const WIDGETS = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'address',
  'personal_id',
  'phone',
  'email',
] as const;
export type Widget = (typeof WIDGETS)[number];

/** What the signed-in citizen's profile can fill in before the first display. */
export const PREFILL_KEYS = ['fullName', 'personalId', 'phone', 'email', 'address'] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

export const ACCEPT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptType = (typeof ACCEPT_TYPES)[number];

/** 50 MB: the upper bound an administrator may set for one document. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Property names are camelCase words, so that `child.fullName` and the id `f-child-fullName` stay unambiguous. */
export const PROPERTY_NAME = /^[a-z][A-Za-z0-9]*$/;
export const FIELD_PATH = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;
/** Attached files are posted as `files.<key>`: no answer may be called `files`. */
export const FILES_PREFIX = 'files';

const SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

export const EformText = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type EformText = z.infer<typeof EformText>;

export const EformOption = z.object({ value: z.string().min(1).max(100), label: EformText });
export type EformOption = z.infer<typeof EformOption>;

export const EformField = z.object({
  widget: z.enum(WIDGETS),
  label: EformText,
  hint: EformText.optional(),
  options: z.array(EformOption).min(1).optional(),
  /** The HTML autocomplete token (e.g. `name`, `tel`, `bday`). */
  autocomplete: z.string().regex(/^[a-z0-9 -]{1,60}$/).optional(),
  prefill: z.enum(PREFILL_KEYS).optional(),
});
export type EformField = z.infer<typeof EformField>;

export const EformSection = z.object({
  title: EformText,
  fields: z.array(z.string().regex(FIELD_PATH)).min(1),
});
export type EformSection = z.infer<typeof EformSection>;

export const EformDocument = z.object({
  key: z.string().regex(PROPERTY_NAME).max(40),
  name: EformText,
  required: z.boolean(),
  originals: z.number().int().min(0).max(99).optional(),
  copies: z.number().int().min(0).max(99).optional(),
  accept: z.array(z.enum(ACCEPT_TYPES)).min(1),
  maxBytes: z.number().int().positive().max(MAX_DOCUMENT_BYTES),
});
export type EformDocument = z.infer<typeof EformDocument>;

const JsonSchemaObject = z.custom<JsonSchema>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: 'schema must be a JSON object',
});

export const EformDefinition = z
  .object({
    version: z.literal(1),
    schema: JsonSchemaObject,
    ui: z.object({
      sections: z.array(EformSection).min(1),
      fields: z.record(z.string().regex(FIELD_PATH), EformField),
    }),
    documents: z.array(EformDocument),
  })
  .superRefine((def, ctx) => {
    for (const message of consistencyIssues(def)) ctx.addIssue({ code: 'custom', message });
  });
export type EformDefinition = z.infer<typeof EformDefinition>;

/** Where schema and UI disagree; empty when they agree. */
function consistencyIssues(def: Pick<EformDefinition, 'schema' | 'ui' | 'documents'>): string[] {
  const issues: string[] = [];
  const { schema, ui } = def;
  if (schema.$schema !== undefined && schema.$schema !== SCHEMA_2020) issues.push(`schema: $schema must be ${SCHEMA_2020}`);
  if (!isObjectSchema(schema)) {
    issues.push('schema: the root must be {"type": "object", "properties": {…}}');
    return issues;
  }
  if (Object.hasOwn(propertiesOf(schema), FILES_PREFIX)) issues.push(`schema: "${FILES_PREFIX}" is reserved for attached documents`);

  const placed = new Map<string, number>();
  for (const section of ui.sections) {
    for (const path of section.fields) {
      placed.set(path, (placed.get(path) ?? 0) + 1);
      if (!Object.hasOwn(ui.fields, path)) issues.push(`ui.sections: "${path}" has no entry in ui.fields`);
    }
  }
  for (const [path, field] of Object.entries(ui.fields)) {
    const n = placed.get(path) ?? 0;
    if (n !== 1) issues.push(`ui.fields: "${path}" must be in exactly one section (is in ${n})`);
    const node = schemaAt(schema, path);
    if (!node) {
      issues.push(`ui.fields: "${path}" is not a property of the schema`);
      continue;
    }
    const problem = widgetProblem(field, node);
    if (problem) issues.push(`ui.fields: "${path}": ${problem}`);
  }
  for (const path of uncoveredLeaves(schema, '', ui.fields)) issues.push(`schema: "${path}" has no entry in ui.fields`);

  const keys = new Set<string>();
  for (const d of def.documents) {
    if (keys.has(d.key)) issues.push(`documents: key "${d.key}" is used twice`);
    keys.add(d.key);
  }
  return issues;
}

function widgetProblem(field: EformField, node: JsonSchema): string | undefined {
  const optionValues = field.options?.map((o) => o.value);
  const enumValues = Array.isArray(node.enum) ? node.enum.map(String) : undefined;
  switch (field.widget) {
    case 'address': {
      const props = propertiesOf(node);
      return isObjectSchema(node) && props.commune && props.street
        ? undefined
        : 'an address is an object with the properties "commune" (unit code) and "street"';
    }
    case 'number':
      return hasType(node, 'number') || hasType(node, 'integer') ? undefined : 'a number field needs type number or integer';
    case 'checkbox':
      if (hasType(node, 'boolean')) return undefined;
      if (!hasType(node, 'array')) return 'a checkbox is a boolean, or an array of options';
      return optionValues ? undefined : 'a group of checkboxes needs options';
    case 'select':
    case 'radio':
      if (!optionValues) return `a ${field.widget} needs options`;
      if (enumValues && optionValues.some((v) => !enumValues.includes(v))) return 'every option must be in the schema enum';
      return undefined;
    default:
      return isObjectSchema(node) || hasType(node, 'array') ? `a ${field.widget} field needs a single value` : undefined;
  }
}

/** Schema properties that no UI field shows: objects are walked into unless a field shows them whole. */
function uncoveredLeaves(node: JsonSchema, prefix: string, fields: Record<string, EformField>): string[] {
  const out: string[] = [];
  for (const [name, child] of Object.entries(propertiesOf(node))) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (!PROPERTY_NAME.test(name)) {
      out.push(`${path} (property names must be camelCase letters and digits)`);
      continue;
    }
    if (Object.hasOwn(fields, path)) continue;
    if (isObjectSchema(child)) out.push(...uncoveredLeaves(child, path, fields));
    else out.push(path);
  }
  return out;
}
