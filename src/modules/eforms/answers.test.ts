import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnswersList, answersView, changedAnswers, changeText, shippedEform, validateEform, type EformDefinition } from './index.ts';
import { TEST_NOW, TEST_UNITS, samplePost } from './testing.ts';

function form(code: string): EformDefinition {
  const def = shippedEform(code);
  assert.ok(def);
  return def;
}

/** The answers as stored on a dossier: the sample post, validated. */
function stored(code: string, changes: Record<string, string | undefined> = {}): Record<string, unknown> {
  const r = validateEform(form(code), samplePost(code, changes), { now: TEST_NOW, units: TEST_UNITS });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.value;
}

const row = (sections: ReturnType<typeof answersView>, field: string) => sections.flatMap((s) => s.rows).find((r) => r.field === field);

test("a birth registration reads by the form's sections and labels, values as text", () => {
  const def = form('1.001193');
  const vi = answersView(def, stored('1.001193'), 'vi', { units: TEST_UNITS });
  assert.deepEqual(
    vi.map((s) => s.title),
    def.ui.sections.map((s) => s.title.vi),
  );
  assert.deepEqual(row(vi, 'child.fullName'), { field: 'child.fullName', id: 'f-child-fullName', label: 'Họ, chữ đệm và tên của trẻ', value: 'Trần Minh An' });
  assert.equal(row(vi, 'child.sex')?.value, 'Nam', 'a choice by its label');
  assert.equal(row(vi, 'child.birthDate')?.value, '20/02/2026', 'dates dd/mm/yyyy');
  assert.equal(row(vi, 'declaration')?.value, 'Có', 'a ticked box');
  assert.equal(row(vi, 'declarant.relationship')?.value, 'Mẹ');
  assert.equal(row(vi, 'declarant.residence')?.value, '12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội', 'an address with its commune');
  assert.equal(row(vi, 'mother.birthYear')?.value, '1995');
  assert.equal(row(vi, 'child.hometown')?.value, '', 'nothing given');

  const en = answersView(def, stored('1.001193'), 'en', { units: TEST_UNITS });
  assert.equal(en[1]?.title, 'The child');
  assert.equal(row(en, 'child.sex')?.value, 'Male');
  assert.equal(row(en, 'declaration')?.value, 'Yes');
});

test('an unticked box reads Không; the files attached are listed by name under the documents', () => {
  const def = form('2.000815');
  const sections = answersView(def, stored('2.000815'), 'vi', { files: [{ docKey: def.documents[0]?.key ?? '', originalName: 'bang-tot-nghiep.pdf' }] });
  assert.equal(row(sections, 'document.foreignIssued')?.value, 'Không');
  assert.equal(row(sections, 'document.language')?.value, 'Tiếng Việt');
  const docs = sections.at(-1);
  assert.equal(docs?.title, 'Giấy tờ kèm theo');
  assert.equal(docs?.rows[0]?.value, 'bang-tot-nghiep.pdf');
});

test('the list shows every answer, "Không khai" when empty, and change links to the field when asked', async () => {
  const def = form('1.001193');
  const sections = answersView(def, stored('1.001193'), 'vi', { units: TEST_UNITS });
  const plain = String(await AnswersList({ lang: 'vi', sections }));
  assert.match(plain, /<dt>Họ, chữ đệm và tên của trẻ<\/dt><dd><span>Trần Minh An<\/span><\/dd>/);
  assert.match(plain, /Không khai/);
  assert.doesNotMatch(plain, /Thay đổi/);
  const withLinks = String(await AnswersList({ lang: 'vi', sections, changeHref: '/dich-vu-cong/1.001193/nop' }));
  assert.match(withLinks, /href="\/dich-vu-cong\/1.001193\/nop#f-child-fullName"><span>Thay đổi<\/span>/);
});

test('changes between two sets of answers, in the form order, as the officer reads them', () => {
  const def = form('1.001193');
  const before = stored('1.001193');
  const after = stored('1.001193', { 'child.fullName': 'Trần Minh Anh', 'child.birthDate': '2026-02-21' });
  const changes = changedAnswers(def, before, after);
  assert.deepEqual(changes, [
    { field: 'child.fullName', old: 'Trần Minh An', new: 'Trần Minh Anh' },
    { field: 'child.birthDate', old: '2026-02-20', new: '2026-02-21' },
  ]);
  assert.deepEqual(changeText(def, changes[1]!, 'vi'), { label: 'Ngày, tháng, năm sinh', old: '20/02/2026', new: '21/02/2026' });
  assert.deepEqual(changedAnswers(def, before, stored('1.001193')), []);
});
