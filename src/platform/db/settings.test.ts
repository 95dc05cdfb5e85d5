import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../testing/database.ts';
import { settingOnce } from './settings.ts';

test('settingOnce: the first writer wins, later writers get its value', async () => {
  const database = await testDatabase();
  try {
    const [a, b] = await Promise.all([settingOnce(database.db, 'k', 'first'), settingOnce(database.db, 'k', 'second')]);
    assert.equal(a, b, 'both callers agree');
    assert.equal(await settingOnce(database.db, 'k', 'third'), a);
  } finally {
    await database.close();
  }
});
