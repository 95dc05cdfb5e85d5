// Steps the browser tests share: submitting a form and waiting for the answer, opening a dossier from the
// officer's inbox, taking an action on the officer's dossier page. Each checks what a person would see.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { checkA11y } from './harness.ts';

/** Clicks a submit button and waits for the browser to show the answer (after any redirect); returns the POST status. */
export async function submitWith(page: Page, button: Locator): Promise<number> {
  await page.evaluate(() => document.documentElement.setAttribute('data-before-submit', ''));
  const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  // Between two documents the browser may briefly have no root element: wait until the new one is there and loaded.
  await page.waitForFunction(() => {
    const root = document.documentElement as HTMLElement | null;
    return root !== null && !root.hasAttribute('data-before-submit') && document.readyState === 'complete';
  });
  return res.status();
}

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
