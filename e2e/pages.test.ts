// Every public page of the foundation passes axe and reflows at phone width (WCAG 1.4.10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, PHONE, scrollsSideways, startHarness } from './harness.ts';

const h = startHarness();

const PAGES = [
  '/don-vi-hanh-chinh',
  '/don-vi-hanh-chinh?q=hoan+kiem',
  '/don-vi-hanh-chinh/00070',
  '/don-vi-hanh-chinh/tra-cuu-cu?q=Ph%C3%BAc+X%C3%A1',
  '/co-quan',
  '/lich-lam-viec',
  '/lich-lam-viec?year=2027',
  '/api/docs',
  '/thu-tuc',
  '/thu-tuc?q=s%E1%BB%95+%C4%91%E1%BB%8F',
  '/thu-tuc/1.001193',
  '/thu-tuc/3.000347',
  '/tra-cuu-ho-so',
  '/tai-khoan-trinh-dien',
];

for (const path of PAGES) {
  test(`${path} passes axe on a desktop and fits a phone screen`, async () => {
    const page = await h.newPage();
    const res = await page.goto(path);
    assert.equal(res?.status(), 200);
    await checkA11y(page, path);
    const phone = await h.newPage({ viewport: PHONE });
    await phone.goto(path);
    const s = await scrollsSideways(phone);
    assert.ok(!s.overflows, `${path} scrolls sideways at 360 px: ${s.scrollWidth} > ${s.innerWidth}`);
    await checkA11y(phone, `${path} at phone width`);
  });
}
