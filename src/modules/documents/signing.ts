// Signing an issued document with its agency's certificate (issue 13; Decree 30 Appendix I: the image of the agency's
// digital signature is its seal, in red, at its real size, over the left third of the signer's signature, with the
// agency's name and the signing time beside it). The certificate is a PKCS#12 file per agency,
// `<EGOV_DOCUMENT_CERT_DIR>/<agency code>.p12` with its passphrase in `<agency code>.pass` beside it. Outside production
// (the demo, tests) an agency without one gets a self-signed certificate made on first use in the var directory, so the
// whole chain runs on a fresh machine; in production an agency without a certificate cannot issue (a clear refusal).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { signPdf, verifyPdfSignatures } from '../../platform/pdf/signature.ts';
import { makeTestP12 } from '../../platform/pdf/test-certificate.ts';
import { findAgencyById, findAgencyByCode, type Agency } from '../units/index.ts';
import { DocumentErrors } from './errors.ts';
import type { SignatureChecker } from './files.ts';
import { externalRecipientsOf, internalCodesOf, type Publisher } from './outgoing.ts';
import { officialDocumentPdf, sealPng } from './print/index.ts';
import type { DocumentRow } from './repo.ts';
import type { DocumentTypeCode, Urgency } from './types.ts';

export interface AgencyCertificate {
  p12: Buffer;
  passphrase: string;
}

const certDir = (platform: Platform): string => platform.config.documentCertDir ?? join(platform.config.varDir, 'certificates');

async function readIfThere(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw err;
  }
}

/** The agency's certificate; made on first use outside production; null in production when none is configured. */
export async function agencyCertificate(platform: Platform, agency: Agency): Promise<AgencyCertificate | null> {
  const dir = certDir(platform);
  const p12 = await readIfThere(join(dir, `${agency.code}.p12`));
  if (p12) {
    const pass = (await readIfThere(join(dir, `${agency.code}.pass`)))?.toString('utf8').trim() ?? '';
    return { p12, passphrase: pass };
  }
  if (platform.config.production) return null;
  const passphrase = randomBytes(18).toString('base64url');
  const made = makeTestP12({ commonName: agency.name, organisation: agency.name, organisationalUnit: 'Văn thư (chứng thư thử nghiệm, tự ký)', passphrase });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, `${agency.code}.pass`), passphrase, { mode: 0o600 });
  await writeFile(join(dir, `${agency.code}.p12`), made.p12, { mode: 0o600 });
  return { p12: made.p12, passphrase };
}

/** The recipients as printed under "Nơi nhận": the free-text lines, the agencies on the platform, then the file copy. */
async function printedRecipients(platform: Platform, doc: DocumentRow): Promise<string[]> {
  const names: string[] = externalRecipientsOf(doc.recipients)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const code of internalCodesOf(doc.recipients)) {
    const a = await findAgencyByCode(platform.database.db, code);
    if (a) names.push(a.name);
  }
  names.push(`Lưu: VT${doc.drafting_unit ? `, ${doc.drafting_unit}` : ''}`);
  return names;
}

/** The document as printed and signed when it is issued; the publisher issueDocument calls. */
export function documentPublisher(platform: Platform): Publisher {
  return async (doc, agency) => {
    const cert = await agencyCertificate(platform, agency);
    if (!cert) throw DocumentErrors.NO_CERTIFICATE();
    const parent = agency.parentId === null ? undefined : await findAgencyById(platform.database.db, agency.parentId);
    const recipients = await printedRecipients(platform, doc);
    const seal = await sealPng(agency.name, parent?.name);
    return async (numbered, now) => {
      const pdf = await officialDocumentPdf({
        ...(parent ? { parentAgencyName: parent.name } : {}),
        agencyName: agency.name,
        numberNotation: numbered,
        place: 'Hà Nội',
        date: vietnamDateOf(now),
        typeCode: doc.type_code as DocumentTypeCode,
        summary: doc.summary,
        body: doc.body,
        recipients,
        signer: { ...(doc.signer_competence ? { competence: doc.signer_competence } : {}), position: doc.signer_position || 'Chủ tịch', fullName: doc.signer_name },
        urgency: doc.urgency as Urgency,
        secrecy: doc.secrecy === 'confidential' ? 'confidential' : 'normal',
        sealImage: seal,
        signedBy: { agencyName: agency.name, at: now },
      });
      const signed = await signPdf(pdf, { ...cert, reason: `Ban hành văn bản số ${numbered}`, location: 'Hà Nội', name: agency.name, signingTime: now });
      return { name: `${numbered.replace(/[/\\]/g, '-')}.pdf`, content: signed };
    };
  };
}


/** The signatures of a PDF as kept with the file and shown to readers. */
export const checkSignatures: SignatureChecker = async (pdf) =>
  verifyPdfSignatures(pdf).map((c) => JSON.parse(JSON.stringify(c)) as Record<string, unknown>);
