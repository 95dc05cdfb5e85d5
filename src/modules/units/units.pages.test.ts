import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

async function page(url: string): Promise<{ status: number; body: string }> {
  const res = await app.server.inject({ url });
  assert.match(String(res.headers['content-type']), /text\/html/);
  return { status: res.statusCode, body: res.body };
}

const rows = (html: string): number => (html.match(/<tr>/g) ?? []).length;

test('the list of units is Vietnamese first, grouped into 51 phường and 75 xã', async () => {
  const { status, body } = await page('/don-vi-hanh-chinh');
  assert.equal(status, 200);
  assert.match(body, /<html lang="vi">/);
  assert.match(body, /<h1>Đơn vị hành chính Thành phố Hà Nội<\/h1>/);
  assert.match(body, /126 đơn vị hành chính cấp xã: 51 phường và 75 xã/);
  assert.match(body, /<h2 id="group-phuong">Phường \(51\)<\/h2>/);
  assert.match(body, /<h2 id="group-xa">Xã \(75\)<\/h2>/);
  assert.match(body, /<a href="\/don-vi-hanh-chinh\/00070"><span>Phường Hoàn Kiếm<\/span><\/a>/);
  // A labelled search field that works without JavaScript (a GET form).
  assert.match(body, /<form method="get" action="\/don-vi-hanh-chinh"/);
  assert.match(body, /<label for="q">Tên phường, xã<\/label>/);
  assert.match(body, /<label for="loai">Loại đơn vị<\/label>/);
  // Vietnamese alphabetical order inside a group: Ba Đình before Bạch Mai before Bồ Đề.
  const at = (name: string): number => body.indexOf(`>${name}<`);
  assert.ok(at('Phường Ba Đình') < at('Phường Bạch Mai') && at('Phường Bạch Mai') < at('Phường Bồ Đề'));
});

test('the list in English keeps the Vietnamese names, marked as Vietnamese', async () => {
  const { body } = await page('/don-vi-hanh-chinh?lang=en');
  assert.match(body, /<html lang="en">/);
  assert.match(body, /<h1>Administrative units of Hà Nội<\/h1>/);
  assert.match(body, /<h2 id="group-phuong">Wards \(51\)<\/h2>/);
  assert.match(body, /<span lang="vi">Phường Hoàn Kiếm<\/span><\/a> <span class="muted">\(Hoan Kiem Ward\)<\/span>/);
});

test('searching the page needs no accents', async () => {
  for (const q of ['hoan kiem', 'Hoàn Kiếm', 'hoan kiêm']) {
    const { body } = await page(`/don-vi-hanh-chinh?q=${encodeURIComponent(q)}`);
    assert.match(body, /1 kết quả cho/, q);
    assert.match(body, /Phường Hoàn Kiếm/);
    assert.equal(rows(body), 2, 'header row and one result');
  }
  const xa = await page('/don-vi-hanh-chinh?loai=xa');
  assert.equal(rows(xa.body), 76);
  const none = await page('/don-vi-hanh-chinh?q=zzzqqq');
  assert.match(none.body, /Không tìm thấy đơn vị nào phù hợp/);
  const long = await page(`/don-vi-hanh-chinh?q=${'x'.repeat(150)}`);
  assert.equal(long.status, 200);
  assert.match(long.body, /class="error-summary"/);
  assert.match(long.body, /id="q-error"/);
});

test('a unit’s page shows its type, English name, province, origin, agencies and former units', async () => {
  const { status, body } = await page('/don-vi-hanh-chinh/00097');
  assert.equal(status, 200);
  assert.match(body, /<h1><span>Phường Hồng Hà<\/span><\/h1>/);
  assert.match(body, /Hong Ha Ward/);
  assert.match(body, /<a href="\/don-vi-hanh-chinh\/01"><span>Thành phố Hà Nội<\/span><\/a>/);
  assert.match(body, /Hình thành từ/);
  assert.match(body, /000\.\d\d\.51\.H26/);
  assert.match(body, /Ủy ban nhân dân phường Hồng Hà/);
  assert.match(body, /Các đơn vị hành chính cũ sáp nhập vào/);
  assert.match(body, /<code>00001<\/code><\/td><td><span>Phường Phúc Xá<\/span><\/td><td><span>Quận Ba Đình<\/span><\/td><td>Toàn bộ<\/td>/);
  const en = await page('/don-vi-hanh-chinh/00097?lang=en');
  assert.match(en.body, /Former units merged into it/);
  assert.match(en.body, /<td>Whole<\/td>/);
  assert.match(en.body, /01\/07\/2025/);
  const province = await page('/don-vi-hanh-chinh/01');
  assert.match(province.body, /Số đơn vị cấp xã/);
  assert.match(province.body, /<span>126<\/span>/);
});

test('an unknown unit is a 404 page, a malformed code a 400 page, in both languages', async () => {
  const unknown = await page('/don-vi-hanh-chinh/99999');
  assert.equal(unknown.status, 404);
  assert.match(unknown.body, /Không tìm thấy đơn vị hành chính có mã này/);
  const en = await page('/don-vi-hanh-chinh/99999?lang=en');
  assert.match(en.body, /No administrative unit has this code/);
  assert.equal((await page('/don-vi-hanh-chinh/abc')).status, 400);
});

test('the lookup of a former unit leads from Phường Phúc Xá to Phường Hồng Hà', async () => {
  const empty = await page('/don-vi-hanh-chinh/tra-cuu-cu');
  assert.equal(empty.status, 200);
  assert.match(empty.body, /<label for="q">Tên hoặc mã đơn vị cũ<\/label>/);
  const { body } = await page(`/don-vi-hanh-chinh/tra-cuu-cu?q=${encodeURIComponent('Phường Phúc Xá')}`);
  assert.match(body, /1 đơn vị cũ phù hợp/);
  assert.match(body, /<span>Phường Phúc Xá<\/span>/);
  assert.match(body, /<a href="\/don-vi-hanh-chinh\/00097"><span>Phường Hồng Hà<\/span><\/a> — <span>Toàn bộ<\/span>/);
  const en = await page('/don-vi-hanh-chinh/tra-cuu-cu?q=phuc+xa&lang=en');
  assert.match(en.body, /1 former units match/);
  assert.match(en.body, /Hong Ha Ward/);
  const none = await page('/don-vi-hanh-chinh/tra-cuu-cu?q=qqqzzz');
  assert.match(none.body, /Không tìm thấy đơn vị cũ nào phù hợp/);
});

test('the agencies page lists identifiers, grouped by kind, with filters', async () => {
  const { status, body } = await page('/co-quan');
  assert.equal(status, 200);
  assert.match(body, /<h1>Cơ quan, đơn vị<\/h1>/);
  assert.match(body, /145 cơ quan/);
  // Each agency's name opens its public page of results (issue 9).
  assert.match(body, /<code>000\.00\.00\.H26<\/code><\/td><td><a href="\/cong-khai\/co-quan\/000\.00\.00\.H26"><span>Ủy ban nhân dân Thành phố Hà Nội<\/span><\/a>/);
  assert.match(body, /Trung tâm Phục vụ hành chính công thành phố Hà Nội/);
  assert.match(body, /Ủy ban nhân dân phường, xã \(126\)/);
  const justice = await page('/co-quan?q=tu+phap');
  assert.match(justice.body, /1 cơ quan/);
  assert.match(justice.body, /Sở Tư pháp/);
  const depts = await page('/co-quan?loai=department&lang=en');
  assert.match(depts.body, /City departments \(\d+\)/);
  assert.match(depts.body, /Department of Justice/);
  assert.doesNotMatch(depts.body, /Commune/);
});
