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
