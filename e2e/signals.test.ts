// The traffic-signal centre in a real browser (issue 16), on a 390 px phone: the demo signal engineer opens the map,
// an intersection of the Nguyễn Trãi corridor with its live state, designs its plan with Webster's method (an
// oversaturated count refused first) and saves it, coordinates the corridor as a green wave and saves it, sends the
// corridor's plans to the simulated controllers (EGOV_SIGNALS_BROKER defaults to the in-process bus with the demo
// data) and watches their running version switch as the page's script polls; then the monitoring wall with the demo's
// faults. axe and the phone's width on every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPage, PHONE_390, signedIn, startHarness, submitWith, visitChecked } from './harness.ts';

const h = startHarness();

test('the signal engineer designs a plan with Webster, coordinates the corridor, sends it and sees the controllers switch', async () => {
  const page = await signedIn(h, 'demo.tinhieu', PHONE_390);
  assert.equal(new URL(page.url()).pathname, '/quan-ly/den-tin-hieu', 'the engineer lands on the signal centre');
  await visitChecked(page, '/quan-ly/den-tin-hieu', 'the network map');
  assert.ok(await page.locator('svg[role="img"] circle').first().isVisible(), 'the map is drawn');

  await visitChecked(page, '/quan-ly/den-tin-hieu/nut/HN0003', 'an intersection of the Nguyễn Trãi corridor');
  const running = page.locator('[data-live-id="HN0003"][data-live-field="planVersion"]');
  await page.waitForFunction(() => document.querySelector('[data-live-id="HN0003"][data-live-field="planVersion"]')?.textContent === '0', null, { timeout: 8000 });
  assert.equal(await running.textContent(), '0', 'the controller runs the seeded plan');

  await Promise.all([page.waitForURL(/\/webster$/), page.getByRole('link', { name: 'Tính chu kỳ theo Webster', exact: true }).click()]);
  await checkPage(page, 'the Webster tool');
  const flows = page.locator('input[id^="flow"]');
  const n = await flows.count();
  for (let i = 0; i < n; i++) await flows.nth(i).fill('1000');
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Tính', exact: true })), 400);
  await checkPage(page, 'Webster refused (Y ≥ 1)');
  assert.ok(await page.locator('.error-summary').getByText(/≥ 1/).isVisible(), 'oversaturated named');
  assert.equal(await flows.first().inputValue(), '1000', 'the typed value kept');
  for (let i = 0; i < n; i++) await flows.nth(i).fill(i === 0 ? '700' : '250');
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Tính', exact: true })), 200);
  await checkPage(page, 'Webster’s result');
  assert.ok(await page.getByText('Chu kỳ tối ưu C₀ (s)').isVisible());
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Lưu thành phiên bản mới', exact: true })), 303);
  await checkPage(page, 'the intersection after saving');
  assert.ok(await page.getByText('Đã lưu phiên bản 2.').isVisible());

  await Promise.all([page.waitForURL(/\/hanh-lang\/\d+$/), page.getByRole('link', { name: 'Phối hợp làn sóng xanh', exact: true }).click()]);
  await checkPage(page, 'the corridor');
  await page.locator('#speed').fill('40');
  await page.locator('#cycle').fill('120');
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Xem thiết kế', exact: true })), 200);
  await checkPage(page, 'the corridor’s design');
  assert.ok(await page.locator('figure.signal-diagram svg[role="img"]').isVisible(), 'the time–space diagram');
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Lưu làm kịch bản của các nút', exact: true })), 303);
  assert.ok(await page.getByText(/Đã lưu kịch bản phối hợp cho \d+ nút\./).isVisible());

  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Gửi kịch bản hiện hành xuống mọi nút của hành lang', exact: true })), 303);
  await checkPage(page, 'the corridor after sending');
  const sent = (await page.getByText(/Đã gửi: \d+\/\d+ bộ điều khiển xác nhận\./).textContent()) ?? '';
  const [, ok, all] = /(\d+)\/(\d+)/.exec(sent) ?? [];
  assert.equal(ok, all, 'every controller confirmed');
  // The script polls the live state: the running version switches from 0 to the version each controller confirmed.
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-live-field="planVersion"]')];
    return cells.length > 0 && cells.every((c) => /^\d+$/.test(c.textContent ?? '') && c.textContent !== '0');
  }, null, { timeout: 10_000 });

  await visitChecked(page, '/quan-ly/den-tin-hieu/nut/HN0003', 'the intersection after the send');
  assert.ok(await page.getByRole('cell', { name: 'Đã xác nhận' }).first().isVisible(), 'the send’s outcome');
  assert.notEqual(await running.textContent(), '0', 'the controller runs the plan sent');

  // The monitoring wall, from the map, with the demo's faults (centre-runtime.ts demoFaultIds): three controllers in
  // conflict flash, one in flash mode, one never heard from; the rest running.
  await visitChecked(page, '/quan-ly/den-tin-hieu', 'the network map again');
  await Promise.all([page.waitForURL(/\/giam-sat$/), page.getByRole('link', { name: /^Màn hình giám sát/ }).click()]);
  await checkPage(page, 'the monitoring wall');
  const count = async (state: string) => (await page.locator(`.wall-counts [data-state="${state}"] dd`).textContent())?.trim();
  assert.equal(await count('fault'), '3', 'three in conflict flash');
  assert.equal(await count('flashing'), '1', 'one in flash mode');
  assert.equal(await count('commLost'), '1', 'one never heard from');
});
