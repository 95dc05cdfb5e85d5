// Document packets of QCVN 102:2016/BTTTT (amended 1:2022), "edXML": an official document sent from one agency to
// others over the national document exchange axis (liên thông văn bản). The layout follows the packets of the
// national axis' SDKs:
//
//   <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
//     <edXML:edXMLEnvelope>
//       <edXML:edXMLHeader>
//         <edXML:MessageHeader>  From, To…, Code, PromulgationInfo, DocumentType, Subject, Content, SignerInfo,
//                                DueDate, ToPlaces, OtherInfo, SteeringType, DocumentId
//         <edXML:TraceHeaderList> TraceHeader (OrganId, Timestamp)
//       <edXML:edXMLBody><edXML:edXMLManifest> Reference… (ContentId, AttachmentName, ContentType, Description)
//     <AttachmentEncoded> Attachment… (ContentId, ContentTransferEncoded = base64)
//
// The attachments' base64 sits in AttachmentEncoded beside the envelope, where the SDKs put it and read it; reading
// also accepts it inside edXMLBody. Each Reference carries a `Checksum` (SHA-256, hex): our addition, not found in
// the standard, so a packet from elsewhere without one is accepted unchecked.
import { DOCUMENT_TYPES, URGENCIES, documentType, type DocumentTypeCode, type Urgency } from '../types.ts';
import {
  DEFAULT_MAX_BYTES,
  EdxmlError,
  child,
  children,
  dateIn,
  dateOut,
  el,
  intValue,
  organIn,
  organOut,
  readEnvelope,
  requiredChild,
  requiredText,
  sha256,
  text,
  textOrUndefined,
  timestampOut,
  writePacket,
  type Organ,
  type Out,
  type ParseOptions,
  type XNode,
} from './xml.ts';

export interface EdxmlAttachment {
  name: string;
  mimeType: string;
  content: Buffer;
  description?: string;
}

export interface EdxmlDocument {
  /** The sender's stable identifier of this document (the standard's DocumentId). */
  documentId: string;
  from: Organ;
  to: Organ[];
  /** `125` and `UBND-VP` of `125/UBND-VP` (Code: CodeNumber, CodeNotation). */
  numberNotation: { number: string; notation: string };
  /** Place of issue (PromulgationInfo/Place), e.g. `Hà Nội`. */
  place: string;
  /** Date of issue, ISO `yyyy-mm-dd` (PromulgationInfo/PromulgationDate). */
  date: string;
  type: { code: DocumentTypeCode; name: string };
  /** The summary (trích yếu), Subject. */
  subject: string;
  content?: string;
  signer: { competence?: string; position: string; fullName: string };
  /** ISO `yyyy-mm-dd`, or null when the document sets no deadline. */
  dueDate: string | null;
  /** OtherInfo/Priority, see PRIORITY. */
  urgency: Urgency;
  /** OtherInfo/PageAmount. */
  pageCount: number;
  /** OtherInfo/PromulgationAmount: the number of copies issued. */
  copies?: number;
  /** ToPlaces/Place: the "Nơi nhận" lines. */
  toPlaces: string[];
  /** SteeringType, carried as the integer it is (0 in every sample found; its code list was not found). */
  steeringType?: number;
  /** OtherInfo/SphereOfPromulgation: the circulation scope (phạm vi lưu hành). */
  sphereOfPromulgation?: string;
  /** OtherInfo/TyperNotation: the typist's initials. */
  typerNotation?: string;
  attachments: EdxmlAttachment[];
}

/** OtherInfo/Priority of QCVN 102: 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc, 4 Hỏa tốc hẹn giờ (timed flash).
 *  Decree 30 (types.ts) has no timed flash, so 4 is read as `flash` and never written. */
export const PRIORITY: Record<Urgency, number> = { normal: 0, urgent: 1, very_urgent: 2, flash: 3 };

export function urgencyOfPriority(priority: number): Urgency {
  if (priority === 4) return 'flash';
  const found = (Object.keys(PRIORITY) as Urgency[]).find((u) => PRIORITY[u] === priority);
  if (!found) throw new EdxmlError('bad_value', `OtherInfo/Priority = ${priority}`);
  return found;
}

export interface BuildOptions extends ParseOptions {
  /** The moment written in the TraceHeader (default now). */
  now?: Date;
}

const MH = 'MessageHeader';

function need(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new EdxmlError('missing_field', field);
  return value;
}

function count(value: number | undefined, field: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min) throw new EdxmlError('bad_value', `${field} = ${String(value)}`);
  return value;
}

/** The packet of a document, UTF-8 XML. Refuses (EdxmlError) what parseDocumentPacket would refuse, so no packet
 *  leaves that a receiver following these rules would turn back. */
export function buildDocumentPacket(doc: EdxmlDocument, options: BuildOptions = {}): string {
  need(doc.documentId, `${MH}/DocumentId`);
  if (!Array.isArray(doc.to) || doc.to.length === 0) throw new EdxmlError('missing_field', `${MH}/To`);
  if (!documentType(doc.type?.code)) throw new EdxmlError('unknown_document_type', String(doc.type?.code));
  if (!(doc.urgency in URGENCIES)) throw new EdxmlError('bad_value', `urgency = ${String(doc.urgency)}`);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const encodedSize = doc.attachments.reduce((n, a) => n + Math.ceil((a.content?.length ?? 0) / 3) * 4, 0);
  if (encodedSize > maxBytes) throw new EdxmlError('too_large', `attachments ${encodedSize} > ${maxBytes} bytes`);

  const attachments = doc.attachments.map((a, i) => {
    need(a.name, `Reference[${i + 1}]/AttachmentName`);
    need(a.mimeType, `Reference[${i + 1}]/ContentType`);
    if (!Buffer.isBuffer(a.content)) throw new EdxmlError('missing_field', `Attachment[${i + 1}]/ContentTransferEncoded`);
    return { ...a, cid: `attachment-${i + 1}`, hash: sha256(a.content) };
  });

  const messageHeader = el({
    From: organOut(doc.from, `${MH}/From`),
    To: doc.to.map((o, i) => organOut(o, `${MH}/To[${i + 1}]`)),
    Code: el({
      CodeNumber: need(doc.numberNotation?.number, `${MH}/Code/CodeNumber`),
      CodeNotation: need(doc.numberNotation?.notation, `${MH}/Code/CodeNotation`),
    }),
    PromulgationInfo: el({
      Place: need(doc.place, `${MH}/PromulgationInfo/Place`),
      PromulgationDate: dateOut(doc.date, `${MH}/PromulgationInfo/PromulgationDate`),
    }),
    DocumentType: el({ Type: doc.type.code, TypeName: need(doc.type.name, `${MH}/DocumentType/TypeName`) }),
    Subject: need(doc.subject, `${MH}/Subject`),
    Content: doc.content,
    SignerInfo: el({
      Competence: doc.signer?.competence,
      Position: need(doc.signer?.position, `${MH}/SignerInfo/Position`),
      FullName: need(doc.signer?.fullName, `${MH}/SignerInfo/FullName`),
    }),
    DueDate: doc.dueDate === null ? undefined : dateOut(doc.dueDate, `${MH}/DueDate`),
    ToPlaces: doc.toPlaces.length ? el({ Place: doc.toPlaces }) : undefined,
    OtherInfo: el({
      Priority: PRIORITY[doc.urgency],
      SphereOfPromulgation: doc.sphereOfPromulgation,
      TyperNotation: doc.typerNotation,
      PromulgationAmount: count(doc.copies, `${MH}/OtherInfo/PromulgationAmount`, 1),
      PageAmount: count(doc.pageCount, `${MH}/OtherInfo/PageAmount`, 1) ?? need(undefined, `${MH}/OtherInfo/PageAmount`),
    }),
    SteeringType: count(doc.steeringType, `${MH}/SteeringType`, 0),
    DocumentId: doc.documentId,
  });
  const traceHeaderList = el({
    TraceHeader: [el({ OrganId: doc.from.id, Timestamp: timestampOut(options.now ?? new Date(), 'TraceHeader/Timestamp') })],
  });
  const envelope: Out = el({
    edXMLHeader: el({ MessageHeader: messageHeader, TraceHeaderList: traceHeaderList }),
    edXMLBody: el({
      edXMLManifest: el({
        '@_version': '1.0',
        Reference: attachments.map((a) =>
          el({
            '@_xmlns:xlink': 'http://www.w3.org/1999/xlink',
            '@_xlink:href': `cid:${a.cid}`,
            '@_xlink:type': 'simple',
            ContentId: `cid:${a.cid}`,
            AttachmentName: a.name,
            ContentType: a.mimeType,
            Description: a.description,
            Checksum: { '@_algorithm': 'SHA-256', '#text': a.hash },
          }),
        ),
      }),
    }),
  });
  const extra: Out = attachments.length
    ? {
        AttachmentEncoded: {
          Attachment: attachments.map((a) =>
            el(
              {
                ContentId: a.cid,
                AttachmentName: a.name,
                ContentType: a.mimeType,
                ContentTransferEncoded: a.content.toString('base64'),
              },
              '',
            ),
          ),
        },
      }
    : {};
  return writePacket(envelope, extra);
}

const cidOf = (s: string | undefined): string => (s ?? '').trim().replace(/^cid:/i, '').replace(/^<|>$/g, '');

function documentTypeIn(node: XNode): { code: DocumentTypeCode; name: string } {
  const path = `${MH}/DocumentType`;
  const type = text(node, 'Type', path)?.trim() ?? '';
  const typeName = textOrUndefined(node, 'TypeName', path)?.trim();
  // Our packets carry Decree 30's abbreviation in Type. The standard's own (numeric) Type list was not found, so a
  // packet from elsewhere is recognised by its TypeName, the type's Vietnamese name.
  const key = (s: string) => s.normalize('NFC').toLowerCase();
  const byName = typeName ? DOCUMENT_TYPES.find((t) => key(t.vi) === key(typeName)) : undefined;
  const found = documentType(type.normalize('NFC')) ?? byName;
  if (!type && !typeName) throw new EdxmlError('missing_field', `${path}/Type`);
  if (!found) throw new EdxmlError('unknown_document_type', [type, typeName].filter(Boolean).join(' '));
  return { code: found.code, name: typeName ?? found.vi };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function attachmentsIn(root: XNode, envelope: XNode): EdxmlAttachment[] {
  const body = child(envelope, 'edXMLBody', 'edXMLEnvelope');
  const manifest = child(body, 'edXMLManifest', 'edXMLBody') ?? child(body, 'Manifest', 'edXMLBody');
  const refs = children(manifest, 'Reference');
  const encodedList = [
    ...children(child(root, 'AttachmentEncoded', 'edXML'), 'Attachment'),
    ...children(child(body, 'AttachmentEncoded', 'edXMLBody'), 'Attachment'),
  ];
  const encoded = new Map<string, XNode>();
  for (const [i, a] of encodedList.entries()) {
    encoded.set(cidOf(requiredText(a, 'ContentId', `AttachmentEncoded/Attachment[${i + 1}]`)), a);
  }
  const out: EdxmlAttachment[] = [];
  const decodeOne = (a: XNode, path: string): Buffer => {
    const b64 = requiredText(a, 'ContentTransferEncoded', path).replace(/\s+/g, '');
    if (b64.length % 4 !== 0 || !BASE64.test(b64)) throw new EdxmlError('bad_value', `${path}/ContentTransferEncoded (base64)`);
    return Buffer.from(b64, 'base64');
  };
  for (const [i, ref] of refs.entries()) {
    const path = `edXMLManifest/Reference[${i + 1}]`;
    const cid = cidOf(requiredText(ref, 'ContentId', path));
    const enc = encoded.get(cid);
    if (!enc) throw new EdxmlError('missing_field', `AttachmentEncoded/Attachment[ContentId=${cid}]`);
    encoded.delete(cid);
    const name = requiredText(ref, 'AttachmentName', path);
    const content = decodeOne(enc, `AttachmentEncoded/Attachment[ContentId=${cid}]`);
    const expected = textOrUndefined(ref, 'Checksum', path)?.trim().toLowerCase();
    if (expected !== undefined && expected !== sha256(content)) throw new EdxmlError('hash_mismatch', name);
    const attachment: EdxmlAttachment = {
      name,
      mimeType: textOrUndefined(ref, 'ContentType', path) ?? textOrUndefined(enc, 'ContentType', path) ?? 'application/octet-stream',
      content,
    };
    const description = textOrUndefined(ref, 'Description', path);
    if (description !== undefined) attachment.description = description;
    out.push(attachment);
  }
  // Encoded files the manifest does not list are kept too (named by their own AttachmentName), never dropped.
  for (const [cid, enc] of encoded) {
    const path = `AttachmentEncoded/Attachment[ContentId=${cid}]`;
    out.push({
      name: textOrUndefined(enc, 'AttachmentName', path) ?? cid,
      mimeType: textOrUndefined(enc, 'ContentType', path) ?? 'application/octet-stream',
      content: decodeOne(enc, path),
    });
  }
  return out;
}

/** Reads a document packet, refusing (EdxmlError) anything malformed, unsafe, incomplete or altered. */
export function parseDocumentPacket(xml: string | Buffer, options: ParseOptions = {}): EdxmlDocument {
  const { root, envelope, header } = readEnvelope(xml, options);
  const mh = child(header, MH, 'edXMLHeader');
  if (!mh) {
    if (header.Status !== undefined) throw new EdxmlError('not_edxml', 'a status packet, not a document');
    throw new EdxmlError('missing_field', MH);
  }
  const toNodes = children(mh, 'To');
  if (toNodes.length === 0) throw new EdxmlError('missing_field', `${MH}/To`);
  const code = requiredChild(mh, 'Code', MH);
  const promulgation = requiredChild(mh, 'PromulgationInfo', MH);
  const signer = requiredChild(mh, 'SignerInfo', MH);
  const other = child(mh, 'OtherInfo', MH);
  const priority = textOrUndefined(other, 'Priority', `${MH}/OtherInfo`);
  const dueDate = textOrUndefined(mh, 'DueDate', MH);
  const copies = textOrUndefined(other, 'PromulgationAmount', `${MH}/OtherInfo`);
  const steering = textOrUndefined(mh, 'SteeringType', MH);

  const doc: EdxmlDocument = {
    documentId: requiredText(mh, 'DocumentId', MH),
    from: organIn(requiredChild(mh, 'From', MH), `${MH}/From`),
    to: toNodes.map((n, i) => organIn(n, `${MH}/To[${i + 1}]`)),
    numberNotation: {
      number: requiredText(code, 'CodeNumber', `${MH}/Code`),
      notation: requiredText(code, 'CodeNotation', `${MH}/Code`),
    },
    place: requiredText(promulgation, 'Place', `${MH}/PromulgationInfo`),
    date: dateIn(requiredText(promulgation, 'PromulgationDate', `${MH}/PromulgationInfo`), `${MH}/PromulgationInfo/PromulgationDate`),
    type: documentTypeIn(requiredChild(mh, 'DocumentType', MH)),
    subject: requiredText(mh, 'Subject', MH),
    signer: {
      position: requiredText(signer, 'Position', `${MH}/SignerInfo`),
      fullName: requiredText(signer, 'FullName', `${MH}/SignerInfo`),
    },
    dueDate: dueDate === undefined ? null : dateIn(dueDate, `${MH}/DueDate`),
    urgency: priority === undefined ? 'normal' : urgencyOfPriority(intValue(priority, `${MH}/OtherInfo/Priority`)),
    pageCount: intValue(requiredText(other, 'PageAmount', `${MH}/OtherInfo`), `${MH}/OtherInfo/PageAmount`, 1),
    toPlaces: children(child(mh, 'ToPlaces', MH), 'Place')
      .map((p) => String(p['#text'] ?? ''))
      .filter((p) => p !== ''),
    attachments: attachmentsIn(root, envelope),
  };
  const content = textOrUndefined(mh, 'Content', MH);
  if (content !== undefined) doc.content = content;
  const competence = textOrUndefined(signer, 'Competence', `${MH}/SignerInfo`);
  if (competence !== undefined) doc.signer.competence = competence;
  if (copies !== undefined) doc.copies = intValue(copies, `${MH}/OtherInfo/PromulgationAmount`, 1);
  if (steering !== undefined) doc.steeringType = intValue(steering, `${MH}/SteeringType`);
  const sphere = textOrUndefined(other, 'SphereOfPromulgation', `${MH}/OtherInfo`);
  if (sphere !== undefined) doc.sphereOfPromulgation = sphere;
  const typer = textOrUndefined(other, 'TyperNotation', `${MH}/OtherInfo`);
  if (typer !== undefined) doc.typerNotation = typer;
  return doc;
}

/** Which kind of edXML packet this is, or null when it is not one (or cannot be read safely). */
export function packetKind(xml: string | Buffer, options: ParseOptions = {}): 'document' | 'status' | null {
  try {
    const { header } = readEnvelope(xml, options);
    if (header.MessageHeader !== undefined) return 'document';
    if (header.Status !== undefined) return 'status';
    return null;
  } catch {
    return null;
  }
}
