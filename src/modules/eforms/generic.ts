// The form of a procedure nobody has designed a form for yet (most of the imported catalogue): who is asking,
// how to reach them, what they ask, and one upload per document the procedure lists.
import type { EformDefinition, EformDocument } from './schema.ts';

/** One line of a procedure's required documents (thành phần hồ sơ), as the procedures module stores it. */
export interface RequiredDocumentLine {
  name: string;
  originals?: number | null;
  copies?: number | null;
  form_file?: string | null;
}

export interface ProcedureForEform {
  name: string;
  documents: readonly RequiredDocumentLine[];
}

const GENERIC_MAX_BYTES = 10 * 1024 * 1024;

// A line that names a condition ("(nếu có)", "Trường hợp …", "Đối với …") is needed only in that case, so
// it cannot block everyone's submission; the officer asks for it at receipt if the case applies.
const CONDITIONAL = /\(nếu có\)|^\s*[-+*•]?\s*(trường hợp|đối với)\b/iu;

function isConditional(name: string): boolean {
  return CONDITIONAL.test(name);
}

// The national data lists notes among the documents with "0 bản chính": nothing to submit, so no upload.
function asksForNothing(line: RequiredDocumentLine): boolean {
  const counts = [line.originals, line.copies].filter((n): n is number => typeof n === 'number');
  return counts.length > 0 && counts.every((n) => n === 0);
}

export function genericDocuments(lines: readonly RequiredDocumentLine[]): EformDocument[] {
  const seen = new Set<string>();
  const out: EformDocument[] = [];
  for (const line of lines) {
    const name = line.name.replace(/\s+/gu, ' ').trim();
    if (!name || seen.has(name) || asksForNothing(line)) continue;
    seen.add(name);
    out.push({
      key: `doc${out.length + 1}`,
      // The official name is Vietnamese only; English pages show it as it is.
      name: { vi: name, en: name },
      required: !isConditional(name),
      ...(typeof line.originals === 'number' && line.originals > 0 ? { originals: line.originals } : {}),
      ...(typeof line.copies === 'number' && line.copies > 0 ? { copies: line.copies } : {}),
      accept: ['application/pdf', 'image/jpeg', 'image/png'],
      maxBytes: GENERIC_MAX_BYTES,
    });
  }
  return out;
}

export function genericEform(procedure: ProcedureForEform): EformDefinition {
  const procedureName = procedure.name.replace(/\s+/gu, ' ').trim();
  return {
    version: 1,
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        applicant: {
          type: 'object',
          properties: {
            fullName: { type: 'string', minLength: 1, maxLength: 150 },
            personalId: { type: 'string', pattern: '^[0-9]{12}$' },
            phone: { type: 'string', maxLength: 20 },
            email: { type: 'string', format: 'email', maxLength: 254 },
            address: {
              type: 'object',
              properties: {
                commune: { type: 'string', pattern: '^[0-9]{5}$' },
                street: { type: 'string', minLength: 1, maxLength: 200 },
              },
              required: ['commune', 'street'],
            },
          },
          required: ['fullName', 'personalId', 'phone', 'address'],
        },
        details: { type: 'string', maxLength: 2000 },
      },
      required: ['applicant'],
    },
    ui: {
      sections: [
        {
          title: { vi: 'Thông tin người nộp hồ sơ', en: 'About you' },
          fields: ['applicant.fullName', 'applicant.personalId', 'applicant.phone', 'applicant.email', 'applicant.address'],
        },
        { title: { vi: 'Nội dung đề nghị', en: 'Your request' }, fields: ['details'] },
      ],
      fields: {
        'applicant.fullName': {
          widget: 'text',
          label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
          hint: { vi: 'Như trên thẻ căn cước', en: 'As on your identity card' },
          autocomplete: 'name',
          prefill: 'fullName',
        },
        'applicant.personalId': {
          widget: 'personal_id',
          label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
          hint: { vi: '12 chữ số in trên thẻ căn cước', en: 'The 12 digits on your identity card' },
          prefill: 'personalId',
        },
        'applicant.phone': {
          widget: 'phone',
          label: { vi: 'Số điện thoại', en: 'Phone number' },
          hint: { vi: 'Để nhận tin nhắn về hồ sơ', en: 'For text messages about your application' },
          prefill: 'phone',
        },
        'applicant.email': {
          widget: 'email',
          label: { vi: 'Thư điện tử', en: 'E-mail address' },
          prefill: 'email',
        },
        'applicant.address': {
          widget: 'address',
          label: { vi: 'Nơi cư trú', en: 'Place of residence' },
          prefill: 'address',
        },
        details: {
          widget: 'textarea',
          label: { vi: 'Nội dung đề nghị', en: 'What you are asking for' },
          hint: {
            vi: `Ghi thêm những điều cơ quan cần biết để giải quyết thủ tục “${procedureName}”.`,
            en: `Anything the office needs to know to handle “${procedureName}”.`,
          },
        },
      },
    },
    documents: genericDocuments(procedure.documents),
  };
}
