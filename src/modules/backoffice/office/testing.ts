// Test helpers of the officers' pages: a signed-in client per officer, the page's hidden version, tab counts, and
// posting an action's form as a browser would (CSRF token and version from the page).
import assert from 'node:assert/strict';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import type { TestApp, TestClient } from '../../../testing/app.ts';
import { signInAs } from '../../../testing/auth.ts';
import { postMultipart, type Part } from '../../dossiers/testing.ts';

export async function officerClient(app: TestApp, user: SessionUser): Promise<TestClient> {
  const client = app.client();
  await signInAs(app.database.db, client, user);
  return client;
}

export const casePage = (code: string): string => `/mot-cua/ho-so/${encodeURIComponent(code)}`;
export const actionUrl = (code: string, action: string): string => `${casePage(code)}/thao-tac/${action}`;

export function versionOn(html: string): string {
  const v = /name="version" value="(\d+)"/.exec(html)?.[1];
  assert.ok(v, 'the action forms carry the row version');
  return v;
}

export function csrfOn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the page carries a CSRF token');
  return token;
}

/** The count shown on an inbox tab. */
export function tabCount(html: string, tab: string): number {
  const m = new RegExp(`href="/mot-cua\\?tab=${tab}"[^>]*>\\s*<span>[^<]*</span>\\s*<span class="count">([\\d.]+)</span>`).exec(html);
  assert.ok(m, `tab ${tab} shows a count`);
  return Number((m[1] ?? '').replaceAll('.', ''));
}

/** Opens the dossier page, then posts the action's form with the page's CSRF token and version. */
export async function act(client: TestClient, code: string, action: string, fields: Record<string, string | string[]> = {}) {
  const page = await client.get(casePage(code));
  assert.equal(page.statusCode, 200, page.body.slice(0, 500));
  assert.ok(page.body.includes(`action="${actionUrl(code, action)}"`), `the page offers ${action}`);
  return client.postForm(actionUrl(code, action), { _csrf: csrfOn(page.body), version: versionOn(page.body), ...fields });
}

/** The same with a multipart body (forms with file inputs). */
export async function actMultipart(app: TestApp, client: TestClient, code: string, action: string, parts: Part[]) {
  const page = await client.get(casePage(code));
  assert.ok(page.body.includes(`action="${actionUrl(code, action)}"`), `the page offers ${action}`);
  assert.match(page.body, new RegExp(`action="${actionUrl(code, action).replaceAll('.', '\\.')}" enctype="multipart/form-data"`));
  return postMultipart(app, client, actionUrl(code, action), [{ name: '_csrf', value: csrfOn(page.body) }, { name: 'version', value: versionOn(page.body) }, ...parts]);
}
