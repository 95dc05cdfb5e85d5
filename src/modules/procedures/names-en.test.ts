// The English names: the shipped list (its codes, what it covers, that each still translates the catalogue's name),
// their loading (idempotent, following the file, reaching procedures imported later) and the English word forms.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { testApp, type TestApp } from '../../testing/app.ts';
import { searchKey } from '../../platform/text/index.ts';
import { englishKey, englishWord } from './english.ts';
import { loadEnglishNames, parseEnglishNames, readShippedNames } from './names-en.ts';
import { getProcedure } from './service.ts';
import { importForTest, recordsFor, shippedRecords } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
  await importForTest(app.database.db, recordsFor(['1.001193', '3.000347', '1.003460']));
});
after(async () => {
  await app.close();
});

const shipped = readShippedNames();
const catalogue = new Map(shippedRecords().map((r) => {
  const d = r.data as { ma_thu_tuc: string; ten_thu_tuc: string };
  return [d.ma_thu_tuc, d.ten_thu_tuc.normalize('NFC').replace(/\s+/g, ' ').trim()];
}));

test('the shipped list names at least 100 procedures of the catalogue, each beside the Vietnamese name it translates', () => {
  assert.ok(shipped.names.length >= 100, `${shipped.names.length} names`);
  const unknown = shipped.names.filter((n) => !catalogue.has(n.code)).map((n) => n.code);
  assert.deepEqual(unknown, []);
  // A procedure renamed by a later import needs its translation reviewed again.
  const stale = shipped.names.filter((n) => shipped.translated.get(n.code) !== catalogue.get(n.code)).map((n) => n.code);
  assert.deepEqual(stale, []);
  assert.ok(shipped.names.every((n) => n.name.length > 0 && n.name === n.name.trim() && !/\s{2}/.test(n.name)));
});

test('every procedure with a shipped e-form, and the everyday ones, have an English name', () => {
  const eforms = readdirSync(fileURLToPath(new URL('../../../data/eforms/', import.meta.url)))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
  assert.ok(eforms.length >= 5);
  const named = new Map(shipped.names.map((n) => [n.code, n.name]));
  assert.deepEqual(eforms.filter((c) => !named.has(c)), []);
  assert.equal(named.get('1.001193'), 'Birth registration');
  assert.equal(named.get('3.000347'), 'Renewal of a driving licence');
  assert.match(named.get('2.000815') ?? '', /^Certification of copies from originals/);
  assert.match(named.get('1.013225') ?? '', /^Issue of a construction permit/);
});

test('names are loaded once, follow the file and reach procedures imported later', async () => {
  const db = app.database.db;
  assert.equal((await getProcedure(db, '3.000347')).nameEn, 'Renewal of a driving licence', 'loaded at start, applied at import');
  assert.equal((await getProcedure(db, '1.003460')).nameEn, null);
  assert.deepEqual(await loadEnglishNames(db, shipped.names), { added: 0, changed: 0, removed: 0, procedures: 0 });

  const edited = shipped.names.filter((n) => n.code !== '1.001193').map((n) => (n.code === '3.000347' ? { ...n, name: 'Exchange of a driving licence' } : n));
  const extra = { code: '1.003460', name: 'Issue of a temporary residence card to a foreigner', searchKey: 'issue temporary residence card foreigner', note: null };
  assert.deepEqual(await loadEnglishNames(db, [...edited, extra]), { added: 1, changed: 1, removed: 1, procedures: 3 });
  assert.equal((await getProcedure(db, '3.000347')).nameEn, 'Exchange of a driving licence');
  assert.equal((await getProcedure(db, '1.001193')).nameEn, null, 'a name taken out of the file goes');
  assert.equal((await getProcedure(db, '1.003460')).nameEn, 'Issue of a temporary residence card to a foreigner');

  assert.equal((await loadEnglishNames(db, shipped.names)).procedures, 3);
  await importForTest(db, recordsFor(['1.004222']));
  assert.equal((await getProcedure(db, '1.004222')).nameEn, 'Permanent residence registration');
});

test('a malformed list is refused whole, naming the line', () => {
  const head = 'code,name_vi,name_en,note\n';
  assert.throws(() => parseEnglishNames(`${head}1.001193,x,Birth registration,\n1.00119,x,Oops,\n`), /line 3: "1.00119" is not a procedure code/);
  assert.throws(() => parseEnglishNames(`${head}1.001193,x,Birth registration,\n1.001193,x,Again,\n`), /line 3: 1.001193 is named twice/);
  assert.throws(() => parseEnglishNames(`${head}1.001193,x, ,\n`), /line 2: the English name is empty/);
  assert.throws(() => parseEnglishNames('code,name\n1.001193,Birth registration\n'), /must name the columns code and name_en/);
  const ok = parseEnglishNames(`\uFEFF${head}1.001193,"Thủ tục đăng ký khai sinh","Birth  registration, of a child",""\n`);
  assert.deepEqual(ok.names, [{ code: '1.001193', name: 'Birth registration, of a child', searchKey: 'birth registration child', note: null }]);
});

test('English words are searched in one form: British spelling, singular, no stop words', () => {
  const same = (a: string, b: string) => assert.equal(englishKey(searchKey(a)), englishKey(searchKey(b)), `${a} / ${b}`);
  same('driving license', 'Driving Licence');
  same('construction permits', 'a construction permit');
  same('certified copies', 'certified copy');
  same('taxes and fees', 'tax fee');
  same('legalization of organizations', 'legalisation of organisations');
  same('enrollment program', 'enrolment programme');
  for (const w of ['business', 'status', 'basis', 'process', 'gas']) assert.equal(englishWord(w), w);
});

test('words of the Vietnamese names keep their form, but for three foreign abbreviations', () => {
  const changed = new Set<string>();
  for (const name of catalogue.values()) {
    for (const w of searchKey(name).split(/[^a-z0-9]+/)) if (w && englishWord(w) !== w) changed.add(w);
  }
  // The search keeps a word as typed whenever the catalogue knows it, so these still find their procedures.
  assert.deepEqual([...changed].sort(), ['acts', 'cites', 'isps']);
});
