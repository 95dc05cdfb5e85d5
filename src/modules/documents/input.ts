// Form values of documents, checked field by field; every error names its field in Vietnamese and English. The
// values come back typed as they were, so a refused form is shown again with nothing lost.
import { isInputDate } from '../../platform/calendar/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { AGENCY_CODE } from '../units/index.ts';
import { DocumentErrors } from './errors.ts';
import { FIELDS as f, fieldErrors as m } from './messages.ts';
import { parseNumberNotation } from './numbering.ts';
import { documentType, OFFICIAL_LETTER, SECRECY, URGENCIES, type Secrecy, type Urgency } from './types.ts';

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
export const listOf = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');

export interface IncomingValues {
  typeCode: string;
  author: string;
  authorCode: string;
  numberNotation: string;
  documentDate: string;
  summary: string;
  signerName: string;
  urgency: string;
  secrecy: string;
  pageCount: string;
  dueDate: string;
}

export const EMPTY_INCOMING: IncomingValues = { typeCode: OFFICIAL_LETTER, author: '', authorCode: '', numberNotation: '', documentDate: '', summary: '', signerName: '', urgency: 'normal', secrecy: 'normal', pageCount: '', dueDate: '' };

export function incomingValues(b: Body): IncomingValues {
  return {
    typeCode: str(b.typeCode),
    author: str(b.author).trim(),
    authorCode: str(b.authorCode).trim(),
    numberNotation: str(b.numberNotation).trim(),
    documentDate: str(b.documentDate).trim(),
    summary: str(b.summary).trim(),
    signerName: str(b.signerName).trim(),
    urgency: str(b.urgency) || 'normal',
    secrecy: str(b.secrecy) || 'normal',
    pageCount: str(b.pageCount).trim(),
    dueDate: str(b.dueDate).trim(),
  };
}

export interface IncomingData {
  typeCode: string;
  author: string;
  authorCode: string | null;
  number: number;
  notation: string;
  documentDate: string;
  summary: string;
  signerName: string;
  urgency: Urgency;
  secrecy: Secrecy;
  pageCount: number | null;
  dueDate: string | null;
}

function text(errors: FieldError[], field: keyof typeof f, v: string, max: number, required = true): string {
  if (required && v === '') errors.push({ field, message: m.missing(f[field]) });
  else if (v.length > max) errors.push({ field, message: m.tooLong(f[field], max) });
  return v;
}

function date(errors: FieldError[], field: keyof typeof f, v: string, today: string | null, required = true): string | null {
  if (v === '') {
    if (required) errors.push({ field, message: m.missing(f[field]) });
    return null;
  }
  if (!isInputDate(v)) {
    errors.push({ field, message: m.date(f[field]) });
    return null;
  }
  if (today !== null && v > today) errors.push({ field, message: m.future(f[field]) });
  return v;
}

function int(errors: FieldError[], field: keyof typeof f, v: string, min: number, max: number): number | null {
  if (v === '') return null;
  const n = /^\d{1,6}$/.test(v) ? Number(v) : NaN;
  if (!(n >= min && n <= max)) {
    errors.push({ field, message: m.range(f[field], min, max) });
    return null;
  }
  return n;
}

export function choice<T extends string>(errors: FieldError[], field: keyof typeof f, v: string, options: Record<T, unknown>): T {
  if (!Object.hasOwn(options, v)) errors.push({ field, message: m.choose(f[field]) });
  return v as T;
}

export function validateIncoming(v: IncomingValues, today: string): IncomingData {
  const errors: FieldError[] = [];
  if (!documentType(v.typeCode)) errors.push({ field: 'typeCode', message: m.choose(f.typeCode) });
  const author = text(errors, 'author', v.author, 300);
  if (v.authorCode !== '' && !AGENCY_CODE.test(v.authorCode)) errors.push({ field: 'authorCode', message: m.authorCode });
  const nn = parseNumberNotation(v.numberNotation);
  if (v.numberNotation === '') errors.push({ field: 'numberNotation', message: m.missing(f.numberNotation) });
  else if (!nn) errors.push({ field: 'numberNotation', message: m.numberNotation });
  const documentDate = date(errors, 'documentDate', v.documentDate, today);
  const summary = text(errors, 'summary', v.summary, 1000);
  const signerName = text(errors, 'signerName', v.signerName, 200, false);
  const urgency = choice(errors, 'urgency', v.urgency, URGENCIES);
  const secrecy = choice(errors, 'secrecy', v.secrecy, SECRECY);
  const pageCount = int(errors, 'pageCount', v.pageCount, 1, 10000);
  const dueDate = date(errors, 'dueDate', v.dueDate, null, false);
  if (errors.length > 0) throw DocumentErrors.INVALID({ fields: errors });
  return {
    typeCode: v.typeCode,
    author,
    authorCode: v.authorCode || null,
    number: nn!.number,
    notation: nn!.notation,
    documentDate: documentDate!,
    summary,
    signerName,
    urgency,
    secrecy,
    pageCount,
    dueDate,
  };
}

export interface OutgoingValues {
  typeCode: string;
  legal: boolean;
  summary: string;
  body: string;
  draftingUnit: string;
  signerName: string;
  signerPosition: string;
  signerCompetence: string;
  urgency: string;
  secrecy: string;
  copies: string;
  recipients: string;
  internal: string[];
  emails: string;
  readers: string[];
  replyTo: string;
}

export const EMPTY_OUTGOING: OutgoingValues = {
  typeCode: OFFICIAL_LETTER,
  legal: false,
  summary: 'V/v ',
  body: '',
  draftingUnit: 'VP',
  signerName: '',
  signerPosition: '',
  signerCompetence: '',
  urgency: 'normal',
  secrecy: 'normal',
  copies: '1',
  recipients: '',
  internal: [],
  emails: '',
  readers: [],
  replyTo: '',
};

export function outgoingValues(b: Body): OutgoingValues {
  return {
    typeCode: str(b.typeCode),
    legal: str(b.legal) === 'on' || str(b.legal) === 'true',
    summary: str(b.summary).trim(),
    body: str(b.body).replace(/\r\n?/g, '\n').trim(),
    draftingUnit: str(b.draftingUnit).trim(),
    signerName: str(b.signerName).trim(),
    signerPosition: str(b.signerPosition).trim(),
    signerCompetence: str(b.signerCompetence).trim(),
    urgency: str(b.urgency) || 'normal',
    secrecy: str(b.secrecy) || 'normal',
    copies: str(b.copies).trim() || '1',
    recipients: str(b.recipients).replace(/\r\n?/g, '\n').trim(),
    internal: listOf(b.internal),
    emails: str(b.emails).replace(/\r\n?/g, '\n').trim(),
    readers: listOf(b.readers),
    replyTo: str(b.replyTo),
  };
}

export interface OutgoingData {
  typeCode: string;
  series: 'admin' | 'legal';
  summary: string;
  body: string;
  draftingUnit: string;
  signerName: string;
  signerPosition: string;
  signerCompetence: string;
  urgency: Urgency;
  secrecy: Secrecy;
  copies: number;
  recipients: string;
  internal: string[];
  /** Recipients by e-mail (outside the platform and the exchange axis); absent: none. */
  emails?: string[];
  readers: number[];
  replyTo: number | null;
}

const EMAIL = /^[^\s@<>()]{1,64}@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const DRAFTING_UNIT = /^[\p{Lu}\d]{1,12}$/u;

export function validateOutgoing(v: OutgoingValues): OutgoingData {
  const errors: FieldError[] = [];
  if (!documentType(v.typeCode)) errors.push({ field: 'typeCode', message: m.choose(f.typeCode) });
  const summary = text(errors, 'summary', v.summary, 1000);
  // Decree 30 Appendix I: an official letter's summary begins with "V/v" (về việc).
  if (v.typeCode === OFFICIAL_LETTER && summary !== '' && !/^V\/v\s+\S/.test(summary)) errors.push({ field: 'summary', message: m.letterSummary });
  const body = text(errors, 'body', v.body, 100_000);
  if (v.typeCode === OFFICIAL_LETTER && !DRAFTING_UNIT.test(v.draftingUnit)) errors.push({ field: 'draftingUnit', message: m.missing(f.draftingUnit) });
  const signerName = text(errors, 'signerName', v.signerName, 200, false);
  const signerPosition = text(errors, 'signerPosition', v.signerPosition, 200, false);
  const signerCompetence = text(errors, 'signerCompetence', v.signerCompetence, 100, false);
  const urgency = choice(errors, 'urgency', v.urgency, URGENCIES);
  const secrecy = choice(errors, 'secrecy', v.secrecy, SECRECY);
  const copies = int(errors, 'copies', v.copies, 1, 10000) ?? 1;
  const recipients = text(errors, 'recipients', v.recipients, 5000, false);
  const emails = [...new Set(v.emails.split(/[\n,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (emails.length > 50) errors.push({ field: 'emails', message: m.range(f.emails, 0, 50) });
  const badEmail = emails.find((e) => !EMAIL.test(e));
  if (badEmail) errors.push({ field: 'emails', message: m.email(badEmail) });
  // A confidential document never leaves by e-mail (nor over the exchange axis).
  else if (emails.length > 0 && v.secrecy === 'confidential') errors.push({ field: 'emails', message: m.secretByMail });
  const readers = v.readers.filter((r) => /^\d{1,12}$/.test(r)).map(Number);
  const replyTo = /^\d{1,12}$/.test(v.replyTo) ? Number(v.replyTo) : null;
  if (errors.length > 0) throw DocumentErrors.INVALID({ fields: errors });
  return {
    typeCode: v.typeCode,
    series: v.legal ? 'legal' : 'admin',
    summary,
    body,
    draftingUnit: v.typeCode === OFFICIAL_LETTER ? v.draftingUnit : '',
    signerName,
    signerPosition,
    signerCompetence,
    urgency,
    secrecy,
    copies,
    recipients,
    internal: v.internal.filter((c) => AGENCY_CODE.test(c)),
    emails,
    readers,
    replyTo,
  };
}
