// The machinery shared by document and status packets (QCVN 102:2016/BTTTT, "edXML"): the namespace, the refusals
// with their Vietnamese and English messages, the guarded reading of untrusted XML (size, DOCTYPE, nesting,
// well-formedness), organs (From/To), and the standard's date and timestamp forms.
import { createHash } from 'node:crypto';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { AGENCY_CODE } from '../../units/index.ts';

/** The namespace of QCVN 102:2016 as the national axis (VPCP eDoc SDKs) writes it. */
export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** Elements of the envelope carry this prefix (`edXML:MessageHeader`), as the SDKs' packets do. */
const P = 'edXML:';
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Our packets nest 6 deep; anything past this is refused before it can exhaust the stack. */
export const MAX_DEPTH = 32;

export interface ParseOptions {
  /** The largest packet accepted, in bytes (default 50 MB). */
  maxBytes?: number;
}

export type EdxmlErrorReason =
  | 'not_xml'
  | 'doctype'
  | 'too_deep'
  | 'too_large'
  | 'not_edxml'
  | 'missing_field'
  | 'bad_organ_id'
  | 'bad_date'
  | 'unknown_document_type'
  | 'unknown_status'
  | 'bad_value'
  | 'hash_mismatch';

const MESSAGES: Record<EdxmlErrorReason, (d: string) => { vi: string; en: string }> = {
  not_xml: (d) => ({ vi: `Gói tin không phải XML hợp lệ (UTF-8)${d ? `: ${d}` : ''}.`, en: `The packet is not well-formed UTF-8 XML${d ? `: ${d}` : ''}.` }),
  doctype: () => ({
    vi: 'Gói tin có khai báo DOCTYPE/ENTITY; không chấp nhận vì lý do an toàn.',
    en: 'The packet declares a DOCTYPE or entities, which are refused for safety.',
  }),
  too_deep: () => ({
    vi: `Gói tin lồng quá sâu (quá ${MAX_DEPTH} cấp).`,
    en: `The packet is nested too deeply (more than ${MAX_DEPTH} levels).`,
  }),
  too_large: (d) => ({ vi: `Gói tin quá lớn (${d}).`, en: `The packet is too large (${d}).` }),
  not_edxml: (d) => ({
    vi: `Không phải gói tin edXML (QCVN 102:2016)${d ? `: ${d}` : ''}.`,
    en: `Not an edXML packet (QCVN 102:2016)${d ? `: ${d}` : ''}.`,
  }),
  missing_field: (d) => ({ vi: `Gói tin thiếu trường bắt buộc ${d}.`, en: `The packet lacks the required field ${d}.` }),
  bad_organ_id: (d) => ({
    vi: `Mã định danh cơ quan không hợp lệ (${d}); mã có 13 ký tự, dạng 000.00.00.H26.`,
    en: `The organ identifier is not valid (${d}); it has 13 characters, like 000.00.00.H26.`,
  }),
  bad_date: (d) => ({ vi: `Ngày không hợp lệ (${d}).`, en: `The date is not valid (${d}).` }),
  unknown_document_type: (d) => ({ vi: `Loại văn bản không xác định (${d}).`, en: `Unknown document type (${d}).` }),
  unknown_status: (d) => ({ vi: `Mã trạng thái không xác định (${d}).`, en: `Unknown status code (${d}).` }),
  bad_value: (d) => ({ vi: `Giá trị không hợp lệ (${d}).`, en: `The value is not valid (${d}).` }),
  hash_mismatch: (d) => ({
    vi: `Tệp đính kèm bị sai lệch: mã băm SHA-256 không khớp (${d}).`,
    en: `An attachment was altered: its SHA-256 hash does not match (${d}).`,
  }),
};

/** A refused packet: `reason` for code, `detail` names the field or value, `vi`/`en` for people. */
export class EdxmlError extends Error {
  readonly reason: EdxmlErrorReason;
  readonly detail: string;
  readonly vi: string;
  readonly en: string;
  constructor(reason: EdxmlErrorReason, detail = '') {
    const { vi, en } = MESSAGES[reason](detail);
    super(`${vi} / ${en}`);
    this.name = 'EdxmlError';
    this.reason = reason;
    this.detail = detail;
    this.vi = vi;
    this.en = en;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export type XNode = { [key: string]: unknown };

/** Repeated elements, always read as arrays (by their path, since `Place` is also PromulgationInfo's). */
const ARRAY_PATHS = [/\.MessageHeader\.To$/, /\.ToPlaces\.Place$/, /\.Reference$/, /\.AttachmentEncoded\.Attachment$/, /\.TraceHeader$/];

function decode(input: string | Buffer, maxBytes: number): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (size > maxBytes) throw new EdxmlError('too_large', `${size} > ${maxBytes} bytes`);
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe)) {
      throw new EdxmlError('not_xml', 'UTF-16');
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new EdxmlError('not_xml', 'invalid UTF-8');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) throw new EdxmlError('not_xml', `encoding ${declared}`);
  return text;
}

/** Parses untrusted XML with every guard, returning the document element's content and its name (prefix dropped). */
export function readXml(input: string | Buffer, options: ParseOptions = {}): { root: string; node: XNode } {
  const text = decode(input, options.maxBytes ?? DEFAULT_MAX_BYTES);
  // No DOCTYPE at all: no entity expansion ("billion laughs"), no external entities. Refused before any parser sees it.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new EdxmlError('doctype');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new EdxmlError('not_xml', `${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // numeric character references (&#7889;) decoded; named entities beyond XML's five are not defined anyway
    htmlEntities: true,
    maxNestedTags: MAX_DEPTH,
    isArray: (_name: string, jpath: unknown) => typeof jpath === 'string' && ARRAY_PATHS.some((re) => re.test(jpath)),
  });
  let parsed: XNode;
  try {
    parsed = parser.parse(text) as XNode;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/nested/i.test(msg)) throw new EdxmlError('too_deep');
    throw new EdxmlError('not_xml', msg);
  }
  const roots = Object.keys(parsed).filter((k) => !k.startsWith('?'));
  if (roots.length !== 1) throw new EdxmlError('not_xml', 'exactly one document element expected');
  const root = roots[0] as string;
  const node = parsed[root];
  return { root, node: isNode(node) ? node : {} };
}

function isNode(v: unknown): v is XNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The header of an edXML envelope: `edXML > edXMLEnvelope > edXMLHeader`, or a not_edxml refusal. */
export function readEnvelope(input: string | Buffer, options: ParseOptions = {}): { root: XNode; envelope: XNode; header: XNode } {
  const { root: name, node: root } = readXml(input, options);
  if (name !== 'edXML') throw new EdxmlError('not_edxml', `root element <${name}>`);
  const envelope = child(root, 'edXMLEnvelope', 'edXML');
  if (!envelope) throw new EdxmlError('not_edxml', 'no edXMLEnvelope');
  const header = child(envelope, 'edXMLHeader', 'edXMLEnvelope');
  if (!header) throw new EdxmlError('not_edxml', 'no edXMLHeader');
  return { root, envelope, header };
}

/** A child element (an empty one reads as {}), or undefined; a repeated one is refused. */
export function child(node: XNode | undefined, name: string, path: string): XNode | undefined {
  const v = node?.[name];
  if (v === undefined) return undefined;
  if (v === '') return {};
  if (isNode(v)) return v;
  if (Array.isArray(v)) throw new EdxmlError('bad_value', `${path}/${name} repeated`);
  return { '#text': v };
}

export function requiredChild(node: XNode | undefined, name: string, path: string): XNode {
  const c = child(node, name, path);
  if (!c) throw new EdxmlError('missing_field', `${path}/${name}`);
  return c;
}

/** The children named `name` that the parser keeps as arrays (To, Reference, ...). */
export function children(node: XNode | undefined, name: string): XNode[] {
  const v = node?.[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (isNode(x) ? x : x === '' ? {} : { '#text': x }));
}

/** The text of a child element ('' when empty, undefined when absent). */
export function text(node: XNode | undefined, name: string, path: string): string | undefined {
  const v = node?.[name];
  if (v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) throw new EdxmlError('bad_value', `${path}/${name} repeated`);
  if (isNode(v)) {
    const t = v['#text'];
    return t === undefined ? '' : String(t);
  }
  return undefined;
}

/** Text that must be there and not be blank. */
export function requiredText(node: XNode | undefined, name: string, path: string): string {
  const t = text(node, name, path);
  if (t === undefined || t.trim() === '') throw new EdxmlError('missing_field', `${path}/${name}`);
  return t;
}

export function textOrUndefined(node: XNode | undefined, name: string, path: string): string | undefined {
  const t = text(node, name, path);
  return t === undefined || t === '' ? undefined : t;
}

export function intValue(value: string, field: string, min = 0): number {
  if (!/^\d{1,9}$/.test(value.trim())) throw new EdxmlError('bad_value', `${field} = ${value}`);
  const n = Number(value.trim());
  if (n < min) throw new EdxmlError('bad_value', `${field} = ${value}`);
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Characters XML 1.0 cannot carry at all; dropped from text rather than written into a packet no one can read. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g; // eslint-disable-line no-control-regex

/** A builder node: `el({ Name: value })` prefixes every element name and drops absent values. */
export type Out = { [key: string]: unknown };

export function el(fields: Record<string, unknown>, prefix = P): Out {
  const out: Out = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    const key = k.startsWith('@_') || k === '#text' ? k : prefix + k;
    out[key] = clean(v);
  }
  return out;
}

function clean(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(XML_ILLEGAL, '');
  if (Array.isArray(v)) return v.map(clean);
  return v;
}

/** The whole packet: `<edXML>` (default namespace and the `edXML:` prefix) around the envelope, plus root-level
 *  extras (the attachments' AttachmentEncoded). */
export function writePacket(envelope: Out, extra: Out = {}): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    edXML: { '@_xmlns': EDXML_NS, '@_xmlns:edXML': EDXML_NS, [`${P}edXMLEnvelope`]: envelope, ...extra },
  }) as string;
}

// ---------------------------------------------------------------------------------------------------------------
// Organs

/** An agency as edXML's From/To carries it. `id` is the 13-character code of Decision 20/2020/QĐ-TTg. */
export interface Organ {
  id: string;
  name: string;
  /** OrganizationInCharge: the governing body (cơ quan chủ quản). */
  inCharge?: string;
  address?: string;
  email?: string;
  phone?: string;
}

export function checkOrganId(id: string, field: string): void {
  if (typeof id !== 'string' || !AGENCY_CODE.test(id)) throw new EdxmlError('bad_organ_id', `${field}: ${String(id)}`);
}

/** From/To as the SDKs write them. The brief's "OrganInCharge" appears in the SDKs as `OrganizationInCharge`;
 *  both are read. */
export function organOut(o: Organ, field: string): Out {
  checkOrganId(o.id, field);
  if (!o.name?.trim()) throw new EdxmlError('missing_field', `${field}/OrganName`);
  return el({
    OrganId: o.id,
    OrganizationInCharge: o.inCharge,
    OrganName: o.name,
    OrganAdd: o.address,
    Email: o.email,
    Telephone: o.phone,
  });
}

export function organIn(node: XNode, path: string): Organ {
  const id = requiredText(node, 'OrganId', path).trim();
  checkOrganId(id, `${path}/OrganId`);
  const organ: Organ = { id, name: requiredText(node, 'OrganName', path) };
  const inCharge = textOrUndefined(node, 'OrganizationInCharge', path) ?? textOrUndefined(node, 'OrganInCharge', path);
  if (inCharge !== undefined) organ.inCharge = inCharge;
  const address = textOrUndefined(node, 'OrganAdd', path);
  if (address !== undefined) organ.address = address;
  const email = textOrUndefined(node, 'Email', path);
  if (email !== undefined) organ.email = email;
  const phone = textOrUndefined(node, 'Telephone', path);
  if (phone !== undefined) organ.phone = phone;
  return organ;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates. The SDKs write dates `yyyy/MM/dd` and timestamps `yyyy/MM/dd HH:mm:ss` (Vietnam time, no zone); the API
// speaks ISO. Reading accepts either separator and ignores a time after a date.

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** ISO `yyyy-mm-dd` → `yyyy/MM/dd`, refusing what is not a real date. */
export function dateOut(iso: string, field: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof iso === 'string' ? iso : '');
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new EdxmlError('bad_date', `${field}: ${String(iso)}`);
  return `${m[1]}/${m[2]}/${m[3]}`;
}

/** `yyyy/MM/dd` or `yyyy-MM-dd` (a time after it ignored) → ISO `yyyy-mm-dd`. */
export function dateIn(value: string, field: string): string {
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new EdxmlError('bad_date', `${field}: ${value}`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const VN_OFFSET_MS = 7 * 3600_000;

/** A moment → `yyyy/MM/dd HH:mm:ss` in Vietnam time (UTC+7), the SDKs' form. */
export function timestampOut(at: Date | string, field: string): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) throw new EdxmlError('bad_date', `${field}: ${String(at)}`);
  const v = new Date(d.getTime() + VN_OFFSET_MS).toISOString();
  return `${v.slice(0, 4)}/${v.slice(5, 7)}/${v.slice(8, 10)} ${v.slice(11, 19)}`;
}

/** `yyyy/MM/dd HH:mm:ss` (taken as Vietnam time) or ISO 8601 with a zone → an ISO instant (UTC). */
export function timestampIn(value: string, field: string): string {
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) {
    throw new EdxmlError('bad_date', `${field}: ${value}`);
  }
  const zone = m[8] ? (m[8] === 'Z' ? 'Z' : `${m[8].slice(0, 3)}:${m[8].slice(-2)}`) : '+07:00';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${zone}`);
  if (Number.isNaN(d.getTime())) throw new EdxmlError('bad_date', `${field}: ${value}`);
  return d.toISOString();
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
