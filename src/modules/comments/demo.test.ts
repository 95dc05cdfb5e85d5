// The demo data: published comments under Phường Hoàn Kiếm's latest articles, two waiting in its queue for
// demo.bientap; seeding again adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { seedCommentsDemo, DEMO_SITE } from './demo.ts';
import { commentsDb } from './repo.ts';

let app: TestApp;
before(async () => {
  app = await testApp({ demo: true });
});
after(async () => {
  await app.close();
});

test('the demo ward has published comments and two waiting; seeding again adds nothing', async () => {
  const count = async () => {
    const rows = await commentsDb(app.database.db).selectFrom('comments').select(['status']).execute();
    return { published: rows.filter((r) => r.status === 'published').length, pending: rows.filter((r) => r.status === 'pending').length };
  };
  assert.deepEqual(await count(), { published: 3, pending: 2 });
  await seedCommentsDemo(app.platform);
  assert.deepEqual(await count(), { published: 3, pending: 2 });
  const home = await app.client().get(`/trang/${DEMO_SITE}`);
  const first = /id="latest"[\s\S]*?<a href="(\/trang\/phuong-hoan-kiem\/tin\/[^"]+)"/.exec(home.body)?.[1];
  assert.ok(first);
  const page = await app.client().get(first);
  assert.match(page.body, /Ý kiến bạn đọc \(2\)/);
  assert.match(page.body, /Cảm ơn phường/);
});
