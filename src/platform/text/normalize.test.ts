import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepNfc, nfc, stripControl } from './normalize.ts';

const decomposed = 'Vie\u0323\u0302t Nam'; // "Việt Nam" as macOS and some keyboards send it
const composed = 'Vi\u1ec7t Nam';

test('nfc composes decomposed Vietnamese letters', () => {
  assert.notEqual(decomposed, composed);
  assert.equal(nfc(decomposed), composed);
});

test('deepNfc normalises strings at any depth, keys included, and keeps everything else', () => {
  const when = new Date('2025-01-01T00:00:00Z');
  const input = { [decomposed]: [decomposed, { name: ` ${decomposed}  ` }], n: 1, ok: true, none: null, when };
  const out = deepNfc(input);
  assert.deepEqual(out, { [composed]: [composed, { name: ` ${composed}  ` }], n: 1, ok: true, none: null, when });
  assert.equal(out.when, when);
  assert.equal(Object.keys(input)[0], decomposed, 'input not mutated');
});

test('deepNfc keeps a "__proto__" key as data and null-prototype objects as such', () => {
  const body: unknown = JSON.parse(`{"__proto__": {"admin": true}, "q": "${decomposed}"}`);
  const out = deepNfc(body) as Record<string, unknown>;
  assert.equal(({} as Record<string, unknown>).admin, undefined);
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  assert.deepEqual(Object.keys(out), ['__proto__', 'q']);
  const query = Object.assign(Object.create(null) as Record<string, string>, { q: decomposed });
  const outQuery = deepNfc(query);
  assert.equal(Object.getPrototypeOf(outQuery), null);
  assert.equal(outQuery.q, composed);
});

test('stripControl removes C0/C1 controls but keeps tab, newline and Vietnamese text', () => {
  assert.equal(stripControl('Hà\u0000 Nội\u0007\t\r\nQuận\u0085 Ba\u009f Đình\u007f'), 'Hà Nội\t\nQuận Ba Đình');
});
