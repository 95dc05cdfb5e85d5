import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeText, foldLine, vcard, type VCardPerson } from './vcard.ts';

const person: VCardPerson = {
  fullName: 'Nguyễn Thị Minh Khai',
  family: 'Nguyễn',
  given: 'Thị Minh Khai',
  organisation: 'Ủy ban nhân dân phường Hoàn Kiếm',
  department: 'Phòng Văn hóa; Xã hội, Thể thao',
  title: 'Trưởng phòng \\ kiêm nhiệm',
  email: 'ntmkhai.hoankiem@hanoi.gov.vn',
  officePhone: '024 3826 1236 máy lẻ 12',
  officePhoneUri: 'tel:+842438261236;ext=12',
};

/** Reads the cards back as a client would: unfold (CRLF + space), split at the first unescaped colon, unescape. */
function parse(text: string): Map<string, string>[] {
  assert.ok(!/(?<!\r)\n/.test(text), 'every line ends in CRLF');
  const lines = text.replace(/\r\n /g, '').split('\r\n').filter((l) => l !== '');
  const cards: Map<string, string>[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)];
    if (name === 'BEGIN') cards.push(new Map());
    else if (name !== 'END') cards.at(-1)?.set(name, value);
  }
  return cards;
}

const unescape = (v: string): string[] => v.split(/(?<!\\);/).map((s) => s.replace(/\\([\\,;])/g, '$1').replace(/\\n/g, '\n'));

test('a card carries FN, N, ORG (agency;department), TITLE, EMAIL and TEL as a tel: URI, escaped', () => {
  const [card] = parse(vcard(person));
  assert.ok(card);
  assert.equal(card.get('VERSION'), '4.0');
  assert.equal(card.get('FN'), 'Nguyễn Thị Minh Khai');
  assert.deepEqual(unescape(card.get('N') ?? ''), ['Nguyễn', 'Thị Minh Khai', '', '', '']);
  assert.equal(card.get('ORG'), 'Ủy ban nhân dân phường Hoàn Kiếm;Phòng Văn hóa\\; Xã hội\\, Thể thao');
  assert.deepEqual(unescape(card.get('ORG') ?? ''), ['Ủy ban nhân dân phường Hoàn Kiếm', 'Phòng Văn hóa; Xã hội, Thể thao']);
  assert.equal(card.get('TITLE'), 'Trưởng phòng \\\\ kiêm nhiệm');
  assert.equal(card.get('EMAIL;TYPE=work'), 'ntmkhai.hoankiem@hanoi.gov.vn');
  assert.equal(card.get('TEL;VALUE=uri;TYPE=work,voice'), 'tel:+842438261236;ext=12');
});

test('text escaping covers backslash, comma, semicolon and newlines', () => {
  assert.equal(escapeText('a\\b,c;d\ne'), 'a\\\\b\\,c\\;d\\ne');
});

test('lines fold at 75 octets without splitting a UTF-8 character, and unfold to the original', () => {
  const long = `ORG:${'Ủy ban nhân dân phường '.repeat(8)}`;
  const folded = foldLine(long);
  const lines = folded.split('\r\n');
  assert.ok(lines.length > 2);
  for (const l of lines) {
    assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `line of ${Buffer.byteLength(l, 'utf8')} octets`);
    assert.ok(!l.includes('\uFFFD'));
  }
  for (const l of lines.slice(1)) assert.ok(l.startsWith(' '));
  assert.equal(folded.replace(/\r\n /g, ''), long);
  // Every piece is valid UTF-8 on its own: a split character would not survive a round trip through bytes.
  for (const l of lines) assert.equal(Buffer.from(l, 'utf8').toString('utf8'), l);
  // A 3-octet character that would straddle the 75th octet moves whole to the next line.
  const edge = `X:${'a'.repeat(72)}ệb`;
  const [first, second] = foldLine(edge).split('\r\n');
  assert.equal(Buffer.byteLength(first ?? '', 'utf8'), 74);
  assert.equal(second, ' ệb');
});

test('a card without a department or phone leaves those properties out', () => {
  const text = vcard({ ...person, department: '', officePhone: '', officePhoneUri: '', title: '' });
  assert.match(text, /\r\nORG:Ủy ban nhân dân phường Hoàn Kiếm\r\n/);
  assert.doesNotMatch(text, /TEL|TITLE/);
  assert.ok(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n'));
  assert.ok(text.endsWith('END:VCARD\r\n'));
});
