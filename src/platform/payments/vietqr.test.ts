import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc16, memoAscii, parseEmv, vietQrPayload } from './vietqr.ts';

test('CRC-16/CCITT-FALSE matches the standard check value', () => {
  assert.equal(crc16('123456789'), '29B1');
});

test('a dynamic VietQR code carries bank, account, amount and the dossier code as memo', () => {
  const p = vietQrPayload({ bankBin: '970415', accountNumber: '113000006100', amountDong: 50000, memo: 'Lệ phí hồ sơ 000.00.01.H26-260213-0001' });
  const f = parseEmv(p);
  assert.equal(f.get('00'), '01');
  assert.equal(f.get('01'), '12');
  assert.equal(f.get('53'), '704');
  assert.equal(f.get('54'), '50000');
  assert.equal(f.get('58'), 'VN');
  const merchant = parseEmv(f.get('38') as string);
  assert.equal(merchant.get('00'), 'A000000727');
  assert.equal(merchant.get('02'), 'QRIBFTTA');
  const ben = parseEmv(merchant.get('01') as string);
  assert.equal(ben.get('00'), '970415');
  assert.equal(ben.get('01'), '113000006100');
  assert.equal(parseEmv(f.get('62') as string).get('08'), 'Le phi ho so 000.00.01.H26-260213-0001');
  // the CRC covers everything before it, including "6304"
  assert.equal(p.slice(-4), crc16(p.slice(0, -4)));
});

test('a static code has no amount; bad input is refused', () => {
  const f = parseEmv(vietQrPayload({ bankBin: '970436', accountNumber: '0011001234567' }));
  assert.equal(f.get('01'), '11');
  assert.equal(f.has('54'), false);
  assert.throws(() => vietQrPayload({ bankBin: '97041', accountNumber: '1' }), /bankBin/);
  assert.throws(() => vietQrPayload({ bankBin: '970415', accountNumber: '1', amountDong: 10.5 }), /amountDong/);
  assert.equal(memoAscii('Đăng ký khai sinh'), 'Dang ky khai sinh');
});
