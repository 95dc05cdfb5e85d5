import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVi, compareViAlphabet, sortVi, viCollator } from './collate.ts';

const names = [
  'Đặng Văn Lâm', 'Dương Thị Hà', 'Âu Cơ', 'Ân', 'An', 'Ánh', 'Ăn', 'Bạch', 'ông Ba', 'Ông', 'Ơn', 'Ô', 'Uyên', 'Ưng',
  'Hà Nội', 'Hà Giang', 'Hạ Long', 'Ha', 'Hà', 'hà', 'Hả', 'Hã', 'Há', 'Hàng', 'Zô', 'Yên', 'Xuân', 'Đa', 'Dz', 'Ea',
  'Ê', 'Fa', 'Kiên', '2 Tháng 9', '10 Tháng 3', 'Ngô', 'Nguyễn', 'Ng',
];

test("Node's Intl has Vietnamese collation: Ă after A-words, Đ after D-words, tones after the plain letter", () => {
  assert.ok(Intl.Collator.supportedLocalesOf(['vi']).includes('vi'));
  assert.ok(viCollator.compare('Ăa', 'Ab') > 0);
  assert.ok(viCollator.compare('Đa', 'Dz') > 0);
  assert.ok(compareVi('Âa', 'Ăz') > 0);
  assert.deepEqual(sortVi(['Ha', 'Hạ', 'Há', 'Hã', 'Hả', 'Hà']), ['Ha', 'Hà', 'Hả', 'Hã', 'Há', 'Hạ']);
});

test('the alphabet fallback sorts like ICU Vietnamese', () => {
  const icu = [...names].sort(viCollator.compare);
  const fallback = [...names].sort(compareViAlphabet);
  assert.deepEqual(fallback, icu);
});

test('the alphabet fallback follows the Vietnamese alphabet and tone order', () => {
  const alphabet = 'a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y'.split(' ');
  assert.deepEqual([...alphabet].reverse().sort(compareViAlphabet), alphabet);
  assert.deepEqual(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'].sort(compareViAlphabet), ['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
  assert.ok(compareViAlphabet('Đa', 'Dz') > 0);
  assert.equal(compareViAlphabet('Hà Nội', 'Hà Nội'), 0);
});

test('sortVi sorts by a key and leaves the input alone', () => {
  const units = [{ name: 'Phường Đồng Xuân' }, { name: 'Phường Dịch Vọng' }, { name: 'Phường Ô Chợ Dừa' }];
  const sorted = sortVi(units, (u) => u.name);
  assert.deepEqual(sorted.map((u) => u.name), ['Phường Dịch Vọng', 'Phường Đồng Xuân', 'Phường Ô Chợ Dừa']);
  assert.equal(units[0]?.name, 'Phường Đồng Xuân');
});
