import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffCounts, revisionDiff, revisionDiffHtml } from './revision-diff.ts';

const before = '<h2>Lịch tiếp dân</h2><p>Chủ tịch <b>Ủy ban</b> tiếp dân vào <i>thứ Năm</i> hằng tuần.</p>';
const after = '<h2>Lịch tiếp dân</h2><p>Chủ tịch Ủy ban tiếp công dân vào thứ Sáu hằng tuần, từ 8 giờ.</p>';

test('a changed word shows as removed then added, the rest as unchanged text', () => {
  const parts = revisionDiff(before, after);
  assert.deepEqual(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim()), ['Năm']);
  assert.deepEqual(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim()), ['công', 'Sáu', ', từ 8 giờ']);
  // Reading the unchanged and added parts in order gives the new text; unchanged and removed, the old one.
  assert.equal(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join(''),
    'Lịch tiếp dân\nChủ tịch Ủy ban tiếp công dân vào thứ Sáu hằng tuần, từ 8 giờ.');
  assert.equal(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join(''),
    'Lịch tiếp dân\nChủ tịch Ủy ban tiếp dân vào thứ Năm hằng tuần.');
});

test('counts give words added and removed, punctuation not counted', () => {
  assert.deepEqual(diffCounts(revisionDiff(before, after)), { wordsAdded: 5, wordsRemoved: 1 });
  assert.deepEqual(diffCounts(revisionDiff(before, before)), { wordsAdded: 0, wordsRemoved: 0 });
  assert.deepEqual(diffCounts(revisionDiff('', '<p>Hai từ</p>')), { wordsAdded: 2, wordsRemoved: 0 });
});

test('formatting-only and NFD/NFC changes are not differences', () => {
  const nfd = '<p>Vie\u0323\u0302t Nam</p>';
  assert.deepEqual(revisionDiff(nfd, '<p><strong>Việt</strong> Nam</p>').map((p) => p.kind), ['same']);
});

test('the HTML form marks changes with <del> and <ins> and keeps line breaks', () => {
  assert.equal(revisionDiffHtml('<p>thứ Năm</p><p>Hết</p>', '<p>thứ Sáu</p><p>Hết</p>'),
    'thứ <del>Năm</del><ins>Sáu</ins><br>\nHết');
});

test('markup in a revision is shown as text, never run', () => {
  // What an editor gets by typing "<script>" in the editor: text, stored escaped.
  const typed = '<p>Ví dụ: &lt;script&gt;alert(1)&lt;/script&gt; &amp; "trích dẫn"</p>';
  const html = revisionDiffHtml('<p>Ví dụ:</p>', typed);
  assert.equal(html, 'Ví dụ:<ins> &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;trích dẫn&quot;</ins>');
  // A revision holding live markup (never stored that way, but the diff must not trust it): nothing of it runs.
  const raw = revisionDiffHtml('<p>a</p>', '<p>a</p><script>alert(1)</script><img src=x onerror=alert(2)><p>b</p>');
  assert.doesNotMatch(raw, /<(?!\/?(ins|del|br)>)/);
  assert.equal(raw, 'a<ins><br>\nb</ins>');
});
