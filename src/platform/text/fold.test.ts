import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldAccents, searchKey } from './fold.ts';
import { slugify } from './slug.ts';
import { accentedLetters } from './legacy-tables.ts';

test('foldAccents removes tones and hats, and turns đ/Đ into d/D', () => {
  assert.equal(foldAccents('Đường Hoàng Quốc Việt, đình Ứng Thiên'), 'Duong Hoang Quoc Viet, dinh Ung Thien');
});

test('every accented Vietnamese letter folds to one ASCII letter of the same case', () => {
  for (const letter of accentedLetters()) {
    const folded = foldAccents(letter);
    assert.match(folded, /^[a-zA-Z]$/, letter);
    assert.equal(folded === folded.toUpperCase(), letter === letter.toUpperCase(), letter);
  }
});

test('searchKey matches decomposed and composed input, lower-cases and collapses whitespace', () => {
  assert.equal(searchKey('  PHƯỜNG   Hoàn\tKiếm '), 'phuong hoan kiem');
  assert.equal(searchKey('Vie\u0323\u0302t Nam'), searchKey('Việt Nam'));
  assert.equal(searchKey('Đắk Lắk'), 'dak lak');
});

test('slugify makes URL slugs', () => {
  assert.equal(slugify('Phường Hoàn Kiếm'), 'phuong-hoan-kiem');
  assert.equal(slugify(' Thủ tục: Đăng ký thường trú (mới) '), 'thu-tuc-dang-ky-thuong-tru-moi');
  assert.equal(slugify('Bà Rịa - Vũng Tàu'), 'ba-ria-vung-tau');
});
