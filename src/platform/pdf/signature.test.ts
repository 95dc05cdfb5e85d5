import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPdf, pdfToBuffer } from './index.ts';
import { PdfSignError, signatureProblemText, signPdf, verifyPdfSignatures } from './signature.ts';
import { parsePdfDate } from './signature-verify.ts';
import { makeTestP12 } from './test-certificate.ts';

const CN = 'Văn thư UBND phường Hoàn Kiếm';
const ORG = 'UBND phường Hoàn Kiếm';
const PASS = 'mật-khẩu-thử';
const SIGNED_AT = new Date('2026-03-02T03:04:05Z');

let cert: { p12: Buffer; certificatePem: string };
let unsigned: Buffer;
let signed: Buffer;

async function smallPdf(): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: 'Quyết định công nhận khu phố văn hóa' });
  doc.fontSize(13).font('serifBold').text('QUYẾT ĐỊNH', { align: 'center' });
  doc.font('serif').text('Về việc công nhận danh hiệu "Tổ dân phố văn hóa" năm 2026 — Ủy ban nhân dân phường Hoàn Kiếm.');
  return pdfToBuffer(doc);
}

const signOpts = () => ({ p12: cert.p12, passphrase: PASS, reason: 'Ban hành văn bản (bản chính)', location: 'Hà Nội', name: CN, signingTime: SIGNED_AT });

before(async () => {
  cert = makeTestP12({ commonName: CN, organisation: ORG, passphrase: PASS, validFrom: new Date('2026-01-01T00:00:00Z'), validTo: new Date('2028-01-01T00:00:00Z') });
  unsigned = await smallPdf();
  signed = await signPdf(unsigned, signOpts());
});

/** Where the signature's hex string starts ('<') and ends (after '>'). */
function contentsGap(pdf: Buffer): { start: number; end: number } {
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(pdf.toString('latin1'));
  assert.ok(m);
  return { start: Number(m[1]) + Number(m[2]), end: Number(m[3]) };
}

test('the test certificate keeps Vietnamese names as UTF8String', () => {
  const x509 = new X509Certificate(cert.certificatePem);
  assert.match(x509.subject, new RegExp(`CN=${CN}`));
  assert.match(x509.subject, new RegExp(`O=${ORG}`));
  const utf8Cn = Buffer.from(CN, 'utf8');
  const der = x509.raw;
  const at = der.indexOf(utf8Cn);
  assert.ok(at > 2, 'the CN bytes are UTF-8 in the DER');
  assert.equal(der[at - 2], 0x0c, 'tagged UTF8String');
  assert.equal(new Date(x509.validFrom).toISOString(), '2026-01-01T00:00:00.000Z');
});

test('a signed PDF verifies: one signature, intact, whole file, signer, organisation and time', () => {
  const checks = verifyPdfSignatures(signed);
  assert.equal(checks.length, 1);
  const c = checks[0]!;
  assert.equal(c.problem, null);
  assert.equal(c.intact, true);
  assert.equal(c.coversWholeFile, true);
  assert.equal(c.signerName, CN);
  assert.equal(c.organisation, ORG);
  assert.deepEqual(c.issuer, { name: CN, organisation: ORG });
  assert.equal(c.selfSigned, true);
  assert.equal(c.certificateValidAtSigning, true);
  assert.equal(c.signingTime?.toISOString(), SIGNED_AT.toISOString());
  assert.equal(c.validFrom?.toISOString(), '2026-01-01T00:00:00.000Z');
  assert.equal(c.validTo?.toISOString(), '2028-01-01T00:00:00.000Z');
  assert.equal(c.reason, 'Ban hành văn bản (bản chính)');
  assert.equal(c.location, 'Hà Nội');
  assert.match(c.serialNumber ?? '', /^[0-9A-F]{32}$/);
  const text = signatureProblemText(c);
  assert.match(text.vi, /^Chữ ký hợp lệ, tệp không bị sửa sau khi ký/);
  assert.match(text.vi, /tự cấp/);
  assert.match(text.en, /self-signed/);
});

test('poppler and OpenSSL accept the signature too (when pdfsig is installed)', () => {
  if (!existsSync('/usr/bin/pdfsig')) return;
  const dir = mkdtempSync(join(tmpdir(), 'egov-sig-'));
  writeFileSync(join(dir, 'a.pdf'), signed);
  const out = execFileSync('pdfsig', ['-nocert', join(dir, 'a.pdf')], { encoding: 'utf8' });
  assert.match(out, /Signature is Valid/);
  assert.match(out, new RegExp(`Signer Certificate Common Name: ${CN}`));
  assert.match(out, /Total document signed/);
});

test('one byte changed inside the signed range: digest mismatch', () => {
  const changed = Buffer.from(signed);
  const at = changed.indexOf('Tinos') + 1; // inside the font name, far from the signature dictionary
  changed[at] = (changed[at] ?? 0) ^ 0x01;
  const [c] = verifyPdfSignatures(changed);
  assert.equal(c?.intact, false);
  assert.equal(c?.problem, 'digest-mismatch');
  assert.equal(c?.signerName, CN, 'still says who signed');
  assert.equal(signatureProblemText(c!).vi, 'Tệp đã bị sửa sau khi ký');
});

test('a changed signature value: bad signature', () => {
  const { start } = contentsGap(signed);
  const der = Buffer.from(signed.subarray(start + 1, start + 9).toString('latin1'), 'hex'); // 30 82 LL LL
  const total = 4 + der.readUInt16BE(2);
  const hexAt = start + 1 + 2 * (total - 10); // inside the RSA signature, the last field of the PKCS#7
  const changed = Buffer.from(signed);
  changed[hexAt] = changed[hexAt] === 0x30 ? 0x31 : 0x30;
  const [c] = verifyPdfSignatures(changed);
  assert.equal(c?.problem, 'bad-signature');
  assert.equal(c?.intact, false);
});

test('an incremental update appended after signing: still intact but not the whole file', () => {
  const tail = Buffer.from('\n20 0 obj\n<< /Type /Annot /Subtype /Text /Contents (sửa sau) >>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 21 >>\nstartxref\n0\n%%EOF\n', 'latin1');
  const [c] = verifyPdfSignatures(Buffer.concat([signed, tail]));
  assert.equal(c?.intact, true);
  assert.equal(c?.coversWholeFile, false);
  assert.equal(c?.problem, null);
  assert.match(signatureProblemText(c!).vi, /thêm sau khi ký/);
  assert.equal(verifyPdfSignatures(Buffer.concat([signed, Buffer.from('\r\n')]))[0]?.coversWholeFile, true, 'a trailing end-of-line is no change');
});

test('a wrong passphrase is refused with a clear error', async () => {
  await assert.rejects(signPdf(unsigned, { ...signOpts(), passphrase: 'sai' }), (err: unknown) => {
    assert.ok(err instanceof PdfSignError);
    assert.equal(err.code, 'wrong-passphrase');
    assert.match(err.message, /wrong passphrase/);
    return true;
  });
});

test('not a PDF, or a PDF already signed, is refused when signing', async () => {
  await assert.rejects(signPdf(Buffer.from('hello'), signOpts()), (err: unknown) => err instanceof PdfSignError && err.code === 'not-a-pdf');
  await assert.rejects(signPdf(signed, signOpts()), (err: unknown) => err instanceof PdfSignError && err.code === 'already-signed');
});

test('an unsigned PDF has no signatures', () => {
  assert.deepEqual(verifyPdfSignatures(unsigned), []);
});

test('garbage never throws: random bytes, truncated files, broken ByteRange, malformed hex', () => {
  for (let i = 0; i < 20; i++) {
    const noise = Buffer.alloc(2000 + i * 37);
    for (let j = 0; j < noise.length; j++) noise[j] = (j * 7919 + i * 104729) % 251;
    assert.deepEqual(verifyPdfSignatures(noise), []);
  }
  assert.deepEqual(verifyPdfSignatures(Buffer.alloc(0)), []);
  assert.deepEqual(verifyPdfSignatures('not a buffer' as unknown as Buffer), []);

  const { start, end } = contentsGap(signed);
  for (const cut of [start - 10, start + 5, Math.floor((start + end) / 2), end + 10, signed.length - 30]) {
    // The byte ranges reach past the end of a truncated file: the signature cannot be checked.
    const checks = verifyPdfSignatures(signed.subarray(0, cut));
    assert.equal(checks.length, 1);
    assert.equal(checks[0]?.problem, 'unparseable', `cut at ${cut}`);
  }

  const text = signed.toString('latin1');
  const outside = Buffer.from(text.replace(/\/ByteRange \[0 (\d+) (\d+) (\d+)\]/, (m, b: string) => `/ByteRange [0 ${b} 99999999 99999999]`.padEnd(m.length)), 'latin1');
  assert.equal(verifyPdfSignatures(outside)[0]?.problem, 'unparseable');

  const badHex = Buffer.from(signed);
  badHex[start + 3] = 0x5a; // 'Z'
  assert.equal(verifyPdfSignatures(badHex)[0]?.problem, 'unparseable');

  const zeros = Buffer.from(signed);
  zeros.fill(0x30, start + 1, end - 1);
  const [c] = verifyPdfSignatures(zeros);
  assert.equal(c?.problem, 'unparseable');
  assert.equal(c?.reason, 'Ban hành văn bản (bản chính)', 'the dictionary is still read');
  assert.equal(signatureProblemText(c!).en, 'The signature in the file could not be read');
});

test('PDF dates with a time zone', () => {
  assert.equal(parsePdfDate("D:20260302100405+07'00'")?.toISOString(), '2026-03-02T03:04:05.000Z');
  assert.equal(parsePdfDate('D:20260302030405Z')?.toISOString(), '2026-03-02T03:04:05.000Z');
  assert.equal(parsePdfDate('yesterday'), null);
});
