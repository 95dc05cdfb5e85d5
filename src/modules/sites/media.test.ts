// Images and attachments of an article: what an editor uploads, what a reader gets, what is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { findAgencyByCode } from '../units/index.ts';

let app: TestApp;
let editor: TestClient;
let reader: TestClient;
const SITE = '/quan-tri/trang/phuong-hoan-kiem';
let edit = '';

before(async () => {
  app = await testApp();
  const ward = await findAgencyByCode(app.database.db, '000.04.51.H26');
  editor = app.client();
  await signInAs(app.database.db, editor, { id: 9201, username: 'bientap.anh', roles: ['editor'], agencyId: ward?.id ?? null });
  reader = app.client();
  const res = await editor.submit(SITE, { kind: 'direction', title: 'Kế hoạch chỉnh trang hè phố', slug: 'ke-hoach-chinh-trang', summary: '', body: '<p>Kế hoạch kèm theo.</p>', category: '', tags: '', documentNo: '12/KH-UBND', documentDate: '2026-11-02', signer: '', note: '' }, `${SITE}/bai-viet`);
  edit = String(res.headers.location).replace(/\?.*$/, '');
});
after(async () => {
  await app.close();
});

function multipart(csrf: string, file: { name: string; type: string; bytes: Buffer } | undefined, alt: string): { body: Buffer; type: string } {
  const b = 'egovmedia42';
  const parts: Buffer[] = [Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${b}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${alt}\r\n`)];
  if (file) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${b}` };
}

async function upload(file: { name: string; type: string; bytes: Buffer } | undefined, alt = '') {
  const page = await editor.get(edit);
  const { body, type } = multipart(/name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '', file, alt);
  const cookie = [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.server.inject({ method: 'POST', url: `${edit}/tep`, headers: { cookie, 'content-type': type }, payload: body });
}

test('a photo is kept upright as WebP widths and a JPEG preview, without its GPS position; a draft’s image only for editors', async () => {
  // A 2000×1000 photo with EXIF (a GPS tag) turned on its side (orientation 6).
  const photo = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#2a7' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Orientation: '6', Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 42/1' } })
    .toBuffer();
  assert.ok((await sharp(photo).metadata()).exif, 'the fixture carries EXIF');
  const res = await upload({ name: 'ho-guom.jpg', type: 'image/jpeg', bytes: photo }, 'Hè phố Đinh Tiên Hoàng');
  assert.equal(res.statusCode, 303);
  const page = await editor.get(edit);
  const id = /src="\/anh\/(\d+)\/480\.webp"/.exec(page.body)?.[1];
  assert.ok(id, 'the edit page shows the image');
  assert.match(page.body, /&lt;img src=&#34;\/anh\/\d+\/960\.webp&#34; alt=&#34;Hè phố Đinh Tiên Hoàng&#34; width=&#34;960&#34; height=&#34;1920&#34;/);
  const webp = await editor.get(`/anh/${id}/960.webp`);
  assert.equal(webp.statusCode, 200);
  assert.equal(webp.headers['content-type'], 'image/webp');
  const meta = await sharp(webp.rawPayload).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 960, 1920], 'upright: the 2000×1000 photo on its side is 1000×2000, at 960 px wide');
  assert.equal(meta.exif, undefined, 'no EXIF (no GPS position) in what readers get');
  const jpeg = await editor.get(`/anh/${id}/1200.jpg`);
  assert.equal((await sharp(jpeg.rawPayload).metadata()).format, 'jpeg');
  // Not published yet: a reader gets nothing.
  assert.equal((await reader.get(`/anh/${id}/960.webp`)).statusCode, 404);
  assert.equal((await reader.get(`/anh/${id}/999.webp`)).statusCode, 404);
});

test('what is not an image, a file whose bytes are not its type, an image without a description and a file over 10 MB are refused beside the field', async () => {
  const notImage = await upload({ name: 'anh.jpg', type: 'image/jpeg', bytes: Buffer.from('<script>alert(1)</script>') }, 'mô tả');
  assert.equal(notImage.statusCode, 400);
  assert.match(notImage.body, /Tệp này không phải là ảnh đọc được/);
  const fakePdf = await upload({ name: 'kh.pdf', type: 'application/pdf', bytes: Buffer.from('MZ not a pdf') });
  assert.match(fakePdf.body, /Nội dung tệp không khớp với đuôi tệp/);
  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } }).png().toBuffer();
  assert.match((await upload({ name: 'a.png', type: 'image/png', bytes: png })).body, /Hãy nhập mô tả ảnh/);
  assert.match((await upload(undefined)).body, /Hãy chọn một tệp/);
  const big = await upload({ name: 'big.pdf', type: 'application/pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10)]) });
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /Tệp lớn quá 10 MB/);
  // Only the photo of the first test is there.
  assert.equal([...(await editor.get(edit)).body.matchAll(/src="\/anh\/\d+\/480\.webp"/g)].length, 1);
});

test('published: readers get the image with a year of caching, the PDF attachment listed under the article, og:image set', async () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  assert.equal((await upload({ name: 'Kế hoạch 12.pdf', type: 'application/pdf', bytes: pdf })).statusCode, 303);
  const page = await editor.get(edit);
  const id = /src="\/anh\/(\d+)\/480\.webp"/.exec(page.body)?.[1];
  await editor.submit(edit, { version: '1' }, `${edit}/submit`);
  assert.equal((await editor.submit(edit, { version: '2', publishAt: '' }, `${edit}/publish`)).statusCode, 303);
  const article = await reader.get('/trang/phuong-hoan-kiem/tin/ke-hoach-chinh-trang');
  assert.match(article.body, new RegExp(`property="og:image" content="http[^"]+/anh/${id}/1200\\.jpg"`));
  assert.match(article.body, /<h2 id="attachments">Tệp đính kèm<\/h2>/);
  const href = /href="(\/tep\/\d+\/[^"]+)"/.exec(article.body)?.[1] ?? '';
  const file = await reader.get(href);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.match(String(file.headers['content-disposition']), /attachment; filename=.*Ke hoach 12\.pdf/);
  assert.deepEqual(file.rawPayload, pdf);
  const img = await reader.get(`/anh/${id}/480.webp`);
  assert.equal(img.statusCode, 200);
  assert.equal(img.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal((await reader.get(`/anh/${id}/480.webp`, { 'if-none-match': String(img.headers.etag) })).statusCode, 304);
  // The editor removes the file: gone for readers and from the article; audited.
  const fileId = /\/tep\/(\d+)\//.exec(href)?.[1];
  const removed = await editor.submit(edit, {}, `${edit}/tep/${fileId}/xoa`);
  assert.equal(removed.headers.location, `${edit}?saved=removed`);
  assert.equal((await reader.get(href)).statusCode, 404);
  assert.doesNotMatch((await reader.get('/trang/phuong-hoan-kiem/tin/ke-hoach-chinh-trang')).body, /Tệp đính kèm/);
  assert.equal((await editor.submit(edit, {}, `${edit}/tep/${fileId}/xoa`)).statusCode, 404);
  // An editor of another ward may not remove the image.
  const other = app.client();
  const otherWard = await findAgencyByCode(app.database.db, '000.01.51.H26');
  await signInAs(app.database.db, other, { id: 9202, username: 'bientap.bd', roles: ['editor'], agencyId: otherWard?.id ?? null });
  assert.equal((await other.submit('/quan-tri/trang/phuong-ba-dinh', {}, `${edit}/tep/${id}/xoa`)).statusCode, 403);
  assert.equal((await reader.get(`/anh/${id}/480.webp`)).statusCode, 200);
});
