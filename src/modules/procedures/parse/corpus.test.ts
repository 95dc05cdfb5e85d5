// The parsers over all 2,642 procedures of the shipped national data: how much they read (a regression guard, with
// the figures of the current parsers) and what must hold for every value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readProcedureFile } from '../reader.ts';
import { buildContent, SourceRecord } from '../record.ts';
import { FeeRule } from '../schema.ts';
import { SHIPPED_PROCEDURES } from '../seed.ts';

const records = readProcedureFile(readFileSync(SHIPPED_PROCEDURES)).records.map((r) => SourceRecord.parse(r.data));
const built = new Map(records.map((r) => [r.ma_thu_tuc, buildContent(r)]));

test('the shipped file holds 2,642 procedures, among them the ones other modules and tests rely on', () => {
  assert.equal(records.length, 2642);
  assert.equal(built.size, 2642, 'codes are unique');
  for (const code of ['1.001193', '1.000894', '1.004222', '3.000347', '2.000815']) assert.ok(built.has(code), code);
});

test('how much of the free text the parsers read', () => {
  const n = (f: (b: ReturnType<typeof buildContent>) => boolean) => [...built.values()].filter(f).length;
  assert.ok(n((b) => b.content.processingTime.unit !== null) >= 2268, 'typed processing times (the text, the procedure\'s steps, the table)');
  assert.ok(n((b) => b.timeSource === 'procedure_text') >= 59, 'units found in the procedure\'s other text');
  assert.ok(n((b) => b.timeSource === 'override') >= 58, 'units from the reviewed table');
  assert.ok(n((b) => b.problems.processingTime !== undefined) <= 243, 'processing times not read');
  assert.ok(n((b) => b.content.feeRules.length > 0) >= 2276, 'procedures with fee rules');
  assert.ok(n((b) => b.problems.fees !== undefined) <= 355, 'fees with a part kept as text');
  assert.ok(n((b) => b.problems.documents !== undefined) <= 63, 'documents not read');
  assert.ok(n((b) => b.content.documents.length > 0) >= 2600, 'procedures with documents');
  assert.ok(n((b) => b.content.legalBasis.some((l) => l.title !== null)) >= 2000, 'legal basis with titles');
});

test('invariants of every parsed value', () => {
  for (const [code, { content: c }] of built) {
    for (const f of c.feeRules) {
      assert.ok(FeeRule.safeParse(f).success, `${code}: a valid fee rule`);
      assert.equal(f.kind === 'amount', f.amount_dong !== null, `${code}: an amount rule has its amount`);
      assert.ok(f.from === null || f.to === null || f.from <= f.to, code);
    }
    for (const d of c.documents) {
      assert.ok(d.name.length > 0, `${code}: a document has a name`);
      assert.ok(d.originals === null || (d.originals >= 0 && d.originals <= 9), code);
      assert.ok(d.copies === null || (d.copies >= 0 && d.copies <= 9), code);
      for (const file of d.form_files) assert.match(file, /\.(docx?|pdf|xlsx?|odt|rar|zip)$/i, code);
    }
    assert.ok(c.channels.length > 0, `${code}: a channel`);
    assert.ok(c.sourceUrl === null || c.sourceUrl.startsWith('https://dichvucong.gov.vn/'), code);
  }
});

test('the driving-licence renewal 3.000347 in full', () => {
  const c = built.get('3.000347')?.content;
  assert.ok(c);
  assert.equal(c.name, 'Đổi giấy phép lái xe');
  assert.deepEqual(c.levels, ['ministry']);
  assert.deepEqual(c.channels, ['direct', 'online']);
  assert.deepEqual(c.processingTime, { amount: 5, unit: 'working_days', text: '5 Ngày làm việc', basis: null });
  assert.deepEqual(
    c.feeRules.map((f) => [f.channel, f.amount_dong, f.from, f.to]),
    [
      [null, 135_000, null, null],
      ['online', 115_000, '2023-12-01', '2025-12-31'],
    ],
  );
  assert.equal(c.documents.length, 5);
  assert.deepEqual(
    c.documents.map((d) => [d.originals, d.copies]),
    [
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 0],
      [0, 1],
    ],
  );
  assert.deepEqual(c.result, [{ name: 'Giấy phép lái xe', code: 'KQ.G01.000185' }]);
  assert.deepEqual(
    c.legalBasis.map((l) => l.number),
    ['12/2025/TT-BCA', '06/2025/TT-BTC', '37/2023/TT-BTC', '63/2023/TT-BTC'],
  );
  assert.deepEqual(c.implementingAgencies, ['Cục cảnh sát giao thông', 'Công an tỉnh', 'Công an cấp Xã']);
});

test('certified copies 2.000815: 2.000 đồng a page, the fee in dollars kept as text; same day by the table', () => {
  const c = built.get('2.000815')?.content;
  assert.deepEqual(
    c?.feeRules.map((f) => [f.kind, f.amount_dong, f.per, f.per_quantity]),
    [
      ['amount', 2000, 'trang', true],
      ['text', null, null, false],
    ],
  );
  assert.equal(c?.processingTime.unit, 'within_day');
  assert.deepEqual(c?.levels, ['commune', 'other']);
});
