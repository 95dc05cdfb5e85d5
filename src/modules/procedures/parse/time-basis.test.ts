// Processing times whose time field has no unit: found in the procedure's own text, or in the reviewed table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContent, SourceRecord } from '../record.ts';
import { recordsFor } from '../testing.ts';
import { parseProcessingTime } from './time.ts';
import { timeFromProcedureText } from './time-basis.ts';
import { parseTimeOverrides, shippedTimeOverrides, type TimeOverrides } from './time-overrides.ts';

const NONE: TimeOverrides = new Map();
const built = (code: string, overrides: TimeOverrides = NONE) => buildContent(SourceRecord.parse(recordsFor([code])[0]?.data), undefined, overrides);

test('birth registration 1.001193 ("1"): the same-day rule of its steps, counted by the calendar as within_day', () => {
  const b = built('1.001193');
  assert.deepEqual([b.content.processingTime.amount, b.content.processingTime.unit, b.content.processingTime.text, b.timeSource], [null, 'within_day', '1', 'procedure_text']);
  assert.match(b.content.processingTime.basis ?? '', /nếu tiếp nhận hồ sơ sau 15 giờ .*trong ngày làm việc tiếp theo/);
  assert.ok(b.content.channelDetails.every((c) => c.time.unit === 'within_day' && c.time.text === '1'), 'each channel\'s "1" too');
  assert.equal(b.problems.processingTime, undefined, 'not reported');
});

test('a sentence of the steps that issues the result, or a "Thời hạn giải quyết:" line', () => {
  const household = built('1.001612').content.processingTime; // "Không có thông tin"
  assert.deepEqual([household.amount, household.unit], [3, 'working_days']);
  assert.match(household.basis ?? '', /cấp Giấy chứng nhận đăng ký hộ kinh doanh .* trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ/);
  const nationality = built('1.003198').content.processingTime;
  assert.deepEqual([nationality.amount, nationality.unit], [15, 'calendar_days']);
  assert.match(nationality.basis ?? '', /^Thời hạn giải quyết : Trong thời hạn 15 ngày/);
});

test('a bare number N takes the one unit the procedure’s text counts every period in, when N appears in it', () => {
  const fishExport = built('1.004925').content.processingTime; // "7"; the steps: "… 07 ngày làm việc …"
  assert.deepEqual([fishExport.amount, fishExport.unit, fishExport.text], [7, 'working_days', '7']);
  assert.match(fishExport.basis ?? '', /07 ngày làm việc/);
  const fishing = built('1.004359').content.processingTime; // "5"; 05, 02, 03 ngày làm việc
  assert.deepEqual([fishing.amount, fishing.unit], [5, 'working_days']);
  const time = (text: string) => parseProcessingTime(text).value;
  const texts = (steps: string) => ({ descriptions: [], steps, fees: '' });
  const agreed = timeFromProcedureText(time('10'), texts('Bước 1: xem xét trong 02 ngày. Bước 2: cấp giấy trong 10 ngày kể từ ngày kiểm tra.'));
  assert.deepEqual([agreed?.amount, agreed?.unit], [10, 'calendar_days']);
  // Two units, N absent, or a bare "1": unsure, nothing.
  assert.equal(timeFromProcedureText(time('5'), texts('trong 05 ngày làm việc; thông báo trong 30 ngày kể từ ngày công bố')), undefined);
  assert.equal(timeFromProcedureText(time('20'), texts('trong 01 ngày làm việc; sau đó 18 ngày làm việc')), undefined);
  assert.equal(timeFromProcedureText(time('1'), texts('xem xét trong 01 ngày làm việc')), undefined);
});

test('not a time to the result: a completeness check, a request for papers, a phase of another agency', () => {
  const texts = (steps: string, descriptions: string[] = []) => ({ steps, descriptions, fees: '' });
  const bare = parseProcessingTime('1').value;
  const none = parseProcessingTime('').value;
  assert.equal(timeFromProcedureText(bare, texts('Trong thời hạn 01 ngày làm việc kể từ ngày nhận được hồ sơ, Cơ quan kiểm dịch động vật nội địa tiến hành xem xét tính đầy đủ, hợp lệ của hồ sơ.')), undefined);
  assert.equal(
    timeFromProcedureText(none, texts('+ Trường hợp nộp trực tiếp, không quá 01 ngày làm việc kể từ khi nhận được hồ sơ, cơ quan thụ lý có văn bản gửi cho người xin cấp Giấy xác nhận để bổ sung, hoàn thiện hồ sơ.')),
    undefined,
  );
  assert.equal(timeFromProcedureText(none, texts('Trong thời hạn 02 ngày làm việc, kể từ ngày nhận được kết quả giải quyết hồ sơ từ Bộ, Sở cấp giấy phép.')), undefined);
  assert.equal(timeFromProcedureText(none, texts('', ['Thời hạn giải quyết: 02 ngày làm việc và 45 ngày.'])), undefined, 'a sum of phases');
  assert.equal(timeFromProcedureText(parseProcessingTime('6 Tháng').value, texts('Trong thời hạn 6 ngày làm việc kể từ ngày nhận hồ sơ, Sở cấp Giấy phép.')), undefined, 'months are a unit');
  // With a bare number, only a sentence with that number counts.
  assert.equal(timeFromProcedureText(parseProcessingTime('5').value, texts('Trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ, Sở cấp Giấy phép.')), undefined);
  assert.equal(timeFromProcedureText(parseProcessingTime('3').value, texts('Trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ, Sở cấp Giấy phép.'))?.unit, 'working_days');
});

test('the reviewed table fills what the text does not state, and never replaces a stated unit', () => {
  const table = parseTimeOverrides(
    'code,amount,unit,rule,source,check\n1.000894,,within_day,Ngay trong ngày,Luật Hộ tịch 2014 Điều 18,unverified\n3.000347,9,working_days,Chín ngày,thử,unverified\n',
  );
  const marriage = built('1.000894', table);
  assert.deepEqual([marriage.content.processingTime.unit, marriage.timeSource], ['within_day', 'override']);
  assert.equal(marriage.content.processingTime.basis, 'Ngay trong ngày (Luật Hộ tịch 2014 Điều 18)');
  assert.equal(built('1.000894').timeSource, 'none', 'without the row: none, and reported');
  assert.deepEqual(built('1.000894').problems.processingTime?.reasons, ['no unit']);
  const licence = built('3.000347', table);
  assert.deepEqual([licence.content.processingTime.amount, licence.timeSource, licence.overrideNotNeeded], [5, 'stated', true]);
});

test('the shipped table is valid, and covers the shipped e-forms and the demo procedures the text leaves without a unit', () => {
  const table = shippedTimeOverrides();
  assert.ok(table.size >= 30);
  for (const code of ['1.001193', '1.000894', '1.004222', '2.000815', '3.000347', '1.004873', '1.001022', '1.005136', '2.000884', '1.001612']) {
    const b = buildContent(SourceRecord.parse(recordsFor([code])[0]?.data), undefined, table);
    assert.notEqual(b.content.processingTime.unit, null, code);
  }
  assert.throws(() => parseTimeOverrides('code,amount,unit,rule,source,check\n1.000894,2,within_day,x,y,quoted\n'), /line 2/);
  assert.throws(() => parseTimeOverrides('code,amount,unit,rule,source,check\n1.000894,2,months,x,y,quoted\n'), /line 2/);
  assert.throws(() => parseTimeOverrides('code,amount,unit,rule,source,check\n1.000894,2,working_days,x,y,maybe\n'), /line 2/);
  assert.throws(() => parseTimeOverrides('code,amount,unit,rule,source\n'), /header/);
  assert.throws(() => parseTimeOverrides('code,unit\n'), /header/);
});

test('a row marked quoted quotes the procedure’s own text: every quotation of a field is in the shipped record', () => {
  const table = shippedTimeOverrides();
  const norm = (x: string) => x.normalize('NFC').replace(/\s+/g, ' ').toLowerCase();
  const quoted = [...table.values()].filter((o) => o.check === 'quoted');
  assert.ok(quoted.length >= 25, 'quoted rows');
  assert.ok([...table.values()].some((o) => o.check === 'unverified'), 'and unverified ones, marked so');
  for (const o of quoted) {
    const r = SourceRecord.parse(recordsFor([o.code])[0]?.data);
    const text = norm([r.trinh_tu_thuc_hien ?? '', ...(r.cach_thuc_chi_tiet ?? []).map((c) => c.description)].join('\n'));
    const quotes = [...o.source.matchAll(/(?:trinh_tu_thuc_hien|cach_thuc_chi_tiet): "([^"]+)"((?:; "[^"]+")*)/g)].flatMap((m) => [m[1] ?? '', ...[...(m[2] ?? '').matchAll(/"([^"]+)"/g)].map((x) => x[1] ?? '')]);
    assert.ok(quotes.length > 0, `${o.code}: a quotation`);
    for (const part of quotes.flatMap((q) => q.split('…')).map((f) => norm(f).trim()).filter((f) => f.length > 3)) {
      assert.ok(text.includes(part), `${o.code}: "${part}" is in the record`);
    }
  }
});
