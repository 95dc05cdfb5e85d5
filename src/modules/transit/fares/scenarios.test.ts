// One test group per rule family (as OpenTripPlanner's fare tests, TRANSPORT.md §2), driven by the fixture rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { priceDay } from './engine.ts';
import { readScenarios } from './fixtures/harness.ts';

const FAMILIES = [
  'bus-bands', 'metro-distance', 'passes', 'free-categories', 'free-zone', 'campaigns', 'missing-tap-off',
  'transfers', 'caps', 'duplicates-and-order', 'cancelled-trip', 'deny-list',
];

for (const family of FAMILIES) {
  describe(`fares: ${family}`, () => {
    for (const s of readScenarios(`${family}.csv`)) {
      it(s.id, () => {
        const result = priceDay(s.fares, s.account, s.taps, s.day, s.options);
        assert.deepEqual(result.charges.map((c) => c.ruleId), s.rules, 'rule ids');
        assert.equal(result.total, s.total, 'total');
        if (s.refused) assert.deepEqual(result.refusedTapIds, s.refused, 'refused taps');
        for (const c of result.charges) assert.ok(c.explanation.vi !== '' && c.explanation.en !== '' && !/\{\w+\}/.test(c.explanation.en + c.explanation.vi));
      });
    }
  });
}

describe('fares: what a rider reads on the statement', () => {
  it('explains a metro trip in both languages with station names and the rule', async () => {
    const { hanoi } = await import('./fixtures/harness.ts');
    const at = (t: string): string => `2026-06-01T${t}:00+07:00`;
    const r = priceDay(hanoi, {}, [
      { id: 'a', at: at('07:00'), networkId: 'metro-2a', routeId: '2A', stopId: '2A-01', direction: 'on', mediumId: 'c' },
      { id: 'b', at: at('07:20'), networkId: 'metro-2a', routeId: '2A', stopId: '2A-08', direction: 'off', mediumId: 'c' },
    ], '2026-06-01');
    assert.deepEqual(r.charges[0]?.tapIds, ['a', 'b']);
    assert.equal(r.charges[0]?.explanation.vi, 'Đi 8,1 km từ Cát Linh đến Văn Quán, giá theo quy tắc m2a-7-9: 12.000 đ.');
    assert.equal(r.charges[0]?.explanation.en, 'Travelled 8.1 km from Cát Linh to Văn Quán, priced by rule m2a-7-9: 12,000 VND.');
  });
});

describe('fares: bad input to priceDay', () => {
  it('refuses a tap without a time zone, naming the tap, and a malformed service day', async () => {
    const { hanoi } = await import('./fixtures/harness.ts');
    const tap = { id: 'x7', at: '2026-06-01T07:00:00', networkId: 'bus', routeId: '32', stopId: 'BUS-0200', direction: 'on' as const, mediumId: 'c' };
    assert.throws(() => priceDay(hanoi, {}, [tap], '2026-06-01'), (e: Error & { code?: string; text?: { vi: string; en: string } }) =>
      e.code === 'BAD_TAP' && e.text?.en.startsWith('Tap x7 is not valid') === true && e.text.vi.startsWith('Lần chạm thẻ x7'));
    assert.throws(() => priceDay(hanoi, {}, [], '1/6/2026'), (e: Error & { code?: string }) => e.code === 'BAD_SERVICE_DAY');
    assert.throws(() => priceDay(hanoi, {}, [], '2026-06-01', { serviceDayStart: '4h30' }), (e: Error & { code?: string }) => e.code === 'BAD_SERVICE_DAY');
  });
});
