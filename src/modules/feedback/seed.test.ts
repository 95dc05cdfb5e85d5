// The demo feedback: every state, several wards, photos that are real PNGs in the store; a second run adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { attachmentStore } from '../dossiers/index.ts';
import { photoType } from './photos.ts';
import { feedbackDb } from './repo.ts';
import { seedDemoFeedback } from './seed.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

test('the demo seed makes about thirty cases in every state, with photos, once', async () => {
  await seedDemoFeedback(app.platform);
  await seedDemoFeedback(app.platform);
  const db = feedbackDb(app.database.db);
  const rows = await db.selectFrom('feedback_cases').selectAll().execute();
  assert.equal(rows.length, 30);
  assert.deepEqual([...new Set(rows.map((r) => r.status))].sort(), ['assigned', 'closed', 'published', 'received', 'rejected', 'answered'].sort());
  assert.ok(new Set(rows.map((r) => r.unit_code)).size >= 3, 'several wards');
  const today = new Date().toISOString().slice(0, 10);
  assert.ok(rows.some((r) => r.status === 'assigned' && (r.due_date ?? '9') < today), 'an overdue case');
  assert.ok(rows.some((r) => r.answered_at && r.due_date && r.answered_at.toISOString().slice(0, 10) > r.due_date), 'a late answer');
  assert.ok(rows.some((r) => r.rating !== null));
  const photos = await db.selectFrom('feedback_photos').selectAll().execute();
  assert.ok(photos.length >= 5);
  for (const p of photos.slice(0, 3)) assert.equal(photoType(await attachmentStore(app.platform).read(p.sha256)), 'image/png');
});
