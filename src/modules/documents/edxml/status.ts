// Status packets of QCVN 102:2016 (gói tin trạng thái): the receiver tells the sender how its document is going —
// arrived, refused, registered, assigned, being handled, done — and the sender asks a document back (recall). The
// layout follows the national axis' SDKs: `edXMLHeader > Status` with From, ResponseFor (the document answered:
// OrganId of its issuer, Code, PromulgationDate, DocumentId), StaffInfo (Department, Staff, Mobile, Email),
// StatusCode, Description and Timestamp.
import {
  EdxmlError,
  checkOrganId,
  child,
  dateIn,
  dateOut,
  el,
  organIn,
  organOut,
  readEnvelope,
  requiredChild,
  requiredText,
  text,
  textOrUndefined,
  timestampIn,
  timestampOut,
  writePacket,
  type Organ,
  type ParseOptions,
} from './xml.ts';

/** The status codes, one source of their labels. 01–06 and 13/15/16 are the codes the national axis' SDKs use
 *  (13 "yêu cầu lấy lại" is the sender's recall; the receiver answers it with 15 or 16). */
export const StatusCode = {
  received: { code: '01', vi: 'Đã đến', en: 'Received' },
  refused: { code: '02', vi: 'Từ chối tiếp nhận', en: 'Refused' },
  accepted: { code: '03', vi: 'Đã tiếp nhận (vào sổ)', en: 'Accepted (registered)' },
  assigned: { code: '04', vi: 'Đã phân công xử lý', en: 'Assigned' },
  handling: { code: '05', vi: 'Đang xử lý', en: 'Being handled' },
  done: { code: '06', vi: 'Hoàn thành', en: 'Done' },
  recalled: { code: '13', vi: 'Thu hồi (yêu cầu lấy lại văn bản)', en: 'Recalled (asked back)' },
  recall_agreed: { code: '15', vi: 'Đồng ý thu hồi', en: 'Recall agreed' },
  recall_refused: { code: '16', vi: 'Từ chối thu hồi', en: 'Recall refused' },
} as const satisfies Record<string, { code: string; vi: string; en: string }>;
export type StatusName = keyof typeof StatusCode;
export type StatusCodeValue = (typeof StatusCode)[StatusName]['code'];
export const STATUS_NAMES = Object.keys(StatusCode) as StatusName[];

export function statusByCode(code: string): StatusName | undefined {
  return STATUS_NAMES.find((s) => StatusCode[s].code === code);
}

export interface StaffInfo {
  name: string;
  department?: string;
  email?: string;
  phone?: string;
}

export interface EdxmlStatus {
  /** The DocumentId of the document this status is about. */
  documentId: string;
  /** Who reports the status. */
  from: Organ;
  /** The organ id the status goes to. */
  to: string;
  status: StatusName;
  description: string;
  /** ISO instant. */
  timestamp: string;
  staff?: StaffInfo;
  /** The answered document's `number/notation` and ISO date of issue (ResponseFor/Code, PromulgationDate). */
  documentCode?: string;
  documentDate?: string;
}

export interface StatusInput extends Omit<EdxmlStatus, 'to' | 'timestamp' | 'description'> {
  to: string | Organ;
  timestamp: string | Date;
  /** Defaults to the status' Vietnamese label. */
  description?: string;
}

/** The sender asks back (13) its own document; every other status answers a document the addressee issued. */
const issuedBySender = (s: StatusName): boolean => s === 'recalled';

const S = 'Status';

export function buildStatusPacket(input: StatusInput): string {
  const to = typeof input.to === 'string' ? input.to : input.to?.id;
  checkOrganId(to, `${S}/To/OrganId`);
  if (!(input.status in StatusCode)) throw new EdxmlError('unknown_status', String(input.status));
  if (typeof input.documentId !== 'string' || !input.documentId.trim()) {
    throw new EdxmlError('missing_field', `${S}/ResponseFor/DocumentId`);
  }
  const from = organOut(input.from, `${S}/From`);
  if (input.staff && !input.staff.name?.trim()) throw new EdxmlError('missing_field', `${S}/StaffInfo/Staff`);
  const status = el({
    From: from,
    // `To` is our addition: the SDKs' status has none (the axis routes it by ResponseFor), but a recall goes the
    // other way from every other status, so the addressee is said outright.
    To: el({ OrganId: to }),
    ResponseFor: el({
      OrganId: issuedBySender(input.status) ? input.from.id : to,
      Code: input.documentCode,
      PromulgationDate: input.documentDate === undefined ? undefined : dateOut(input.documentDate, `${S}/ResponseFor/PromulgationDate`),
      DocumentId: input.documentId,
    }),
    StaffInfo: input.staff
      ? el({ Department: input.staff.department, Staff: input.staff.name, Mobile: input.staff.phone, Email: input.staff.email })
      : undefined,
    StatusCode: StatusCode[input.status].code,
    Description: input.description ?? StatusCode[input.status].vi,
    Timestamp: timestampOut(input.timestamp, `${S}/Timestamp`),
  });
  return writePacket(el({ edXMLHeader: el({ Status: status }) }));
}

export function parseStatusPacket(xml: string | Buffer, options: ParseOptions = {}): EdxmlStatus {
  const { header } = readEnvelope(xml, options);
  const node = child(header, S, 'edXMLHeader');
  if (!node) {
    if (header.MessageHeader !== undefined) throw new EdxmlError('not_edxml', 'a document packet, not a status');
    throw new EdxmlError('missing_field', S);
  }
  const code = requiredText(node, 'StatusCode', S).trim();
  const status = statusByCode(code);
  if (!status) throw new EdxmlError('unknown_status', code);
  const from = organIn(requiredChild(node, 'From', S), `${S}/From`);
  const responseFor = requiredChild(node, 'ResponseFor', S);
  const to =
    textOrUndefined(child(node, 'To', S), 'OrganId', `${S}/To`)?.trim() ??
    (issuedBySender(status) ? undefined : textOrUndefined(responseFor, 'OrganId', `${S}/ResponseFor`)?.trim());
  if (!to) throw new EdxmlError('missing_field', `${S}/To/OrganId`);
  checkOrganId(to, `${S}/To/OrganId`);
  const result: EdxmlStatus = {
    documentId: requiredText(responseFor, 'DocumentId', `${S}/ResponseFor`),
    from,
    to,
    status,
    description: text(node, 'Description', S) ?? '',
    timestamp: timestampIn(requiredText(node, 'Timestamp', S), `${S}/Timestamp`),
  };
  const documentCode = textOrUndefined(responseFor, 'Code', `${S}/ResponseFor`);
  if (documentCode !== undefined) result.documentCode = documentCode;
  const documentDate = textOrUndefined(responseFor, 'PromulgationDate', `${S}/ResponseFor`);
  if (documentDate !== undefined) result.documentDate = dateIn(documentDate, `${S}/ResponseFor/PromulgationDate`);
  const staffNode = child(node, 'StaffInfo', S);
  if (staffNode) {
    const staff: StaffInfo = { name: requiredText(staffNode, 'Staff', `${S}/StaffInfo`) };
    const department = textOrUndefined(staffNode, 'Department', `${S}/StaffInfo`);
    if (department !== undefined) staff.department = department;
    const email = textOrUndefined(staffNode, 'Email', `${S}/StaffInfo`);
    if (email !== undefined) staff.email = email;
    const phone = textOrUndefined(staffNode, 'Mobile', `${S}/StaffInfo`);
    if (phone !== undefined) staff.phone = phone;
    result.staff = staff;
  }
  return result;
}
