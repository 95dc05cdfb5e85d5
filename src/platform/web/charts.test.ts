import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessibleSvg, barChart, chartTable, donutChart, gaugeChart, stackedBarLineChart } from './charts.ts';

/**
 * Well-formed XML, strictly enough for these files: one root, every tag closed in order, attributes quoted and
 * unique, no raw `<` or stray `&` in text or attribute values. Throws with the offending position.
 */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  let roots = 0;
  const token = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const [whole, close, name, attrs, selfClose, text, stray] = m;
    if (stray) throw new Error(`stray "<" at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    if (text !== undefined) {
      if (entity.test(text)) throw new Error(`unescaped & in text at ${m.index}`);
      if (stack.length === 0 && text.trim()) throw new Error(`text outside the root at ${m.index}`);
      continue;
    }
    if (!name) continue; // comment or CDATA
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> at ${m.index} closes the wrong element`);
      continue;
    }
    const seen = new Set<string>();
    for (const a of (attrs ?? '').matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"/g)) {
      if (seen.has(a[1] as string)) throw new Error(`duplicate attribute ${a[1]} on <${name}> at ${m.index}`);
      seen.add(a[1] as string);
      if (entity.test(a[2] as string)) throw new Error(`unescaped & in ${a[1]} at ${m.index}`);
    }
    if (stack.length === 0) roots++;
    if (!selfClose) stack.push(name);
    if (whole.length === 0) break;
  }
  assert.equal(stack.length, 0, `unclosed: ${stack.join(' > ')}`);
  assert.equal(roots, 1, 'one root element');
}

test('the checker itself rejects what is not well-formed', () => {
  assert.throws(() => assertWellFormed('<svg><g></svg>'));
  assert.throws(() => assertWellFormed('<svg><text>a & b</text></svg>'));
  assert.throws(() => assertWellFormed('<svg a="1" a="2"></svg>'));
  assert.doesNotThrow(() => assertWellFormed('<svg><text>a &amp; b</text><path d="M0 0"/></svg>'));
});

test('a stacked bar/line chart is one well-formed SVG image named by its title, with every series in its legend', () => {
  const svg = stackedBarLineChart({
    title: 'Hồ sơ đã giải quyết theo tháng',
    categories: ['10/2026', '11/2026'],
    bars: [
      { name: 'Trước hạn', values: [12, 7] },
      { name: 'Đúng hạn', values: [3, 2] },
      { name: 'Quá hạn', values: [1, 0] },
    ],
    line: { name: 'Tỷ lệ đúng hạn', values: [0.9375, 1], format: 'percent' },
    lang: 'vi',
  });
  assertWellFormed(svg);
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.match(svg, /^<svg [^>]*aria-label="Hồ sơ đã giải quyết theo tháng"/);
  assert.match(svg, /<title>Hồ sơ đã giải quyết theo tháng<\/title>/);
  for (const label of ['Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ đúng hạn', '10/2026', '11/2026']) assert.ok(svg.includes(label), `the SVG shows ${label}`);
  assert.match(svg, /100\s?%/, 'the rate axis is in percent');
  // Nothing the pages' CSP (style-src 'self') would refuse.
  assert.doesNotMatch(svg, /<style|style="/);
});

test('text from data is escaped inside the SVG, the title and the table', () => {
  const name = 'Phường <Hoàn Kiếm> & "Cửa Nam"';
  const svg = barChart({ title: name, categories: [name], series: [{ name, values: [5] }, { name: 'Khác', values: [2] }], lang: 'vi' });
  assertWellFormed(svg);
  assert.doesNotMatch(svg, /<Hoàn Kiếm>/);
  assert.ok(svg.includes('&lt;Hoàn Kiếm&gt; &amp;'));
  const table = chartTable({ caption: name, categoryHeader: 'Cơ quan', categories: [name], series: [{ name: 'Số hồ sơ', values: [1234] }], lang: 'vi' });
  assertWellFormed(table);
  assert.ok(table.includes('<caption>Phường &lt;Hoàn Kiếm&gt; &amp; &quot;Cửa Nam&quot;</caption>'));
  assert.match(table, /<th scope="col" class="num">Số hồ sơ<\/th>/);
  assert.match(table, /<td class="num">1\.234<\/td>/, 'Vietnamese digit grouping');
});

test('the table gives the same numbers as the chart, shares as percentages, missing values as a dash', () => {
  const table = chartTable({
    caption: 'On-time rate by month',
    categoryHeader: 'Month',
    categories: ['Oct 2026', 'Nov 2026'],
    series: [
      { name: 'Resolved', values: [16, 0] },
      { name: 'On-time rate', values: [0.9375, null], format: 'percent' },
    ],
    lang: 'en',
  });
  assert.match(table, /<th scope="row">Oct 2026<\/th><td class="num">16<\/td><td class="num">93\.8%<\/td>/);
  assert.match(table, /<th scope="row">Nov 2026<\/th><td class="num">0<\/td><td class="num">–<\/td>/);
});

test('a donut and a gauge are accessible, well-formed images with their labels', () => {
  const donut = donutChart({ title: 'Kết quả giải quyết', slices: [{ name: 'Trước hạn', value: 12 }, { name: 'Quá hạn', value: 1 }], lang: 'vi' });
  assertWellFormed(donut);
  assert.match(donut, /role="img"/);
  assert.ok(donut.includes('Trước hạn: 12') && donut.includes('Quá hạn: 1'));
  const gauge = gaugeChart({ title: 'Tỷ lệ đúng hạn', value: 0.8571, label: 'Đúng hạn', lang: 'vi' });
  assertWellFormed(gauge);
  assert.match(gauge, /aria-label="Tỷ lệ đúng hạn"/);
  assert.match(gauge, /85,7\s?%/);
  assert.ok(gauge.includes('Đúng hạn'));
});

test('accessibleSvg turns inline styles into presentation attributes and drops hover CSS', () => {
  const out = accessibleSvg(
    '<svg width="10" height="10" viewBox="0 0 10 10"><text style="font-size:12px;font-family:sans-serif;cursor:pointer;" class="zr0-cls-0" ecmeta_series_index="0">a</text><style><![CDATA[.x:hover{}]]></style></svg>',
    'T',
  );
  assert.equal(out, '<svg width="100%" role="img" aria-label="T" focusable="false" viewBox="0 0 10 10"><title>T</title><text font-size="12px" font-family="sans-serif">a</text></svg>');
});
