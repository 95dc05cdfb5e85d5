// Checking the digital signatures in a PDF: every signature dictionary (/ByteRange + /Contents) is read
// from the raw bytes, its detached PKCS#7 (CMS) is parsed with node-forge, the message digest is compared
// with the hash of the signed byte ranges and the signature over the signed attributes is checked with the
// signer certificate's key (Node's crypto, so RSA, RSA-PSS and ECDSA keys all work). Nothing here throws:
// a broken file gives [] or a check with problem 'unparseable'.
// Not checked: the chain to a trusted root CA, revocation (OCSP/CRL) and timestamps.
import { createHash } from 'node:crypto';
import { asn1Time, attribute, bytesOf, type Cert, OID, type Pkcs7, readPkcs7, signedAttrsDer, verifySignature } from './cms.ts';

export type SignatureProblem = null | 'digest-mismatch' | 'bad-signature' | 'unparseable';

export interface SignatureCheck {
  signerName: string | null;
  organisation: string | null;
  organisationalUnit?: string;
  email?: string;
  serialNumber: string | null;
  issuer: { name: string | null; organisation: string | null };
  validFrom: Date | null;
  validTo: Date | null;
  /** The signingTime signed attribute; else the signature dictionary's /M (also inside the signed bytes). */
  signingTime: Date | null;
  reason?: string;
  location?: string;
  /** The digest and the signature both verify. */
  intact: boolean;
  /** The byte ranges cover the whole file but the signature itself: nothing was appended after signing. */
  coversWholeFile: boolean;
  certificateValidAtSigning: boolean;
  selfSigned: boolean;
  problem: SignatureProblem;
}

// ---------- PDF: locating signature dictionaries ----------

interface SignatureDict {
  byteRange: [number, number, number, number];
  /** The PKCS#7 bytes from /Contents, or null when the hex string is malformed. */
  contents: Buffer | null;
  dict: string;
}

function parseByteRange(text: string, from: number): [number, number, number, number] | null {
  const m = /^\/ByteRange\s*\[\s*(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s*\]/.exec(text.slice(from, from + 120));
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

/** The ranges lie in the file and leave out exactly one hex string, the value of a /Contents key. */
function rangeIsSane(pdf: Buffer, [a, b, c, d]: [number, number, number, number]): boolean {
  if (a + b >= c || c + d > pdf.length || pdf[a + b] !== 0x3c /* < */ || pdf[c - 1] !== 0x3e /* > */) return false;
  return /\/Contents\s*$/.test(pdf.subarray(Math.max(0, a + b - 32), a + b).toString('latin1'));
}

function contentsFromGap(pdf: Buffer, start: number, end: number): Buffer | null {
  const hex = pdf.subarray(start + 1, end - 1).toString('latin1').replace(/\s+/g, '');
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  return Buffer.from(hex, 'hex');
}

/** The text of the object around a /ByteRange: from the end of the object before to this one's endobj. */
function enclosingObject(text: string, at: number, contentsEnd: number): string {
  const start = Math.max(text.lastIndexOf('obj', at), at - 16_384, 0);
  const endobj = text.indexOf('endobj', Math.max(at, contentsEnd));
  const end = endobj === -1 ? Math.min(text.length, Math.max(at, contentsEnd) + 16_384) : endobj;
  return text.slice(start, end);
}

function findSignatureDicts(pdf: Buffer): Array<SignatureDict | 'unparseable'> {
  const text = pdf.toString('latin1');
  const out: Array<SignatureDict | 'unparseable'> = [];
  for (let at = text.indexOf('/ByteRange'); at !== -1; at = text.indexOf('/ByteRange', at + 10)) {
    const after = text.slice(at + 10, at + 40);
    if (/^\s*\[\s*0\s+\//.test(after)) continue; // an unfilled placeholder (/ByteRange [0 /**** ...]): no signature
    const byteRange = parseByteRange(text, at);
    if (!byteRange || !rangeIsSane(pdf, byteRange)) {
      out.push('unparseable');
      continue;
    }
    const [a, b, c] = byteRange;
    // The /Contents hex is large and useless for key lookups: left out of the dictionary text.
    const dict = enclosingObject(text, at, c).replace(/<[0-9a-fA-F\s]{200,}>/g, '<>');
    out.push({ byteRange, contents: contentsFromGap(pdf, a + b, c), dict });
  }
  return out;
}

// ---------- PDF: strings and dates in the signature dictionary ----------

function decodePdfTextBytes(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return body.swap16().toString('utf16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1'); // PDFDocEncoding agrees with Latin-1 for the letters that matter here
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

/** Reads a literal string "(...)" starting at s[i] === '('. */
function readLiteral(s: string, i: number): Buffer {
  const bytes: number[] = [];
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j] as string;
    if (ch === '\\') {
      const next = s[j + 1] ?? '';
      const octal = /^[0-7]{1,3}/.exec(s.slice(j + 1, j + 4));
      if (octal) {
        bytes.push(parseInt(octal[0], 8) & 0xff);
        j += octal[0].length;
      } else if (next === '\r' || next === '\n') {
        j += next === '\r' && s[j + 2] === '\n' ? 2 : 1; // a line continuation
      } else {
        bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
        j += 1;
      }
      continue;
    }
    if (ch === '(' && depth++ === 0) continue;
    if (ch === ')' && --depth === 0) break;
    bytes.push(ch.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

/** The text value of /Key in a dictionary's text, when it is a string (literal or hex). */
export function dictString(dict: string, key: string): string | undefined {
  const re = new RegExp(`/${key}\\s*(\\(|<(?!<))`, 'g');
  const m = re.exec(dict);
  if (!m) return undefined;
  const i = m.index + m[0].length - 1;
  if (m[1] === '(') return decodePdfTextBytes(readLiteral(dict, i));
  const close = dict.indexOf('>', i);
  const hex = dict.slice(i + 1, close === -1 ? undefined : close).replace(/[^0-9a-fA-F]/g, '');
  return decodePdfTextBytes(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
}

/** A PDF date "D:YYYYMMDDHHmmSS+07'00'" (or Z) as a Date, or null. */
export function parsePdfDate(s: string | undefined): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(s ?? '');
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const offset = (Number(oh) * 60 + Number(om)) * 60_000;
  const t = sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc;
  return Number.isNaN(t) ? null : new Date(t);
}

// ---------- one signature ----------

function unparseable(dict?: string): SignatureCheck {
  return {
    signerName: null,
    organisation: null,
    serialNumber: null,
    issuer: { name: null, organisation: null },
    validFrom: null,
    validTo: null,
    signingTime: dict ? parsePdfDate(dictString(dict, 'M')) : null,
    ...(dict ? optionalText(dict) : {}),
    intact: false,
    coversWholeFile: false,
    certificateValidAtSigning: false,
    selfSigned: false,
    problem: 'unparseable',
  };
}

function optionalText(dict: string): { reason?: string; location?: string } {
  const reason = dictString(dict, 'Reason');
  const location = dictString(dict, 'Location');
  return { ...(reason ? { reason } : {}), ...(location ? { location } : {}) };
}

function coversWholeFile(pdf: Buffer, [a, , c, d]: [number, number, number, number]): boolean {
  if (a !== 0) return false;
  // Trailing whitespace (an end-of-line some tools add) changes nothing; anything else is a later update.
  return /^[\s\0]*$/.test(pdf.subarray(c + d).toString('latin1'));
}

function signedBytes(pdf: Buffer, [a, b, c, d]: [number, number, number, number]): Buffer {
  return Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
}

function checkOne(pdf: Buffer, sig: SignatureDict): SignatureCheck {
  if (!sig.contents) return unparseable(sig.dict);
  let p7: Pkcs7;
  try {
    p7 = readPkcs7(sig.contents);
  } catch {
    return unparseable(sig.dict);
  }
  const { signer, certs } = p7;
  const data = signedBytes(pdf, sig.byteRange);
  // adbe.pkcs7.sha1 puts the SHA-1 of the ranges inside as content; adbe.pkcs7.detached and CAdES leave it out.
  const embeddedOk = !p7.eContent || p7.eContent.equals(createHash('sha1').update(data).digest());
  const content = p7.eContent ?? data;
  const contentDigest = createHash(signer.digest).update(content).digest();
  let digestOk = embeddedOk;
  let signedData = content;
  if (signer.signedAttrs) {
    const md = attribute(signer.signedAttrs, OID.messageDigest);
    digestOk = digestOk && Buffer.from(bytesOf(md), 'binary').equals(contentDigest);
    signedData = signedAttrsDer(signer.signedAttrs);
  }
  const matching = certs.filter((c) => signer.serialHex === c.serialHex && (!signer.issuerDer || signer.issuerDer.equals(c.issuerDer)));
  const candidates = matching.length > 0 ? matching : certs;
  const verifiedBy = candidates.find((c) => verifySignature(signedData, signer, c.x509.publicKey));
  const cert = verifiedBy ?? candidates[0];
  if (!cert) return unparseable(sig.dict);
  const signingTime = asn1Time(attribute(signer.signedAttrs, OID.signingTime)) ?? parsePdfDate(dictString(sig.dict, 'M'));
  const ou = cert.subject.get(OID.organisationalUnit);
  const email = cert.subject.get(OID.email) ?? cert.x509.subjectAltName?.match(/email:([^,\s]+)/)?.[1];
  const problem: SignatureProblem = !digestOk ? 'digest-mismatch' : !verifiedBy ? 'bad-signature' : null;
  return {
    signerName: cert.subject.get(OID.commonName) ?? null,
    organisation: cert.subject.get(OID.organisation) ?? null,
    ...(ou ? { organisationalUnit: ou } : {}),
    ...(email ? { email } : {}),
    serialNumber: cert.serialHex,
    issuer: { name: cert.issuer.get(OID.commonName) ?? null, organisation: cert.issuer.get(OID.organisation) ?? null },
    validFrom: cert.validFrom,
    validTo: cert.validTo,
    signingTime,
    ...optionalText(sig.dict),
    intact: problem === null,
    coversWholeFile: coversWholeFile(pdf, sig.byteRange),
    certificateValidAtSigning: !!(signingTime && cert.validFrom && cert.validTo && cert.validFrom <= signingTime && signingTime <= cert.validTo),
    selfSigned: isSelfSigned(cert),
    problem,
  };
}

/** Issuer and subject are the same name and the certificate's own key signed it. */
function isSelfSigned(cert: Cert): boolean {
  try {
    return cert.issuerDer.equals(cert.subjectDer) && cert.x509.verify(cert.x509.publicKey);
  } catch {
    return false;
  }
}

/** Every signature in the file, in file order. A PDF without signatures (or not a PDF at all) gives []. */
export function verifyPdfSignatures(pdf: Buffer): SignatureCheck[] {
  try {
    if (!Buffer.isBuffer(pdf)) return [];
    return findSignatureDicts(pdf).map((sig) => {
      try {
        return sig === 'unparseable' ? unparseable() : checkOne(pdf, sig);
      } catch {
        return unparseable(sig === 'unparseable' ? undefined : sig.dict);
      }
    });
  } catch {
    return [];
  }
}
