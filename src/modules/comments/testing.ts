// What the comments' tests share: an app with the page cache on (to prove a decision drops the kept article page), a
// moderator of Phường Hoàn Kiếm and one of another ward, and an article published through the editors' pages.
import assert from 'node:assert/strict';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { findAgencyByCode } from '../units/index.ts';
import { type Comment, commentsDb } from './repo.ts';

export const SITE = 'phuong-hoan-kiem';
export const QUEUE = `/quan-tri/trang/${SITE}/binh-luan`;

export interface Fixture {
  app: TestApp;
  moderator: TestClient;
  otherModerator: TestClient;
}

let next = 9300;

export async function commentsFixture(): Promise<Fixture> {
  const app = await testApp({ env: { EGOV_PAGE_CACHE: '60' } });
  const ward = await findAgencyByCode(app.database.db, '000.04.51.H26');
  const other = await findAgencyByCode(app.database.db, '000.01.51.H26');
  assert.ok(ward && other);
  const moderator = app.client({ ip: '10.90.0.1' });
  await signInAs(app.database.db, moderator, { id: 9201, username: 'kiemduyet.hk', roles: ['editor', 'moderator'], agencyId: ward.id });
  const otherModerator = app.client({ ip: '10.90.0.2' });
  await signInAs(app.database.db, otherModerator, { id: 9202, username: 'kiemduyet.bd', roles: ['moderator'], agencyId: other.id });
  return { app, moderator, otherModerator };
}

/** Publishes a news article on the ward's site (the moderator is its editor too); returns its address. */
export async function publishArticle(f: Fixture, title: string): Promise<string> {
  const slug = `bai-${next++}`;
  const admin = `/quan-tri/trang/${SITE}`;
  const res = await f.moderator.submit(admin, { kind: 'news', title, slug, summary: '', body: `<p>${title}</p>`, category: '', tags: '', documentNo: '', documentDate: '', signer: '', note: '' }, `${admin}/bai-viet`);
  assert.equal(res.statusCode, 303);
  const edit = String(res.headers.location).split('?')[0] ?? '';
  assert.equal((await f.moderator.submit(edit, { version: '1' }, `${edit}/submit`)).statusCode, 303);
  assert.equal((await f.moderator.submit(edit, { version: '2', publishAt: '' }, `${edit}/publish`)).statusCode, 303);
  return `/trang/${SITE}/tin/${slug}`;
}

export const form = (over: Partial<Record<'name' | 'phone' | 'title' | 'body', string>> = {}) => ({ name: 'Nguyễn Thị Mai', phone: '', title: 'Góp ý', body: 'Nội dung góp ý.', ...over });

export async function commentByTitle(f: Fixture, title: string): Promise<Comment> {
  const c = await commentsDb(f.app.database.db).selectFrom('comments').selectAll().where('title', '=', title).orderBy('id', 'desc').executeTakeFirst();
  assert.ok(c, `no comment "${title}"`);
  return c;
}
