// Self-signed certificates packed as PKCS#12, for tests and for each agency's demo certificate until it has
// one from a licensed certification authority (Decree 130/2018). Node's crypto makes the RSA key (milliseconds;
// forge's pure-JS key generation takes seconds); node-forge writes the certificate and the PKCS#12 file.
// Names go in as UTF8String so Vietnamese survives in the subject.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface TestP12Options {
  commonName: string;
  organisation: string;
  passphrase: string;
  organisationalUnit?: string;
  email?: string;
  validFrom?: Date;
  validTo?: Date;
}

const YEAR_MS = 365 * 24 * 3_600_000;

// forge reads valueTagClass as the ASN.1 string type of the value (its typings call it a Class).
type NameAttribute = { shortName?: string; name?: string; value: string; valueTagClass?: forge.asn1.Type };

function nameAttributes(opts: TestP12Options): forge.pki.CertificateField[] {
  const utf8 = forge.asn1.Type.UTF8;
  const attrs: NameAttribute[] = [{ shortName: 'C', value: 'VN' }, { shortName: 'O', value: opts.organisation, valueTagClass: utf8 }];
  if (opts.organisationalUnit) attrs.push({ shortName: 'OU', value: opts.organisationalUnit, valueTagClass: utf8 });
  attrs.push({ shortName: 'CN', value: opts.commonName, valueTagClass: utf8 });
  if (opts.email) attrs.push({ name: 'emailAddress', value: opts.email, valueTagClass: forge.asn1.Type.IA5STRING });
  return attrs as unknown as forge.pki.CertificateField[];
}

/**
 * A positive serial number of 16 random bytes, as hex. The first byte is 0x01–0x7f: positive, and never 0x00, which
 * DER's minimal encoding of an integer would drop (a 15-byte serial, one run in 128).
 */
function serialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) || 0x01;
  return bytes.toString('hex');
}

export function makeTestP12(opts: TestP12Options): { p12: Buffer; certificatePem: string } {
  if (!opts.passphrase) throw new Error('makeTestP12: a passphrase is required');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = serialHex();
  const validFrom = opts.validFrom ?? new Date(Date.now() - 5 * 60_000);
  cert.validity.notBefore = validFrom;
  cert.validity.notAfter = opts.validTo ?? new Date(validFrom.getTime() + 3 * YEAR_MS);
  const attrs = nameAttributes(opts);
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], opts.passphrase, { algorithm: '3des', friendlyName: opts.commonName });
  const p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  return { p12, certificatePem: forge.pki.certificateToPem(cert) };
}
