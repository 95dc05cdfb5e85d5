// Shared pieces of the e-form views: the rendering context, labels, the value to show, hint and error.
import { t, type Lang } from '../../../platform/web/i18n.ts';
import type { EformDefinition, EformField } from '../schema.ts';
import type { AddressUnit } from '../address.ts';
import { isRequiredAt, readRaw, schemaAt } from '../paths.ts';
import { form as m } from '../messages.ts';
import { attrValue, describedBy, HintAndError } from '../../../platform/web/layout.tsx';

export { describedBy, HintAndError };

export interface Ctx {
  lang: Lang;
  def: EformDefinition;
  values: Record<string, unknown>;
  /** Error text by field path, in the page's language. */
  errors: Map<string, string>;
  units: readonly AddressUnit[];
}

export interface FieldProps {
  ctx: Ctx;
  path: string;
  field: EformField;
}

export function labelText(ctx: Ctx, path: string, field: EformField): string {
  const label = t(ctx.lang, field.label);
  return isRequiredAt(ctx.def.schema, path) ? label : `${label} ${t(ctx.lang, m.optional)}`;
}

/** The value to show: what was posted or saved, else the schema's default. */
export function shown(ctx: Ctx, path: string): unknown {
  const v = readRaw(ctx.values, path);
  return v === undefined ? schemaAt(ctx.def.schema, path)?.default : v;
}

export function shownText(ctx: Ctx, path: string): string {
  const v = shown(ctx, path);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return '';
}

export function shownList(ctx: Ctx, path: string): string[] {
  const v = shown(ctx, path);
  return (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null).map(String);
}

/** An attribute value as typed (the platform's attrValue: kitajs escapes only the double quote). */
export const attr = attrValue;

