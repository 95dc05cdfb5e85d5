// What people actually type — Vietnamese with and without accents, everyday words, English — must put the procedure
// they mean among the first three results of the whole shipped catalogue (2,642 procedures, with the shipped synonyms
// and English names).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { searchProcedures } from './search.ts';
import { seedProceduresDemo } from './seed.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
  await seedProceduresDemo(app.platform);
});
after(async () => {
  await app.close();
});

const BIRTH = '1.001193';
const MARRIAGE = '1.000894';
const DEATH = '1.000656';
const PERMANENT_RESIDENCE = '1.004222';
const TEMPORARY_RESIDENCE = '1.004194';
const CERTIFIED_COPY = '2.000815';
const HOUSE_BUILDING_PERMIT = '1.013225';
const DRIVING_LICENCE = '3.000346';
const DRIVING_LICENCE_RENEWAL = '3.000347';
const DRIVING_LICENCE_REISSUE = '3.000348';
const PASSPORT = '1.001456';
const JUDICIAL_RECORD = '3.000333';
const HOUSEHOLD_BUSINESS = '1.001612';

/** [what is typed, the procedure that must be in the top 3] */
const PHRASINGS: [string, string][] = [
  // Vietnamese, everyday words
  ['bằng lái xe máy', DRIVING_LICENCE],
  ['đổi bằng lái xe', DRIVING_LICENCE_RENEWAL],
  ['làm lại bằng lái xe', DRIVING_LICENCE_REISSUE],
  ['giấy khai sinh', BIRTH],
  ['làm giấy khai sinh', BIRTH],
  ['hộ khẩu', PERMANENT_RESIDENCE],
  ['nhập hộ khẩu', PERMANENT_RESIDENCE],
  ['đăng ký tạm trú', TEMPORARY_RESIDENCE],
  ['khai báo tạm vắng', '1.003677'],
  ['xin giấy phép xây dựng', HOUSE_BUILDING_PERMIT],
  ['xin phép xây nhà', HOUSE_BUILDING_PERMIT],
  ['đăng ký kết hôn', MARRIAGE],
  ['giấy xác nhận độc thân', '1.004873'],
  ['báo tử', DEATH],
  ['công chứng giấy tờ', CERTIFIED_COPY],
  ['sao y bản chính', CERTIFIED_COPY],
  ['chứng thực chữ ký', '2.000884'],
  ['lý lịch tư pháp', JUDICIAL_RECORD],
  ['làm lại căn cước', '1.014064'],
  ['làm hộ chiếu', PASSPORT],
  ['đăng ký hộ kinh doanh', HOUSEHOLD_BUSINESS],
  ['tách thửa', '1.012784'],
  ['cấp đổi sổ đỏ', '1.012783'],
  // Vietnamese typed without accents
  ['giay khai sinh', BIRTH],
  ['xin giay phep xay dung', HOUSE_BUILDING_PERMIT],
  ['ho khau', PERMANENT_RESIDENCE],
  ['doi bang lai xe', DRIVING_LICENCE_RENEWAL],
  ['dang ky ket hon', MARRIAGE],
  ['lam ho chieu', PASSPORT],
  ['khai bao tam vang', '1.003677'],
  ['ly lich tu phap', JUDICIAL_RECORD],
  // English, British and American spellings, singular and plural
  ['driving licence', DRIVING_LICENCE],
  ['renew driving license', DRIVING_LICENCE_RENEWAL],
  ["driver's license", DRIVING_LICENCE],
  ['birth registration', BIRTH],
  ['register a birth', BIRTH],
  ['building permit', HOUSE_BUILDING_PERMIT],
  ['construction permits for houses', HOUSE_BUILDING_PERMIT],
  ['marriage registration', MARRIAGE],
  ['death certificate', DEATH],
  ['certified copies of documents', CERTIFIED_COPY],
  ['criminal record certificate', JUDICIAL_RECORD],
  ['temporary residence registration', TEMPORARY_RESIDENCE],
  ['permanent residence', PERMANENT_RESIDENCE],
  ['passport', PASSPORT],
  ['ID card renewal', '1.014063'],
  ['household business registration', HOUSEHOLD_BUSINESS],
  ['certificate of marital status', '1.004873'],
];

test(`${PHRASINGS.length} everyday phrasings each find their procedure among the first three`, async () => {
  const misses: string[] = [];
  for (const [q, code] of PHRASINGS) {
    const top = (await searchProcedures(app.database.db, { q, limit: 3 })).items.map((i) => i.code);
    if (!top.includes(code)) misses.push(`"${q}": ${code} not in ${top.join(', ') || 'nothing'}`);
  }
  assert.deepEqual(misses, []);
});

test('English results carry their English name; a Vietnamese query still ranks by the Vietnamese name', async () => {
  const en = await searchProcedures(app.database.db, { q: 'driving license', limit: 3 });
  assert.ok(en.items.every((i) => i.nameEn !== null && /driving licence/i.test(i.nameEn)), en.items.map((i) => i.nameEn).join('; '));
  const vi = await searchProcedures(app.database.db, { q: 'đăng ký khai sinh', limit: 1 });
  assert.deepEqual(
    vi.items.map((i) => [i.code, i.nameEn]),
    [[BIRTH, 'Birth registration']],
  );
});
