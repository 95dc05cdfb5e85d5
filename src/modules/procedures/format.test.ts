// Processing times in words (issue 9): "ngày làm việc" in lower case, "1 working day" singular.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTime, tidyTimeText } from './format.ts';

test('one working day is singular in English, two are plural; Vietnamese has no plural', () => {
  assert.equal(formatTime('en', { amount: 1, unit: 'working_days', text: '1 Ngày làm việc' }), '1 working day');
  assert.equal(formatTime('en', { amount: 2, unit: 'working_days', text: '2 Ngày làm việc' }), '2 working days');
  assert.equal(formatTime('en', { amount: 1, unit: 'hours', text: '1 Giờ' }), '1 hour');
  assert.equal(formatTime('vi', { amount: 1, unit: 'working_days', text: '1 Ngày làm việc' }), '1 ngày làm việc');
  assert.equal(formatTime('vi', { amount: 5, unit: 'working_days', text: '5 Ngày làm việc' }), '5 ngày làm việc');
});

test('the catalogue’s "5 Ngày làm việc" is written in lower case after a number, the rest as published', () => {
  assert.equal(tidyTimeText('5 Ngày làm việc kể từ ngày nhận đủ hồ sơ'), '5 ngày làm việc kể từ ngày nhận đủ hồ sơ');
  assert.equal(tidyTimeText('24 Giờ; 10 Ngày'), '24 giờ; 10 ngày');
  assert.equal(tidyTimeText('Ngày làm việc tiếp theo'), 'Ngày làm việc tiếp theo', 'a sentence still starts with a capital');
  assert.equal(formatTime('vi', { amount: null, unit: null, text: 'Trong 3 Ngày làm việc hoặc theo thỏa thuận' }), 'Trong 3 ngày làm việc hoặc theo thỏa thuận');
});
