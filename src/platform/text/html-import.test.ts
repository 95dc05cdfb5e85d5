import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeLegacy } from './legacy.ts';
import { damagedWords, importLegacyHtml } from './html-import.ts';

/** A page as the old portal's files hold it: every character one Windows-1252 byte. */
function windows1252(html: string): Buffer {
  assert.ok([...html].every((ch) => ch <= '\u00ff'), 'fixture must be single-byte');
  return Buffer.from(html, 'latin1');
}

const TITLE = 'Thông báo lịch tiếp công dân';
const LEAD = 'Ủy ban nhân dân phường Hoàn Kiếm thông báo lịch tiếp công dân tháng Mười.';
const CHAIR = 'Chủ tịch Nguyễn Thị Ánh Tuyết tiếp dân vào sáng thứ Năm hằng tuần, tại trụ sở số 126 Hàng Trống.';
const SIGNED = 'Đăng ký trước qua số điện thoại của Văn phòng.';

function oldPage(encode: (s: string) => string, charset = 'iso-8859-1'): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${encode(TITLE)}</title><style>p { font-family: ".VnTime" }</style><script>var x = "${encode('Hà Nội')}";</script>
</head><body><table><tr><td><div class="main"><font face=".VnTime">
<h1>${encode(TITLE)}</h1>
<div>${encode(LEAD)}</div>
<p><b>${encode('Chủ tịch')}</b> ${encode(CHAIR.slice('Chủ tịch '.length))}</p>
<p><i>${encode(SIGNED)}</i> <!-- ${encode('ghi chú')} --></p>
</font></div></td></tr></table></body></html>`;
}

const EXPECTED_HTML = `<table><tr><td><p>${LEAD}</p><p><b>Chủ tịch</b> ${CHAIR.slice('Chủ tịch '.length)}</p>` +
  `<p><i>${SIGNED}</i> </p></td></tr></table>`;

for (const encoding of ['tcvn3', 'vni'] as const) {
  test(`a ${encoding} page in Windows-1252 bytes imports as the original Unicode text`, () => {
    const imported = importLegacyHtml(windows1252(oldPage((s) => encodeLegacy(s, encoding))));
    assert.equal(imported.title, TITLE);
    // The title's h1 is not repeated; head, script, style and comments are gone; text is back, NFC.
    assert.equal(imported.html.replace(/\s*\n\s*/g, ''), EXPECTED_HTML);
    assert.equal(imported.html, imported.html.normalize('NFC'));
    assert.equal(imported.encoding, 'windows-1252');
    assert.equal(imported.fontEncoding, encoding);
    assert.deepEqual(imported.warnings, []);
  });
}

test('a UTF-8 page imports as is, NFC, even when its meta still says iso-8859-1', () => {
  const page = oldPage((s) => s.normalize('NFD'));
  const imported = importLegacyHtml(Buffer.from(page, 'utf-8'));
  assert.equal(imported.title, TITLE);
  assert.equal(imported.html.replace(/\s*\n\s*/g, ''), EXPECTED_HTML);
  assert.equal(imported.encoding, 'utf-8');
  assert.equal(imported.fontEncoding, 'unicode');
  assert.deepEqual(imported.warnings, ['declared charset "iso-8859-1" but the bytes are UTF-8: read as UTF-8']);
  assert.equal(importLegacyHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)])).title, TITLE);
  const utf16 = importLegacyHtml(Buffer.from(`\ufeff${page}`, 'utf16le'));
  assert.equal(utf16.encoding, 'utf-16le');
  assert.equal(utf16.title, TITLE);
});

test('a page mixing TCVN3, VNI and Unicode (as character references) is converted piece by piece', () => {
  const unicode = 'Phường Hàng Trống'.replace(/\P{ASCII}/gu, (ch) => `&#${ch.codePointAt(0)};`);
  const page = `<title>${encodeLegacy(TITLE, 'tcvn3')}</title><p>${encodeLegacy(LEAD, 'tcvn3')}</p>` +
    `<p>${encodeLegacy(CHAIR, 'vni')}</p><p>${unicode}</p><p>tôi</p>`;
  const imported = importLegacyHtml(windows1252(page));
  assert.equal(imported.title, TITLE);
  // The bytes of "tôi" read "tụi" in TCVN3: a piece that reads well either way follows the page.
  assert.equal(imported.html, `<p>${LEAD}</p><p>${CHAIR}</p><p>Phường Hàng Trống</p><p>tụi</p>`);
  assert.equal(imported.fontEncoding, 'mixed');
});

test('entities are decoded before conversion; markup, links and entity syntax are not converted', () => {
  // µ (0xB5) is TCVN3 "à"; "KH&amp;§T" is "KH&ĐT"; the file name in the link is not text.
  const page = `<h1>H&micro; N${encodeLegacy('ội', 'tcvn3')}</h1><p>${encodeLegacy('Sở', 'tcvn3')} KH&amp;§T ` +
    `<a href="/tin-tuc/H%B5-${encodeLegacy('Nội', 'tcvn3')}.htm" title="${encodeLegacy('Chi tiết', 'tcvn3')}">` +
    `${encodeLegacy('xem thêm', 'tcvn3')}</a></p><img src="/anh/tru-so.jpg" alt="${encodeLegacy('Trụ sở', 'tcvn3')}">`;
  const imported = importLegacyHtml(windows1252(page));
  assert.equal(imported.title, 'Hà Nội');
  assert.equal(imported.html,
    `<p>Sở KH&amp;ĐT <a href="/tin-tuc/H%B5-N\u00e9i.htm" rel="noopener noreferrer" title="Chi tiết">xem thêm</a></p>` +
    '<img src="/anh/tru-so.jpg" alt="Trụ sở" />');
});

test('damaged text is never imported silently: the warning names the damaged words', () => {
  const imported = importLegacyHtml(Buffer.from(
    '<title>Quên mật khẩu</title><p>L?y l?i m\ufffd b?o m?t</p><p>Bạn cần giúp? Xem trang /ho-tro.php?id=3</p>'));
  assert.equal(imported.html, '<p>L?y l?i m\ufffd b?o m?t</p><p>Bạn cần giúp? Xem trang /ho-tro.php?id=3</p>');
  assert.deepEqual(imported.warnings,
    ['damaged text (letters lost as "?" or "\ufffd") in 5 words: L?y, l?i, m\ufffd, b?o, m?t']);
  assert.deepEqual(damagedWords('Có ai không? ??? Trang chủ'), []);
});

test('a damaged UTF-8 file is read as UTF-8 and its broken word reported', () => {
  const whole = Buffer.from(`<title>${TITLE}</title><p>${LEAD}</p>`, 'utf-8');
  const at = whole.indexOf(Buffer.from('Kiếm'));
  // The last byte of "ế" lost on the way.
  const bytes = Buffer.concat([whole.subarray(0, at + 4), whole.subarray(at + 5)]);
  const imported = importLegacyHtml(bytes);
  assert.equal(imported.encoding, 'utf-8');
  assert.deepEqual(imported.warnings, ['not valid UTF-8: 1 broken sequences read as U+FFFD',
    'damaged text (letters lost as "?" or "\ufffd") in 1 words: Ki\ufffdm']);
});

test('a page that says UTF-8 but holds TCVN3 bytes is read as Windows-1252, with a warning', () => {
  const imported = importLegacyHtml(windows1252(oldPage((s) => encodeLegacy(s, 'tcvn3'), 'utf-8')));
  assert.equal(imported.encoding, 'windows-1252');
  assert.equal(imported.title, TITLE);
  assert.deepEqual(imported.warnings, ['declared charset "utf-8" but the bytes are not utf-8: read as windows-1252']);
});

test('images the portal cannot serve are dropped with a warning; script in the body never gets through', () => {
  const imported = importLegacyHtml(
    '<h1>Tin</h1><p>Ảnh <img src="images/a.jpg"><img src="http://old.example/b.gif"><img src="/anh/c.jpg"></p>' +
    '<script>alert(1)</script><p onclick="alert(2)">Hết</p>');
  assert.equal(imported.html, '<p>Ảnh <img src="/anh/c.jpg" alt="" /></p><p>Hết</p>');
  assert.deepEqual(imported.warnings,
    ['2 images dropped: their source is neither a path on this site ("/…") nor https']);
});

test('plain text (no tags) in VNI bytes becomes paragraphs', () => {
  const text = encodeLegacy('Quận Ba Đình\r\nthành phố Hà Nội\r\n\r\nPhí: 5.000 đ & miễn phí < 6 tuổi', 'vni');
  const imported = importLegacyHtml(windows1252(text));
  assert.equal(imported.html, '<p>Quận Ba Đình<br />thành phố Hà Nội</p><p>Phí: 5.000 đ &amp; miễn phí &lt; 6 tuổi</p>');
  assert.equal(imported.fontEncoding, 'vni');
  assert.equal(imported.title, '');
  assert.deepEqual(imported.warnings, ['no <title> or <h1>: title left empty']);
});

test('a page declared windows-1258 (tones as combining marks) is read so and comes out NFC', () => {
  const imported = importLegacyHtml(windows1252('<meta charset="windows-1258"><p>Vi\u00ea\u00f2t Nam</p>'));
  assert.equal(imported.encoding, 'windows-1258');
  assert.equal(imported.html, '<p>Việt Nam</p>');
});
