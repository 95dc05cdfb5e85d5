// Field paths (`child.fullName`), the HTML ids made from them (`f-child-fullName`) and the small part of JSON
// Schema the engine walks: nested `properties`, `required`, `type`, `items`.

/** A JSON Schema node, read loosely: only the keywords the engine walks are typed. */
export interface JsonSchema {
  type?: unknown;
  properties?: unknown;
  required?: unknown;
  items?: unknown;
  enum?: unknown;
  [keyword: string]: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasType(node: JsonSchema, type: string): boolean {
  return node.type === type || (Array.isArray(node.type) && node.type.includes(type));
}

/** The first non-null type of a node ('string' when none is declared). */
export function mainType(node: JsonSchema): string {
  if (typeof node.type === 'string') return node.type;
  if (Array.isArray(node.type)) {
    const t = node.type.find((x): x is string => typeof x === 'string' && x !== 'null');
    if (t) return t;
  }
  return isRecord(node.properties) ? 'object' : 'string';
}

export function isObjectSchema(node: JsonSchema): boolean {
  return mainType(node) === 'object' && isRecord(node.properties);
}

export function propertiesOf(node: JsonSchema): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  if (!isRecord(node.properties)) return out;
  for (const [k, v] of Object.entries(node.properties)) if (isRecord(v)) out[k] = v;
  return out;
}

export function requiredOf(node: JsonSchema): string[] {
  return Array.isArray(node.required) ? node.required.filter((x): x is string => typeof x === 'string') : [];
}

export function itemsOf(node: JsonSchema): JsonSchema {
  return isRecord(node.items) ? node.items : {};
}

/** The schema of the property at `a.b.c`, or undefined. */
export function schemaAt(root: JsonSchema, path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const seg of path.split('.')) {
    if (!node) return undefined;
    const props = propertiesOf(node);
    node = Object.hasOwn(props, seg) ? props[seg] : undefined;
  }
  return node;
}

/** Whether the property at `path` is listed in its parent's `required`. */
export function isRequiredAt(root: JsonSchema, path: string): boolean {
  const cut = path.lastIndexOf('.');
  const parent = cut < 0 ? root : schemaAt(root, path.slice(0, cut));
  return parent ? requiredOf(parent).includes(path.slice(cut + 1)) : false;
}

/** The HTML id of a field: `child.fullName` → `f-child-fullName` (property names never contain '-'). */
export function fieldId(path: string): string {
  return `f-${path.replaceAll('.', '-')}`;
}

/** The form field name of an attached document: `files.<key>`. */
export function documentFieldName(key: string): string {
  return `files.${key}`;
}

/**
 * The raw value at `path` in what was posted: the flat field `'child.fullName'` of an urlencoded or multipart
 * body, or else the nested `{ child: { fullName } }` of a JSON body or a saved draft.
 */
export function readRaw(input: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(input, path)) return input[path];
  let cur: unknown = input;
  for (const seg of path.split('.')) {
    if (!isRecord(cur) || !Object.hasOwn(cur, seg)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/** Sets `a.b.c` in a nested object, creating the objects on the way. */
export function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const segs = path.split('.');
  let cur = target;
  for (const seg of segs.slice(0, -1)) {
    const next = cur[seg];
    if (isRecord(next)) cur = next;
    else {
      const made: Record<string, unknown> = {};
      cur[seg] = made;
      cur = made;
    }
  }
  const last = segs[segs.length - 1];
  if (last !== undefined) cur[last] = value;
}

/** The UI field that shows `path`: itself, or the nearest enclosing field (an address shows its parts). */
export function owningField(fields: Record<string, unknown>, path: string): { field: string; part?: string } | undefined {
  const segs = path.split('.');
  for (let n = segs.length; n > 0; n--) {
    const candidate = segs.slice(0, n).join('.');
    if (Object.hasOwn(fields, candidate)) {
      const rest = segs.slice(n).join('.');
      return rest ? { field: candidate, part: rest } : { field: candidate };
    }
  }
  return undefined;
}
