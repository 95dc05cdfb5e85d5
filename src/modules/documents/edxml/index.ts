// edXML (QCVN 102:2016/BTTTT, amended 1:2022): packets and transports for exchanging official documents between
// agencies over the national document exchange axis. Pure library code: no database, no routes.
export { EDXML_NS, DEFAULT_MAX_BYTES, MAX_DEPTH, EdxmlError, type EdxmlErrorReason, type Organ, type ParseOptions } from './xml.ts';
export {
  buildDocumentPacket,
  parseDocumentPacket,
  packetKind,
  PRIORITY,
  urgencyOfPriority,
  type BuildOptions,
  type EdxmlAttachment,
  type EdxmlDocument,
} from './packet.ts';
export {
  StatusCode,
  STATUS_NAMES,
  statusByCode,
  buildStatusPacket,
  parseStatusPacket,
  type EdxmlStatus,
  type StaffInfo,
  type StatusCodeValue,
  type StatusInput,
  type StatusName,
} from './status.ts';
export {
  folderTransport,
  httpTransport,
  drainInbox,
  safeName,
  TransportError,
  type ExchangeTransport,
  type HttpTransportOptions,
  type IncomingPacket,
  type InboxHandlers,
  type InboxReport,
  type OutgoingPacket,
} from './transport.ts';
