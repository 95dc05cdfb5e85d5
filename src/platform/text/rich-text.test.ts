import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { excerpt, richTextToPlain, sanitizeRichText } from './rich-text.ts';

const ALLOWED: Record<string, string[]> = {
  p: [], br: [], h2: [], h3: [], h4: [], strong: [], b: [], em: [], i: [], u: [], s: [], sub: [], sup: [],
  blockquote: [], ul: [], ol: [], li: [], a: ['href', 'title', 'rel'], img: ['src', 'alt', 'width', 'height'],
  figure: [], figcaption: [], table: [], caption: [], thead: [], tbody: [], tr: [], th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan', 'scope'], hr: [], code: [], pre: [],
};

/**
 * What a browser would run from stored rich text: any tag or attribute outside the allowlist, a URL with another
 * scheme, or a '<' that is not one of our tags. Our output is sanitize-html's regular serialisation, so a tokenising
 * regex reads it exactly.
 */
function assertHarmless(html: string, input: string): void {
  const text = html.replace(/<(\/?)([a-z0-9]+)((?:\s+[a-z]+="[^"<>]*")*)\s*\/?>/g, (_tag, close: string, name: string, attrs: string) => {
    assert.ok(name in ALLOWED, `tag <${name}> from ${input}`);
    if (close) assert.equal(attrs, '', `attributes on a closing tag from ${input}`);
    assert.doesNotMatch(attrs, /javascript:|vbscript:|data:/i, `dangerous URL from ${input}`);
    for (const [, attr, value] of attrs.matchAll(/([a-z]+)="([^"]*)"/g)) {
      assert.ok(ALLOWED[name]?.includes(attr ?? ''), `attribute ${attr} on <${name}> from ${input}`);
      if (attr === 'href') assert.match(value ?? '', /^(https?:|mailto:|[^:/?#\\]*([/?#]|$))/i, `href from ${input}`);
      if (attr === 'src') assert.match(value ?? '', /^(https:\/\/|\/[^/\\])/i, `src from ${input}`);
      if (attr === 'rel') assert.equal(value, 'noopener noreferrer');
    }
    return '';
  });
  assert.ok(!text.includes('<'), `a raw '<' left in ${html} from ${input}`);
}

const XSS: [string, string][] = [
  ['<script>alert(1)</script><p>Tin mới</p>', '<p>Tin mới</p>'],
  ['<SCRIPT SRC=//evil.example/x.js></SCRIPT>Tin', 'Tin'],
  ['<img src=x onerror=alert(1)>', ''],
  ['<img src="/anh/a.png" onerror="alert(1)" alt="Ảnh">', '<img src="/anh/a.png" alt="Ảnh" />'],
  ['<a href="jav&#x09;ascript:alert(1)">bấm</a>', 'bấm'],
  ['<a href="jav&#x0A;ascript:alert(1)">bấm</a>', 'bấm'],
  ['<a href="  &#106;avascript:alert(1)">bấm</a>', 'bấm'],
  ['<a href="javascript&colon;alert(1)">bấm</a>', 'bấm'],
  ['<a href="vbscript:msgbox(1)">bấm</a>', 'bấm'],
  ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">bấm</a>', 'bấm'],
  ['<a href="//evil.example/">bấm</a>', 'bấm'],
  ['<svg onload=alert(1)><p>trong svg</p></svg>sau', 'sau'],
  ['<svg><textarea><img src=x onerror=alert(1)></textarea></svg>', ''],
  ['<iframe src="https://evil.example"></iframe>sau', 'sau'],
  ['<iframe src="javascript:alert(1)"><img src=x onerror=alert(1)>', ''],
  ['<style>body{background:url(javascript:alert(1))}</style>chữ', 'chữ'],
  ['<p style="background:url(javascript:alert(1))" class="x" id="y" onclick="alert(1)">chữ</p>', '<p>chữ</p>'],
  ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', ''],
  ['<object data="javascript:alert(1)"></object><embed src="x.swf">chữ', 'chữ'],
  ['<p>chưa đóng <b>đậm <img src=x onerror=alert(1)', '<p>chưa đóng <b>đậm </b></p>'],
  ['<p title="</p><script>alert(1)</script>">chữ</p>', '<p>chữ</p>'],
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', ''],
  ['<noscript><a href="/x" title="</noscript><img src=x onerror=alert(1)>">x</a></noscript>', ''],
  ['<p>a<noscript>b</p><img src=x onerror=alert(1)></noscript>c', '<p>a</p>c'],
  ['<form action="/x"><input name="a" onfocus="alert(1)" autofocus><button>Gửi</button></form>', ''],
  ['<![CDATA[<img src=x onerror=alert(1)>]]>chữ', 'chữ'],
  ['<!-- <img src=x onerror=alert(1)> -->chữ', 'chữ'],
  ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', ''],
  ['<img src="http://insecure.example/a.png">', ''],
  ['<a href="https://dichvucong.gov.vn/" target="_blank" rel="opener">Cổng</a>',
    '<a href="https://dichvucong.gov.vn/" rel="noopener noreferrer">Cổng</a>'],
];

test('XSS vectors leave nothing a browser would run, and keep the text a reader should see', () => {
  for (const [input, expected] of XSS) {
    const out = sanitizeRichText(input);
    assert.equal(out, expected, input);
    assertHarmless(out, input);
  }
});

test('editors keep their formatting: headings, lists, links, images, tables, code', () => {
  const html =
    '<h2>Thủ tục</h2><p>Xem <a href="/thu-tuc/cap-ban-sao?x=1&amp;y=2" title="Chi tiết">chi tiết</a> hoặc ' +
    '<a href="mailto:ubnd@hanoi.gov.vn">thư</a>.</p><ul><li><strong>Bước 1</strong></li><li><em>Bước 2</em></li></ul>' +
    '<figure><img src="https://hanoi.gov.vn/a.jpg" alt="Trụ sở" width="640" height="480"><figcaption>Trụ sở</figcaption>' +
    '</figure><table><caption>Phí</caption><thead><tr><th scope="col">Loại</th></tr></thead><tbody><tr>' +
    '<td colspan="2">5.000 đ</td></tr></tbody></table><pre><code>a &lt; b</code></pre><hr>';
  assert.equal(
    sanitizeRichText(html),
    '<h2>Thủ tục</h2><p>Xem <a href="/thu-tuc/cap-ban-sao?x=1&amp;y=2" rel="noopener noreferrer" title="Chi tiết">' +
      'chi tiết</a> hoặc <a href="mailto:ubnd@hanoi.gov.vn" rel="noopener noreferrer">thư</a>.</p><ul><li>' +
      '<strong>Bước 1</strong></li><li><em>Bước 2</em></li></ul><figure><img src="https://hanoi.gov.vn/a.jpg" ' +
      'alt="Trụ sở" width="640" height="480" /><figcaption>Trụ sở</figcaption></figure><table><caption>Phí</caption>' +
      '<thead><tr><th scope="col">Loại</th></tr></thead><tbody><tr><td colspan="2">5.000 đ</td></tr></tbody></table>' +
      '<pre><code>a &lt; b</code></pre><hr />',
  );
});

test('decomposed (NFD) text, in text and attributes, comes out NFC; controls are removed', () => {
  const nfd = 'Vie\u0323\u0302t Nam';
  assert.equal(sanitizeRichText(`<p title="x">${nfd}\u0000\u0007\t!</p><img src="/a.png" alt="${nfd}">`),
    '<p>Việt Nam\t!</p><img src="/a.png" alt="Việt Nam" />');
  // A mark right after a tag must not compose with '>' into '≯' (that would break the tag when stored NFC).
  const out = sanitizeRichText('<p>a</p>&#x338;b');
  assert.equal(out, '<p>a</p>&#x338;b');
  assert.equal(out.normalize('NFC'), out);
});

test('empty and whitespace-only input, and empty editor paragraphs, give an empty string', () => {
  for (const input of ['', '   \n\t', '<p><br></p>', '<p>&nbsp;</p>', '<script>x</script>']) {
    assert.equal(sanitizeRichText(input), '', JSON.stringify(input));
  }
});

test('sanitising twice gives the same string', () => {
  for (const [input] of XSS) {
    const once = sanitizeRichText(input);
    assert.equal(sanitizeRichText(once), once, input);
  }
  const pieces = ['<p>', '</p>', '<b>', '<a href="/x">', '</a>', '<img src="/i.png" alt="a">', '<script>', '"', "'",
    '&amp;', '&#x338;', '\u0338', '\u0301', 'e', 'Việt', ' ', '\n', '<', '>', '=', '<table><tr><td>', '<li>',
    '<noscript>', '</noscript>', '<svg>', '<!--', '-->', 'javascript:', '<a href="java', 'script:x">', '\u0000'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
      const input = parts.join('');
      const once = sanitizeRichText(input);
      assert.equal(sanitizeRichText(once), once, input);
      assert.equal(once.normalize('NFC'), once, input);
      assertHarmless(once, input);
    }),
    { numRuns: Number(process.env.RICH_TEXT_RUNS ?? 500) },
  );
});

test('plain text has one line per block, entities decoded, no markup or script text', () => {
  const html = '<h2>Thông báo</h2><p>Đoạn&nbsp;một, <b>đậm</b>\n  và   <i>nghiêng</i> &amp; &lt;ký hiệu&gt;</p>' +
    '<ul><li>Một</li><li>Hai</li></ul><table><tr><td>Phí</td><td>5.000 đ</td></tr></table>' +
    '<script>alert(1)</script><style>p{}</style><!-- ghi chú -->Vie\u0323\u0302t';
  assert.equal(richTextToPlain(html), 'Thông báo\nĐoạn một, đậm và nghiêng & <ký hiệu>\nMột\nHai\nPhí 5.000 đ\nViệt');
  assert.equal(richTextToPlain(''), '');
});

test('excerpt cuts between words and marks the cut', () => {
  const html = '<p>Ủy ban nhân dân phường Hoàn Kiếm thông báo lịch tiếp dân</p>';
  assert.equal(excerpt(html, 20), 'Ủy ban nhân dân…');
  assert.equal(excerpt(html, 100), 'Ủy ban nhân dân phường Hoàn Kiếm thông báo lịch tiếp dân');
  assert.equal(excerpt('<p>Một.</p><p>Hai ba bốn</p>', 9), 'Một. Hai…');
  assert.equal(excerpt('<p>Khôngcókhoảngtrắng</p>', 6), 'Không…');
  assert.ok([...excerpt(html, 20)].length <= 20);
  assert.equal(excerpt(html, 0), '');
});
