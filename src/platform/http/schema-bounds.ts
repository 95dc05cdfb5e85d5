// Range checks every request schema gets, in one place (an onRoute hook): an integer without its own bounds is a
// 32-bit integer (the database's `integer`), and a date or date-time falls in 1900–2100 (the years the calendar
// and deadline rules cover). A version number of 2147483648 or an apology date in 2200 is a 400, never a 500.
const INT32 = { minimum: -2147483648, maximum: 2147483647 };
const YEARS_1900_2100 = '^(19\\d\\d|20\\d\\d|2100)-';

type Schema = Record<string, unknown>;

function isSchema(v: unknown): v is Schema {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A copy of a JSON schema with the bounds added wherever they are missing. */
export function withBounds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withBounds);
  if (!isSchema(schema)) return schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) {
    // `properties`, `patternProperties`, `$defs` map names to schemas; everything else may be a schema or a list of them.
    if ((k === 'properties' || k === 'patternProperties' || k === '$defs' || k === 'definitions') && isSchema(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, withBounds(s)]));
    } else if (k === 'examples' || k === 'enum' || k === 'const' || k === 'default' || k === 'required') {
      out[k] = v;
    } else {
      out[k] = withBounds(v);
    }
  }
  const types = [out.type].flat();
  if (types.includes('integer')) {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = INT32.maximum;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = INT32.minimum;
  }
  if (types.includes('string') && (out.format === 'date' || out.format === 'date-time') && out.pattern === undefined) {
    out.pattern = YEARS_1900_2100;
  }
  return out;
}

/** The request parts of a route schema with bounds; response schemas are left as they are. */
export function boundRequestSchema<T>(schema: T): T {
  if (!isSchema(schema)) return schema;
  const out: Schema = { ...schema };
  for (const part of ['params', 'querystring', 'query', 'body', 'headers']) {
    if (out[part] !== undefined) out[part] = withBounds(out[part]);
  }
  return out as T;
}
