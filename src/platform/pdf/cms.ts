// The PKCS#7 (CMS) signed data inside a PDF signature, read with node-forge: the signer's certificate and signed
// attributes, and the signature over them checked with Node's crypto (RSA, RSA-PSS and ECDSA keys). Used by
// signature-verify.ts, which finds the signatures in the PDF's bytes.
import { constants, verify, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

type Asn1 = forge.asn1.Asn1;
const { Class, Type } = forge.asn1;

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  rsaPss: '1.2.840.113549.1.1.10',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  email: '1.2.840.113549.1.9.1',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};


// ---------- PKCS#7 / CMS ----------

function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? node.value : [];
}

export function bytesOf(node: Asn1 | undefined): string {
  if (!node) return '';
  if (typeof node.value === 'string') return node.value;
  return node.value.map(bytesOf).join(''); // a constructed (BER) OCTET STRING
}

function oidOf(node: Asn1 | undefined): string {
  return node && node.type === Type.OID && typeof node.value === 'string' ? forge.asn1.derToOid(node.value) : '';
}

function isContext(node: Asn1 | undefined, tag: number): boolean {
  return node?.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;
}

function der(node: Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}

export function asn1Time(node: Asn1 | undefined): Date | null {
  if (!node || typeof node.value !== 'string') return null;
  if (node.type === Type.UTCTIME) return forge.asn1.utcTimeToDate(node.value);
  if (node.type === Type.GENERALIZEDTIME) return forge.asn1.generalizedTimeToDate(node.value);
  return null;
}

function decodeAsn1String(node: Asn1 | undefined): string {
  if (!node || typeof node.value !== 'string') return '';
  const raw = Buffer.from(node.value, 'binary');
  if (node.type === Type.UTF8) return raw.toString('utf8');
  if (node.type === Type.BMPSTRING) return Buffer.from(raw).swap16().toString('utf16le');
  return raw.toString('latin1');
}

/** The attributes of an X.500 Name, OID → first value. */
function nameFields(name: Asn1 | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      const oid = oidOf(type);
      if (oid && !out.has(oid)) out.set(oid, decodeAsn1String(value));
    }
  }
  return out;
}

export interface Cert {
  x509: X509Certificate;
  serialHex: string;
  issuerDer: Buffer;
  subjectDer: Buffer;
  issuer: Map<string, string>;
  subject: Map<string, string>;
  validFrom: Date | null;
  validTo: Date | null;
}

function readCertificate(node: Asn1): Cert {
  const tbs = children(children(node)[0]);
  const rest = isContext(tbs[0], 0) ? tbs.slice(1) : tbs; // skip the [0] version
  const [serial, , issuer, validity, subject] = rest;
  if (!serial || !issuer || !validity || !subject) throw new Error('certificate: short TBSCertificate');
  const bytes = der(node);
  return {
    x509: new X509Certificate(bytes),
    serialHex: Buffer.from(bytesOf(serial), 'binary').toString('hex').toUpperCase(),
    issuerDer: der(issuer),
    subjectDer: der(subject),
    issuer: nameFields(issuer),
    subject: nameFields(subject),
    validFrom: asn1Time(children(validity)[0]),
    validTo: asn1Time(children(validity)[1]),
  };
}

interface SignerInfo {
  digest: string;
  signedAttrs: Asn1 | null;
  signatureAlgorithm: string;
  signature: Buffer;
  issuerDer: Buffer | null;
  serialHex: string | null;
}

function readSignerInfo(node: Asn1): SignerInfo {
  const [, sid, digestAlg, ...rest] = children(node);
  const signedAttrs = isContext(rest[0], 0) ? (rest.shift() as Asn1) : null;
  const [sigAlg, signature] = rest;
  const digest = DIGESTS[oidOf(children(digestAlg)[0])];
  if (!sid || !digest || !sigAlg || !signature) throw new Error('SignerInfo: missing fields or unknown digest');
  const byIssuer = sid.type === Type.SEQUENCE ? children(sid) : null;
  return {
    digest,
    signedAttrs,
    signatureAlgorithm: oidOf(children(sigAlg)[0]),
    signature: Buffer.from(bytesOf(signature), 'binary'),
    issuerDer: byIssuer?.[0] ? der(byIssuer[0]) : null,
    serialHex: byIssuer?.[1] ? Buffer.from(bytesOf(byIssuer[1]), 'binary').toString('hex').toUpperCase() : null,
  };
}

export function attribute(attrs: Asn1 | null, oid: string): Asn1 | undefined {
  const found = children(attrs ?? undefined).find((a) => oidOf(children(a)[0]) === oid);
  return children(children(found)[1])[0];
}

/** The DER that was signed: the signed attributes with their [0] IMPLICIT tag turned back into a SET. */
export function signedAttrsDer(attrs: Asn1): Buffer {
  return der(forge.asn1.create(Class.UNIVERSAL, Type.SET, true, children(attrs)));
}

export function verifySignature(data: Buffer, info: SignerInfo, key: KeyObject): boolean {
  try {
    if (info.signatureAlgorithm === OID.rsaPss) {
      return verify(info.digest, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, info.signature);
    }
    return verify(info.digest, data, key, info.signature);
  } catch {
    return false;
  }
}

export interface Pkcs7 {
  certs: Cert[];
  signer: SignerInfo;
  eContent: Buffer | null;
}

export function readPkcs7(bytes: Buffer): Pkcs7 {
  const root = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')), {
    strict: false,
    parseAllBytes: false, // /Contents is padded with zeros
    decodeBitStrings: false,
  } as unknown as boolean);
  const [type, wrapped] = children(root);
  if (oidOf(type) !== OID.signedData || !isContext(wrapped, 0)) throw new Error('PKCS#7: not SignedData');
  const fields = children(children(wrapped)[0]);
  const encap = fields[2];
  const eContentNode = children(encap)[1];
  const certsNode = fields.find((f, i) => i > 2 && isContext(f, 0));
  const signerInfos = fields[fields.length - 1];
  const first = children(signerInfos)[0];
  if (!first) throw new Error('PKCS#7: no SignerInfo');
  return {
    certs: children(certsNode).map(readCertificate),
    signer: readSignerInfo(first),
    eContent: eContentNode ? Buffer.from(bytesOf(children(eContentNode)[0]), 'binary') : null,
  };
}
