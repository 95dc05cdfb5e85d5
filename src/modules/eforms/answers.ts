// The answers of a submitted e-form as people read them (issue 9 "What the citizen typed is part of the dossier"):
// laid out by the form's own sections and labels, each value as text — choices by their label, dates dd/mm/yyyy,
// booleans Có/Không, addresses with the commune's name, attached files by name. One function for every place that
// shows them: the officer's and the citizen's dossier pages, the check-your-answers page, the API, Form 01.
import { t, type Lang } from '../../platform/web/i18n.ts';
import type { EformDefinition, EformField } from './schema.ts';
import { addressText, type AddressUnit, type AddressValue } from './address.ts';
import { fieldId, readRaw } from './paths.ts';
import { answers as m, form as fm } from './messages.ts';

export interface AnswerRow {
  /** The field's path (`child.fullName`), as stored and posted. */
  field: string;
  /** The HTML id of its input on the form (`f-child-fullName`), for "change" links. */
  id: string;
  label: string;
  /** The value as text; '' when nothing was given. */
  value: string;
}

export interface AnswerSection {
  title: string;
  rows: AnswerRow[];
}

export interface AttachedFileName {
  docKey: string;
  originalName: string;
}

export interface AnswersViewOptions {
  /** The city's communes, to name an address's commune (codes are shown otherwise). */
  units?: readonly AddressUnit[] | undefined;
  /** Files attached to the dossier: listed under the form's documents, by name. */
  files?: readonly AttachedFileName[] | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** 2026-02-20 → 20/02/2026 (as Vietnamese papers write dates); anything else as it is. */
export function dateText(v: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return d ? `${d[3]}/${d[2]}/${d[1]}` : v;
}

/** One answer as text, by its field's widget. */
export function answerText(field: EformField, value: unknown, lang: Lang, units: readonly AddressUnit[] = []): string {
  if (value === undefined || value === null || value === '') return '';
  const option = (v: unknown): string => {
    const o = field.options?.find((x) => x.value === String(v));
    return o ? t(lang, o.label) : String(v);
  };
  switch (field.widget) {
    case 'select':
    case 'radio':
      return option(value);
    case 'checkbox':
      if (Array.isArray(value)) return value.map(option).join('; ');
      return t(lang, value === true || value === 'true' || value === 'on' ? m.yes : m.no);
    case 'date':
      return typeof value === 'string' ? dateText(value) : String(value);
    case 'address': {
      if (!isRecord(value)) return typeof value === 'string' ? value : '';
      const a: AddressValue = { commune: String(value.commune ?? ''), street: String(value.street ?? '') };
      return a.commune || a.street ? addressText(a, units) : '';
    }
    default:
      if (Array.isArray(value)) return value.map(String).join('; ');
      return isRecord(value) ? JSON.stringify(value) : String(value as string | number | boolean);
  }
}

/** The e-form's answers by its sections; the documents with the attached files' names last, when files are given. */
export function answersView(def: EformDefinition, formData: Record<string, unknown>, lang: Lang, opts: AnswersViewOptions = {}): AnswerSection[] {
  const units = opts.units ?? [];
  const sections: AnswerSection[] = def.ui.sections.map((s) => ({
    title: t(lang, s.title),
    rows: s.fields.flatMap((path) => {
      const field = def.ui.fields[path];
      if (!field) return [];
      return [{ field: path, id: fieldId(path), label: t(lang, field.label), value: answerText(field, readRaw(formData, path), lang, units) }];
    }),
  }));
  if (opts.files && def.documents.length > 0) {
    const files = opts.files;
    sections.push({
      title: t(lang, fm.documentsTitle),
      rows: def.documents.map((d) => ({
        field: `files.${d.key}`,
        id: fieldId(`files.${d.key}`),
        label: t(lang, d.name),
        value: files
          .filter((f) => f.docKey === d.key)
          .map((f) => f.originalName)
          .join(', '),
      })),
    });
  }
  return sections;
}

export interface AnswerChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** JSON with object keys sorted: the database (jsonb) does not keep the order the answers were written in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRecord(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** The fields whose stored value differs between two sets of answers, in the form's order. */
export function changedAnswers(def: EformDefinition, before: Record<string, unknown>, after: Record<string, unknown>): AnswerChange[] {
  const out: AnswerChange[] = [];
  for (const s of def.ui.sections) {
    for (const path of s.fields) {
      const a = readRaw(before, path);
      const b = readRaw(after, path);
      if (canonical(a) !== canonical(b)) out.push({ field: path, old: a ?? null, new: b ?? null });
    }
  }
  return out;
}

/** A change as the officer reads it: the field's label, the old and the new value as text. */
export function changeText(def: EformDefinition, change: AnswerChange, lang: Lang, units: readonly AddressUnit[] = []): { label: string; old: string; new: string } {
  const field = def.ui.fields[change.field];
  if (!field) return { label: change.field, old: JSON.stringify(change.old), new: JSON.stringify(change.new) };
  return { label: t(lang, field.label), old: answerText(field, change.old, lang, units), new: answerText(field, change.new, lang, units) };
}
