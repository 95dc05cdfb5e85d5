import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CardsTable } from './cards-table.tsx';

const render = (el: JSX.Element): Promise<string> => Promise.resolve(el);

test('column heads and data-labels: plain names, or a name with a class for its head', async () => {
  const html = await render(
    CardsTable({
      caption: 'Đơn vị <1>',
      heads: ['Tên', { text: 'Số', class: 'num' }],
      rows: [{ name: 'A & B', n: 3 }],
      cells: (r) => [{ text: r.name, header: true }, { text: String(r.n), class: 'num' }],
    }),
  );
  assert.match(html, /<caption>Đơn vị &lt;1><\/caption>/);
  assert.match(html, /<th scope="col">Tên<\/th><th scope="col" class="num">Số<\/th>/);
  assert.match(html, /<th scope="row" data-label="Tên">A &amp; B<\/th>/);
  assert.match(html, /<td data-label="Số" class="num">3<\/td>/);
  assert.doesNotMatch(html, /\[object Object\]/);
});

test('rows keep their id and class; markup cells are taken as they are', async () => {
  const html = await render(
    CardsTable({
      heads: ['Mã', 'Việc'],
      rows: [7],
      rowAttrs: (n) => ({ id: `r-${n}`, class: 'row-overdue' }),
      cells: (n) => [String(n), { html: `<a href="/x/${n}">Mở</a>` }],
      class: 'extra',
    }),
  );
  assert.match(html, /^<table class="cards-on-phone extra">/);
  assert.match(html, /<tr id="r-7" class="row-overdue"><td data-label="Mã">7<\/td><td data-label="Việc"><a href="\/x\/7">Mở<\/a><\/td><\/tr>/);
});

test('a caption is shown, shown with a class of its own, or for screen readers only', async () => {
  const table = (more: { captionHidden?: boolean; captionClass?: string }) => render(CardsTable({ caption: 'Phí', heads: ['a'], rows: [], cells: () => [], ...more }));
  assert.match(await table({}), /<caption>Phí<\/caption>/);
  assert.match(await table({ captionClass: 'muted' }), /<caption class="muted">Phí<\/caption>/);
  assert.match(await table({ captionHidden: true, captionClass: 'muted' }), /<caption class="visually-hidden">Phí<\/caption>/);
});
