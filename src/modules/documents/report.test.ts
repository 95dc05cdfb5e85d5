// The on-time report per unit: the per-person rows summed per department, in Vietnamese order, the unplaced last.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onTimeByUnit, type OnTimeRow } from './queries.ts';

const row = (accountId: number, unit: string, onTime: number, late: number, open: number, overdue: number): OnTimeRow => ({ accountId, name: `Cán bộ ${accountId}`, unit, onTime, late, open, overdue });

test('per-person counts are summed per unit, units in Vietnamese order, handlers without a unit last', () => {
  const units = onTimeByUnit([
    row(1, 'Văn phòng HĐND và UBND', 4, 1, 2, 0),
    row(2, '', 1, 0, 0, 1),
    row(3, 'Phòng Kinh tế', 2, 2, 0, 0),
    row(4, 'Văn phòng HĐND và UBND', 3, 0, 1, 1),
    row(5, 'Đội Quản lý trật tự đô thị', 0, 1, 0, 0),
  ]);
  assert.deepEqual(
    units.map((u) => [u.unit, u.people, u.onTime, u.late, u.open, u.overdue]),
    [
      ['Đội Quản lý trật tự đô thị', 1, 0, 1, 0, 0],
      ['Phòng Kinh tế', 1, 2, 2, 0, 0],
      ['Văn phòng HĐND và UBND', 2, 7, 1, 3, 1],
      ['', 1, 1, 0, 0, 1],
    ],
  );
  assert.deepEqual(onTimeByUnit([]), []);
});
