import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectEncoding, encodeLegacy, hasUnicodeOnlyLetters, tcvn3ToUnicode, toUnicode, vniToUnicode } from './legacy.ts';
import { accentedLetters, TCVN3_DECODE } from './legacy-tables.ts';
import { isVietnameseSyllable } from './syllable.ts';

const latin1 = (...bytes: number[]): string => String.fromCharCode(...bytes);

// Typed by hand from the VNI and ABC keyboard/font charts, independently of the tables under test.
const VNI = [
  ['Vieät Nam', 'Việt Nam'],
  ['Haø Noäi', 'Hà Nội'],
  ['UÛy ban nhaân daân phöôøng Hoaøn Kieám', 'Ủy ban nhân dân phường Hoàn Kiếm'],
  ['Giaáy chöùng nhaän quyeàn söû duïng ñaát', 'Giấy chứng nhận quyền sử dụng đất'],
  ['Ñaêng kyù thöôøng truù', 'Đăng ký thường trú'],
  ['COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['Lòch söû, chæ, só quan, Myõ, kyø, ì aïch, Thuïy', 'Lịch sử, chỉ, sĩ quan, Mỹ, kỳ, ì ạch, Thụy'],
] as const;
const TCVN3 = [
  ['ViÖt Nam', 'Việt Nam'],
  ['Hµ Néi', 'Hà Nội'],
  [`ñy ban nh©n d©n ph${latin1(0xad)}êng Hoµn KiÕm`, 'Ủy ban nhân dân phường Hoàn Kiếm'],
  ['GiÊy chøng nhËn quyÒn sö dông ®Êt', 'Giấy chứng nhận quyền sử dụng đất'],
  [`§¨ng ký th${latin1(0xad)}êng tró`, 'Đăng ký thường trú'],
  ['CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
  ['NguyÔn ThÞ ¸nh TuyÕt', 'Nguyễn Thị Ánh Tuyết'],
] as const;

test('VNI text is detected and converted', () => {
  for (const [legacy, unicode] of VNI) {
    assert.equal(detectEncoding(legacy), 'vni', legacy);
    assert.equal(toUnicode(legacy), unicode);
  }
});

test('TCVN3 text is detected and converted', () => {
  for (const [legacy, unicode] of TCVN3) {
    assert.equal(detectEncoding(legacy), 'tcvn3', legacy);
    assert.equal(toUnicode(legacy), unicode);
  }
});

test('TCVN3 codes match the standard at its landmarks', () => {
  const expected: [number, string][] = [
    [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
    [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
    [0xb5, 'à'], [0xb8, 'á'], [0xb9, 'ạ'], [0xbe, 'ắ'], [0xc6, 'ặ'], [0xca, 'ấ'], [0xd0, 'é'], [0xd5, 'ế'],
    [0xdc, 'ĩ'], [0xdd, 'í'], [0xe3, 'ó'], [0xe8, 'ố'], [0xed, 'ớ'], [0xf3, 'ú'], [0xf8, 'ứ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
  ];
  for (const [code, letter] of expected) assert.equal(TCVN3_DECODE.get(latin1(code)), letter, code.toString(16));
  // 67 lower-case letters and 7 upper-case base letters, each on its own byte in 0xA1–0xFE.
  assert.equal(TCVN3_DECODE.size, 74);
  for (const code of TCVN3_DECODE.keys()) assert.ok(code >= '\u00a1' && code <= '\u00fe');
});

test('there are 134 accented letters', () => {
  const letters = accentedLetters();
  assert.equal(letters.length, 134);
  assert.equal(new Set(letters).size, 134);
});

test('VNI round-trips every accented letter, alone, inside a word and in capitals', () => {
  const letters = accentedLetters();
  for (const letter of letters) {
    for (const text of [letter, `x${letter}n`, `Ng${letter}`]) {
      assert.equal(vniToUnicode(encodeLegacy(text, 'vni')), text, text);
    }
  }
  const all = letters.join(' ');
  assert.equal(toUnicode(encodeLegacy(all, 'vni'), 'vni'), all);
});

test('TCVN3 round-trips every lower-case letter, and capitals inside capitalised words', () => {
  for (const letter of accentedLetters()) {
    const lower = letter.toLowerCase();
    assert.equal(tcvn3ToUnicode(encodeLegacy(`x${lower}n`, 'tcvn3')), `x${lower}n`, lower);
    // Toned capitals share the lower-case code; the case comes back from the rest of the word.
    const upper = letter.toUpperCase();
    assert.equal(tcvn3ToUnicode(encodeLegacy(`X${upper}N`, 'tcvn3')), `X${upper}N`, upper);
  }
});

test('TCVN3 cannot keep a toned capital in running text, but keeps sentence starts and names', () => {
  assert.equal(toUnicode(encodeLegacy('Phòng Ở Hà Nội', 'tcvn3'), 'tcvn3'), 'Phòng Ở Hà Nội');
  assert.equal(toUnicode(encodeLegacy('UBND ở Hà Nội', 'tcvn3'), 'tcvn3'), 'UBND ở Hà Nội');
  assert.equal(toUnicode(encodeLegacy('nhà Ở xã hội', 'tcvn3'), 'tcvn3'), 'nhà ở xã hội');
  assert.equal(toUnicode(encodeLegacy('Sở KH&ĐT. Ấp Bắc', 'tcvn3'), 'tcvn3'), 'Sở KH&ĐT. Ấp Bắc');
  assert.equal(toUnicode(encodeLegacy('NHÀ Ở XÃ HỘI', 'tcvn3'), 'tcvn3'), 'NHÀ Ở XÃ HỘI');
});

test('real phrases survive encode → detect → convert in both encodings', () => {
  const phrases = [
    'Ủy ban nhân dân phường Hoàn Kiếm',
    'Giấy chứng nhận quyền sử dụng đất',
    'Đăng ký thường trú',
    'Cấp bản sao trích lục hộ tịch',
    'Quận Ba Đình, thành phố Hà Nội',
    'Nguyễn Thị Ánh Tuyết',
    'Trường Trung học cơ sở Ngô Sĩ Liên',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
  ];
  for (const phrase of phrases) {
    for (const encoding of ['vni', 'tcvn3'] as const) {
      const legacy = encodeLegacy(phrase, encoding);
      assert.equal(detectEncoding(legacy), encoding, `${encoding}: ${legacy}`);
      assert.equal(toUnicode(legacy), phrase, `${encoding}: ${legacy}`);
    }
  }
});

test('Unicode and ASCII text is left alone', () => {
  for (const text of ['Hà Nội', 'Bà Rá', 'Cà Mau', 'Vie\u0323\u0302t Nam', 'Ha Noi 2025', '']) {
    assert.equal(detectEncoding(text), 'unicode', text);
    assert.equal(toUnicode(text), text.normalize('NFC'));
  }
});

test('text that reads as nothing Vietnamese is unknown and unchanged', () => {
  assert.equal(detectEncoding('Müller café'), 'unknown');
  assert.equal(toUnicode('Müller café'), 'Müller café');
});

test('syllable check accepts Vietnamese words and rejects mojibake', () => {
  for (const w of ['nghiêng', 'khuỷu', 'người', 'quyển', 'giữa', 'Ủy', 'thuở', 'xoong', 'oái', 'ĐƯỜNG']) {
    assert.ok(isVietnameseSyllable(w), w);
  }
  for (const w of ['Haứ', 'Noọi', 'ViÖt', 'Néi', 'café', 'hàá']) assert.ok(!isVietnameseSyllable(w), w);
});

test('letters that only Unicode has mark text as Unicode; Latin-1 letters and legacy codes do not', () => {
  for (const text of ['Hồ', 'đường', 'Ư', 'Vie\u0323\u0302t']) assert.ok(hasUnicodeOnlyLetters(text), text);
  for (const text of ['Bá Tá', 'Hµ Néi', 'Haø Noäi', 'café', 'UBND']) assert.ok(!hasUnicodeOnlyLetters(text), text);
});
