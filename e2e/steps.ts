// Steps the browser tests share: submitting a form and waiting for the answer, opening a dossier from the
// officer's inbox, taking an action on the officer's dossier page. Each checks what a person would see.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { checkA11y, submitWith } from './harness.ts';

// Submitting lives in harness.ts (signing in needs it); kept importable from here.
export { submitWith } from './harness.ts';

/** Opens the dossier from the officer's inbox tab (searching by its code), then its page; axe on both. */
export async function openFromInbox(page: Page, code: string, tab: string, label: string): Promise<void> {
  await page.goto(`/mot-cua?tab=${tab}&q=${encodeURIComponent(code)}`);
  await checkA11y(page, `the inbox (${label})`);
  await page.getByRole('link', { name: code, exact: true }).first().click();
  await page.waitForURL((u) => u.pathname === `/mot-cua/ho-so/${code}`);
  await checkA11y(page, `the dossier page (${label})`);
}

/**
 * Takes an action through its form on the officer's dossier page; `fill` fills the form's inputs. A required
 * confirmation box (refuse, reject) is ticked as a person would; the page must then say the action was taken.
 */
export async function act(page: Page, action: string, fill: (form: Locator) => Promise<void> = async () => undefined): Promise<void> {
  const form = page.locator(`form[action$="/thao-tac/${action}"]`);
  const offered = await page.locator('form[action*="/thao-tac/"]').evaluateAll((fs) => fs.map((f) => f.getAttribute('action')?.split('/').pop()));
  assert.equal(await form.count(), 1, `the page offers “${action}” (it offers: ${offered.join(', ')})`);
  await fill(form);
  for (const box of await form.locator('input[type="checkbox"][required]').all()) await box.check();
  assert.equal(await submitWith(page, form.locator('button[type="submit"]')), 303, `${action} is taken`);
  assert.match(page.url(), new RegExp(`xong=${action}`));
  await checkA11y(page, `the dossier page after ${action}`);
}
