import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { checkEformDefinition, EformDefinition, SHIPPED_EFORM_CODES, shippedEform } from './index.ts';
import { EFORMS_DIR } from './shipped.ts';

function minimal(): EformDefinition {
  return {
    version: 1,
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { applicant: { type: 'object', properties: { fullName: { type: 'string', minLength: 1 } }, required: ['fullName'] } },
      required: ['applicant'],
    },
    ui: {
      sections: [{ title: { vi: 'Người nộp', en: 'Applicant' }, fields: ['applicant.fullName'] }],
      fields: { 'applicant.fullName': { widget: 'text', label: { vi: 'Họ và tên', en: 'Full name' } } },
    },
    documents: [],
  };
}

function issues(raw: unknown): string[] {
  const r = checkEformDefinition(raw);
  return r.ok ? [] : r.issues;
}

test('every shipped JSON file is a valid definition that Ajv compiles', () => {
  const files = readdirSync(EFORMS_DIR).filter((f) => f.endsWith('.json')).sort();
  assert.deepEqual(files, [...SHIPPED_EFORM_CODES].sort().map((c) => `${c}.json`));
  for (const file of files) {
    const raw: unknown = JSON.parse(readFileSync(`${EFORMS_DIR}${file}`, 'utf8'));
    assert.ok(EformDefinition.safeParse(raw).success, `${file} matches the zod schema`);
    assert.deepEqual(issues(raw), [], file);
  }
});

test('shipped forms are found by code and by a local variant of the code', () => {
  assert.equal(shippedEform('1.001193')?.schema.title, 'Thủ tục đăng ký khai sinh');
  assert.equal(shippedEform('1.001193.H26'), shippedEform('1.001193'));
  assert.equal(shippedEform('1.999999'), undefined);
  assert.equal(shippedEform('nonsense'), undefined);
});

test('the shipped forms carry the procedures’ real names from the national data', () => {
  // The catalogue the app ships (data/procedures), the national portal's crawl.
  const gz = readFileSync(new URL('../../../data/procedures/tthc_dichvucong_2026.jsonl.gz', import.meta.url));
  const text = gunzipSync(gz).toString('utf8');
  const names = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const row = JSON.parse(line) as { ma_thu_tuc: string; ten_thu_tuc: string };
    names.set(row.ma_thu_tuc, row.ten_thu_tuc);
  }
  for (const code of SHIPPED_EFORM_CODES) assert.equal(shippedEform(code)?.schema.title, names.get(code), code);
});

test('a minimal definition is valid', () => {
  assert.deepEqual(issues(minimal()), []);
});

test('schema and UI must agree', () => {
  const noField = minimal();
  noField.ui.sections[0]?.fields.push('applicant.phone');
  assert.ok(issues(noField).some((i) => i.includes('"applicant.phone" has no entry in ui.fields')));

  const notInSchema = minimal();
  notInSchema.ui.fields['applicant.age'] = { widget: 'number', label: { vi: 'Tuổi', en: 'Age' } };
  notInSchema.ui.sections[0]?.fields.push('applicant.age');
  assert.ok(issues(notInSchema).some((i) => i.includes('"applicant.age" is not a property of the schema')));

  const hidden = minimal();
  const applicant = (hidden.schema.properties as Record<string, { properties: Record<string, unknown> }>).applicant;
  if (applicant) applicant.properties.secret = { type: 'string' };
  assert.ok(issues(hidden).some((i) => i.includes('"applicant.secret" has no entry in ui.fields')));

  const twice = minimal();
  twice.ui.sections.push({ title: { vi: 'Lại', en: 'Again' }, fields: ['applicant.fullName'] });
  assert.ok(issues(twice).some((i) => i.includes('exactly one section')));
});

test('widgets must fit their schema', () => {
  const select = minimal();
  select.ui.fields['applicant.fullName'] = { widget: 'select', label: { vi: 'Họ và tên', en: 'Full name' } };
  assert.ok(issues(select).some((i) => i.includes('a select needs options')));

  const address = minimal();
  address.ui.fields['applicant.fullName'] = { widget: 'address', label: { vi: 'Địa chỉ', en: 'Address' } };
  assert.ok(issues(address).some((i) => i.includes('"commune"')));

  const numberWidget = minimal();
  numberWidget.ui.fields['applicant.fullName'] = { widget: 'number', label: { vi: 'Số', en: 'Number' } };
  assert.ok(issues(numberWidget).some((i) => i.includes('type number or integer')));
});

test('shape errors: bad widget, bad path, duplicate document keys, reserved names, other drafts', () => {
  const raw = JSON.parse(JSON.stringify(minimal())) as Record<string, unknown> & { ui: { fields: Record<string, { widget: string }> } };
  const field = raw.ui.fields['applicant.fullName'];
  if (field) field.widget = 'slider';
  assert.ok(issues(raw).length > 0);

  const docs = minimal();
  const d = { key: 'photo', name: { vi: 'Ảnh', en: 'Photo' }, required: true, accept: ['image/jpeg' as const], maxBytes: 1000 };
  docs.documents = [d, { ...d }];
  assert.ok(issues(docs).some((i) => i.includes('key "photo" is used twice')));

  const reserved = minimal();
  (reserved.schema.properties as Record<string, unknown>).files = { type: 'string' };
  assert.ok(issues(reserved).some((i) => i.includes('"files" is reserved')));

  const draft7 = minimal();
  draft7.schema.$schema = 'http://json-schema.org/draft-07/schema#';
  assert.ok(issues(draft7).some((i) => i.includes('$schema')));

  assert.ok(issues({ version: 2 }).length > 0);
  assert.ok(issues(null).length > 0);
});

test('a schema Ajv cannot compile is reported, not thrown', () => {
  const broken = minimal();
  const applicant = (broken.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>).applicant;
  if (applicant?.properties.fullName) applicant.properties.fullName.type = 'strng';
  const found = issues(broken);
  assert.equal(found.length, 1);
  assert.match(found[0] ?? '', /^schema: /);
});

test('an unknown format is refused rather than ignored', () => {
  const typo = minimal();
  const applicant = (typo.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>).applicant;
  if (applicant?.properties.fullName) applicant.properties.fullName.format = 'emial';
  assert.deepEqual(issues(typo), ['schema: unknown format "emial"']);
});
