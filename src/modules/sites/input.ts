// An article as an editor typed it → the values stored, or the errors shown beside the fields (nothing is saved then).
// Text is NFC (the platform's input hook normalises every string); the body is sanitised here, the only way in.
import type { FieldError } from '../../platform/http/errors.ts';
import { richTextToPlain, sanitizeRichText } from '../../platform/text/rich-text.ts';
import { slugify } from '../../platform/text/slug.ts';
import { parseIsoDate } from '../../platform/calendar/index.ts';
import type { ArticleKind, ArticleValues, Category } from './repo.ts';
import { FIELDS, inputErrors as m } from './messages.ts';
import { SiteErrors } from './errors.ts';

export const ARTICLE_KINDS: readonly ArticleKind[] = ['news', 'announcement', 'direction', 'page'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LIMITS = { title: 300, slug: 120, summary: 1000, body: 200_000, tags: 500, documentNo: 100, signer: 200, note: 500 } as const;

/** What the form sends back, as typed: shown again when refused. */
export interface ArticleForm {
  kind: string;
  title: string;
  slug: string;
  summary: string;
  body: string;
  category: string;
  tags: string;
  featured: string;
  documentNo: string;
  documentDate: string;
  signer: string;
  note: string;
  version: string;
}

export const EMPTY_FORM: ArticleForm = { kind: 'news', title: '', slug: '', summary: '', body: '', category: '', tags: '', featured: '', documentNo: '', documentDate: '', signer: '', note: '', version: '' };

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function articleForm(body: unknown): ArticleForm {
  const b = (body ?? {}) as Record<string, unknown>;
  const out = { ...EMPTY_FORM };
  for (const k of Object.keys(EMPTY_FORM) as (keyof ArticleForm)[]) out[k] = k === 'body' ? (typeof b[k] === 'string' ? (b[k] as string) : '') : str(b[k]);
  return out;
}

/** The tags of "Giao thông, đô thị ,, giao thông": distinct, trimmed, at most 20. */
export function parseTags(s: string): string[] {
  const seen = new Set<string>();
  for (const t of s.split(',')) {
    const tag = t.trim().replace(/\s+/g, ' ');
    if (tag && seen.size < 20) seen.add(tag);
  }
  return [...seen];
}

export function validateArticle(f: ArticleForm, categories: readonly Category[]): ArticleValues & { note: string } {
  const errors: FieldError[] = [];
  const need = (field: string, v: string, name: (typeof FIELDS)[keyof typeof FIELDS], max: number): void => {
    if (v === '') errors.push({ field, message: m.missing(name) });
    else if (v.length > max) errors.push({ field, message: m.tooLong(name, max) });
  };
  const kind = (ARTICLE_KINDS as readonly string[]).includes(f.kind) ? (f.kind as ArticleKind) : undefined;
  if (!kind) errors.push({ field: 'kind', message: m.choice(FIELDS.kind) });
  need('title', f.title, FIELDS.title, LIMITS.title);
  const slug = f.slug === '' ? slugify(f.title).slice(0, LIMITS.slug).replace(/-+$/, '') : f.slug;
  if (f.slug !== '' && (!SLUG.test(f.slug) || f.slug.length > LIMITS.slug)) errors.push({ field: 'slug', message: m.slug(FIELDS.slug) });
  if (f.summary.length > LIMITS.summary) errors.push({ field: 'summary', message: m.tooLong(FIELDS.summary, LIMITS.summary) });
  if (f.tags.length > LIMITS.tags) errors.push({ field: 'tags', message: m.tooLong(FIELDS.tags, LIMITS.tags) });
  if (f.note.length > LIMITS.note) errors.push({ field: 'note', message: m.tooLong(FIELDS.note, LIMITS.note) });
  let body = '';
  if (f.body.trim() === '') errors.push({ field: 'body', message: m.missing(FIELDS.body) });
  else if (f.body.length > LIMITS.body) errors.push({ field: 'body', message: m.tooLong(FIELDS.body, LIMITS.body) });
  else {
    body = sanitizeRichText(f.body);
    if (richTextToPlain(body).trim() === '' && !/<img\b/.test(body)) errors.push({ field: 'body', message: m.emptyBody(FIELDS.body) });
  }
  const category = f.category === '' ? null : categories.find((c) => String(c.id) === f.category);
  if (category === undefined) errors.push({ field: 'category', message: m.choice(FIELDS.category) });
  let documentDate: string | null = null;
  if (f.documentDate !== '') {
    try {
      parseIsoDate(f.documentDate);
      documentDate = f.documentDate;
    } catch {
      errors.push({ field: 'documentDate', message: m.date(FIELDS.documentDate) });
    }
  }
  if (f.documentNo.length > LIMITS.documentNo) errors.push({ field: 'documentNo', message: m.tooLong(FIELDS.documentNo, LIMITS.documentNo) });
  if (f.signer.length > LIMITS.signer) errors.push({ field: 'signer', message: m.tooLong(FIELDS.signer, LIMITS.signer) });
  // A direction document is cited by its number and notation (DOMAIN §7): it cannot be published without one.
  if (kind === 'direction' && f.documentNo === '') errors.push({ field: 'documentNo', message: m.directionNeedsNo(FIELDS.documentNo) });
  if (errors.length > 0 || !kind || category === undefined) throw SiteErrors.INVALID_ARTICLE({ fields: errors });
  return {
    kind,
    slug: slug === '' ? 'bai-viet' : slug,
    title: f.title,
    summary: f.summary,
    body_html: body,
    body_text: richTextToPlain(body),
    category_id: category ? category.id : null,
    tags: parseTags(f.tags),
    featured: f.featured === 'on' || f.featured === 'true',
    document_no: f.documentNo || null,
    document_date: documentDate,
    signer: f.signer || null,
    note: f.note,
  };
}

/** "2026-12-24T08:00" typed on the Vietnam clock (UTC+7, no daylight saving) → the instant; '' → undefined. */
export function parsePublishAt(s: string): Date | undefined {
  if (s === '') return undefined;
  const mm = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(s);
  if (!mm) throw SiteErrors.INVALID_ARTICLE({ fields: [{ field: 'publishAt', message: m.dateTime(FIELDS.publishAt) }] });
  const d = new Date(`${mm[1]}T${mm[2]}:${mm[3]}:00+07:00`);
  if (Number.isNaN(d.getTime()) || Number(mm[2]) > 23 || Number(mm[3]) > 59) {
    throw SiteErrors.INVALID_ARTICLE({ fields: [{ field: 'publishAt', message: m.dateTime(FIELDS.publishAt) }] });
  }
  return d;
}
