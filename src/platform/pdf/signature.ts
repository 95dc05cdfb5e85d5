// Digital signatures on PDFs for official documents (Decree 30/2020, Art. 8: an electronic document is
// valid once signed with the agency's digital signature). @signpdf adds an invisible signature field with
// pdf-lib and fills it with a detached PKCS#7 (SHA-256, signingTime as a signed attribute) that covers the
// whole file but the signature itself. Checking lives in signature-verify.ts.
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { verifyPdfSignatures, type SignatureCheck } from './signature-verify.ts';

export { verifyPdfSignatures, type SignatureCheck, type SignatureProblem } from './signature-verify.ts';

export interface SignOptions {
  /** The signer's certificate and private key as PKCS#12 (.p12/.pfx). */
  p12: Buffer;
  passphrase: string;
  reason: string;
  location: string;
  name: string;
  contactInfo?: string;
  signingTime?: Date;
}

export type PdfSignErrorCode = 'wrong-passphrase' | 'bad-p12' | 'not-a-pdf' | 'already-signed';

export class PdfSignError extends Error {
  constructor(
    readonly code: PdfSignErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfSignError';
  }
}

/** Opens the PKCS#12 file up front so a wrong passphrase is a clear error, not a deep forge one. */
function checkP12(p12: Buffer, passphrase: string): void {
  let bags: forge.pkcs12.Bag[] | undefined;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    const store = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
    const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag as string;
    bags = store.getBags({ bagType: keyBag })[keyBag];
  } catch (err) {
    if (/password/i.test(String(err))) throw new PdfSignError('wrong-passphrase', 'Sai mật khẩu của tệp chứng thư số (PKCS#12) / wrong passphrase for the PKCS#12 file');
    throw new PdfSignError('bad-p12', 'Không đọc được tệp chứng thư số (PKCS#12) / the PKCS#12 file could not be read');
  }
  if (!bags?.[0]?.key) throw new PdfSignError('bad-p12', 'Tệp chứng thư số không có khóa bí mật / the PKCS#12 file holds no (encrypted) private key');
}

type Asn1 = forge.asn1.Asn1;
const kids = (node: Asn1 | undefined): Asn1[] => (node && Array.isArray(node.value) ? node.value : []);
const isContext0 = (node: Asn1 | undefined): boolean => node?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === 0;

/**
 * forge writes the signer's issuer name from decoded attributes and UTF-8-encodes UTF8String values a second
 * time (digitalbazaar/forge#847), so with a Vietnamese issuer name Acrobat, poppler and OpenSSL cannot find
 * the signer certificate. The issuer is not among the signed attributes: putting back the certificate's own
 * issuer bytes leaves the signature valid.
 */
export function fixSignerIssuer(p7: Buffer): Buffer {
  const options = { parseAllBytes: false, decodeBitStrings: false } as unknown as boolean;
  const root = forge.asn1.fromDer(forge.util.createBuffer(p7.toString('binary')), options);
  const fields = kids(kids(kids(root)[1])[0]);
  const certs = kids(fields.find((f, i) => i > 2 && isContext0(f)));
  const sid = kids(kids(fields[fields.length - 1])[0])[1];
  const [, serial] = kids(sid);
  for (const cert of certs) {
    const tbs = kids(kids(cert)[0]);
    const [certSerial, , issuer] = isContext0(tbs[0]) ? tbs.slice(1) : tbs;
    if (sid && issuer && certSerial?.value === serial?.value) (sid.value as Asn1[])[0] = issuer;
  }
  return Buffer.from(forge.asn1.toDer(root).getBytes(), 'binary');
}

/** signer-p12 with the signer's issuer name repaired (see fixSignerIssuer). */
class AgencySigner extends P12Signer {
  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    return fixSignerIssuer(await super.sign(pdf, signingTime));
  }
}

/**
 * A PDF literal string for the signature dictionary. pdflibAddPlaceholder writes PDFString.of(value) as is,
 * so the value comes pre-escaped: plain ASCII stays readable, anything else becomes UTF-16BE with a BOM,
 * byte by byte, the unprintable bytes as \ooo.
 */
export function pdfLiteral(text: string): string {
  const escapeByte = (b: number): string =>
    b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`;
  if (/^[\x20-\x7e]*$/.test(text)) return [...Buffer.from(text, 'latin1')].map(escapeByte).join('');
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return [0xfe, 0xff, ...utf16].map(escapeByte).join('');
}

/**
 * Signs a PDF. pdf-lib rewrites the file to add the field, so a PDF that is already signed is refused:
 * its first signature would break.
 */
export async function signPdf(pdf: Buffer, opts: SignOptions): Promise<Buffer> {
  checkP12(opts.p12, opts.passphrase);
  if (verifyPdfSignatures(pdf).length > 0) throw new PdfSignError('already-signed', 'Tệp đã có chữ ký số; ký thêm sẽ làm hỏng chữ ký trước / the PDF is already signed');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw new PdfSignError('not-a-pdf', 'Tệp không phải PDF hợp lệ / not a readable PDF');
  }
  const signingTime = opts.signingTime ?? new Date();
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfLiteral(opts.reason),
    location: pdfLiteral(opts.location),
    name: pdfLiteral(opts.name),
    contactInfo: pdfLiteral(opts.contactInfo ?? ''),
    signingTime,
    // Room for the certificates in the file, the signature and the signed attributes.
    signatureLength: Math.max(8192, opts.p12.length + 4096),
    appName: 'egov',
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, new AgencySigner(opts.p12, { passphrase: opts.passphrase }), signingTime);
}

/** A short explanation of one check, for display beside the document. */
export function signatureProblemText(check: SignatureCheck): { vi: string; en: string } {
  if (check.problem === 'unparseable') return { vi: 'Không đọc được chữ ký số trong tệp', en: 'The signature in the file could not be read' };
  if (check.problem === 'digest-mismatch') return { vi: 'Tệp đã bị sửa sau khi ký', en: 'The file was changed after it was signed' };
  if (check.problem === 'bad-signature') return { vi: 'Chữ ký không khớp với chứng thư số của người ký', en: "The signature does not match the signer's certificate" };
  let text = check.coversWholeFile
    ? { vi: 'Chữ ký hợp lệ, tệp không bị sửa sau khi ký', en: 'The signature is valid; the file was not changed after signing' }
    : { vi: 'Chữ ký hợp lệ cho phần đã ký, nhưng tệp có nội dung được thêm sau khi ký', en: 'The signature is valid for the signed part, but content was added to the file after signing' };
  if (!check.certificateValidAtSigning) {
    text = { vi: `${text.vi}; chứng thư số không còn hiệu lực tại thời điểm ký`, en: `${text.en}; the certificate was not valid at the time of signing` };
  }
  if (check.selfSigned) {
    text = { vi: `${text.vi} (chứng thư số tự cấp, không do tổ chức chứng thực chữ ký số cấp)`, en: `${text.en} (self-signed certificate, not issued by a certification authority)` };
  }
  return text;
}
