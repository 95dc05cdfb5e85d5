// The printed and exported forms of official documents (Decree 30/2020/NĐ-CP): the outgoing and incoming registers
// as PDF and XLSX, the handling slip of an incoming document, the document itself as PDF and its seal image.
export { incomingRegisterPdf, incomingRegisterXlsx, outgoingRegisterPdf, outgoingRegisterXlsx, type RegisterMeta } from './registers.ts';
export { REGISTER_HEADER_ROW } from './registers-xlsx.ts';
export { handlingSlipPdf, HANDLING_SLIP_TITLE, type HandlingSlip } from './handling-slip.ts';
export { officialDocumentPdf, type OfficialDocument } from './document-pdf.ts';
export { sealPng } from './seal.ts';
export { dateWords, dmy } from './common.ts';
