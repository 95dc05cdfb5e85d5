import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChannels, parseLegalBasis, parseLevels, parseResult, parseSteps, splitNames, textOrNull } from './lists.ts';

test('channels from kenh_nop, always in the order direct, post, online', () => {
  assert.deepEqual(parseChannels('Trực tuyến; Dịch vụ bưu chính; Trực tiếp'), ['direct', 'post', 'online']);
  assert.deepEqual(parseChannels('Dịch vụ bưu chính; Trực tiếp'), ['direct', 'post']);
  assert.deepEqual(parseChannels('Trực tuyến'), ['online']);
  assert.deepEqual(parseChannels('Trực tiếp', true), ['direct', 'online'], 'co_nop_truc_tuyen adds the online channel');
  assert.deepEqual(parseChannels(''), []);
});

test('levels from cap_thuc_hien', () => {
  assert.deepEqual(parseLevels('Cấp bộ, Cấp tỉnh, Cấp xã'), ['ministry', 'province', 'commune']);
  assert.deepEqual(parseLevels('Cấp xã, Cơ quan khác'), ['commune', 'other']);
  assert.deepEqual(parseLevels('Cấp huyện'), ['commune'], 'district tasks went to communes on 1 July 2025');
  assert.deepEqual(parseLevels(''), []);
});

test('lists of names keep commas inside names', () => {
  assert.deepEqual(splitNames('Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam, Cán bộ, công chức, viên chức'), [
    'Tổ chức (không bao gồm doanh nghiệp, HTX)',
    'Công dân Việt Nam',
    'Cán bộ, công chức, viên chức',
  ]);
  assert.deepEqual(splitNames('Cục cảnh sát giao thông, Công an tỉnh, Công an cấp Xã'), ['Cục cảnh sát giao thông', 'Công an tỉnh', 'Công an cấp Xã']);
  assert.deepEqual(splitNames('Không có thông tin'), []);
});

test('steps, result and conditions', () => {
  assert.deepEqual(parseSteps('Bước 1: Nộp hồ sơ\nchi tiết\nBước 2: Nhận kết quả'), ['Bước 1: Nộp hồ sơ\nchi tiết', 'Bước 2: Nhận kết quả']);
  assert.deepEqual(parseSteps('a) Nộp hồ sơ\nb) Giải quyết'), ['a) Nộp hồ sơ\nb) Giải quyết']);
  assert.deepEqual(parseResult('Giấy phép lái xeMã: KQ.G01.000185'), [{ name: 'Giấy phép lái xe', code: 'KQ.G01.000185' }]);
  assert.deepEqual(parseResult('Văn bản thông báo lý do từ chốiMã: KQ.G12.001161Văn bản ghi nhận đăng kýMã: KQ.G12.000778'), [
    { name: 'Văn bản thông báo lý do từ chối', code: 'KQ.G12.001161' },
    { name: 'Văn bản ghi nhận đăng ký', code: 'KQ.G12.000778' },
  ]);
  assert.equal(textOrNull('Không có thông tin'), null);
  assert.equal(textOrNull('Không'), 'Không');
});

test('legal basis: each number with the title that runs into it', () => {
  const text =
    'Thông tư số 12/2025/TT-BCA ngày 28/02/2025 của Bộ trưởng Bộ Công an quy định về sát hạch, cấp giấy phép lái xe12/2025/TT-BCAThông tư số 37/2023/TT-BTC quy định mức thu lệ phí37/2023/TT-BTC';
  assert.deepEqual(parseLegalBasis('12/2025/TT-BCA; 37/2023/TT-BTC; 99/2020/NĐ-CP', text), [
    { number: '12/2025/TT-BCA', title: 'Thông tư số 12/2025/TT-BCA ngày 28/02/2025 của Bộ trưởng Bộ Công an quy định về sát hạch, cấp giấy phép lái xe' },
    { number: '37/2023/TT-BTC', title: 'Thông tư số 37/2023/TT-BTC quy định mức thu lệ phí' },
    { number: '99/2020/NĐ-CP', title: null },
  ]);
  assert.deepEqual(parseLegalBasis('106/2024/NĐ-CP', '106/2024/NĐ-CP106/2024/NĐ-CP'), [{ number: '106/2024/NĐ-CP', title: '106/2024/NĐ-CP' }]);
  assert.deepEqual(parseLegalBasis('', 'Không có thông tin'), []);
});
