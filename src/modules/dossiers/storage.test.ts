import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { apiTokenFor } from '../../testing/auth.ts';
import { s3Store, sha256Of } from '../../platform/files/index.ts';
import { startTestS3, type TestS3 } from '../../platform/files/s3-testing.ts';
import { formTokens, postMultipart, prepareDossierTests, PROC, answersFor, registerCitizen, submissionFields, TINY, type TestCitizen } from './testing.ts';

let s3: TestS3;
let app: TestApp;
let hoa: TestCitizen;
let lan: TestCitizen;
before(async () => {
  s3 = await startTestS3();
  app = await testApp({ env: s3.env });
  await prepareDossierTests(app);
  hoa = await registerCitizen(app, 61);
  lan = await registerCitizen(app, 62, 'Trần Văn Lân');
});
after(async () => {
  await app?.close();
  await s3?.close();
});

test('with FILES_STORE=s3 an attachment submitted through the API lands in the bucket and the applicant downloads the same bytes', async () => {
  const content = Buffer.concat([TINY.pdf, Buffer.from(`% s3 end-to-end ${Date.now()}\n`, 'latin1')]);
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { authorization: `Bearer ${await apiTokenFor(app.database.db, hoa.user)}`, 'content-type': 'application/json' },
    payload: JSON.stringify({
      procedure_code: PROC.online.code,
      form: answersFor(hoa),
      files: [{ doc_key: 'doc1', filename: 'tờ-khai.pdf', content_base64: content.toString('base64') }],
    }),
  });
  assert.equal(res.statusCode, 201, res.body);
  const { code } = res.json() as { code: string };
  assert.equal(await s3Store(s3.options).has(sha256Of(content)), true, 'the object is in the S3 bucket');

  const detail = await hoa.client.get(`/ho-so/${code}`);
  const href = new RegExp(`href="(/ho-so/${code.replaceAll('.', '\\.')}/tep/\\d+)"`).exec(detail.body)?.[1];
  assert.ok(href, 'the detail page links the file');
  const file = await hoa.client.get(href);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.equal(file.headers['cache-control'], 'private, no-store');
  assert.deepEqual(file.rawPayload, content);

  // Served only after the access check: another citizen and an anonymous visitor get nothing.
  const other = await lan.client.get(href);
  assert.ok(other.statusCode === 404 || other.statusCode === 403, String(other.statusCode));
  assert.equal((await app.client().get(href)).statusCode, 303);
});

test('with FILES_STORE=s3 a file posted on the submission page is read from its temporary file into the bucket', async () => {
  const form = `/dich-vu-cong/${PROC.online.code}/nop`;
  const fields = submissionFields(hoa, formTokens((await hoa.client.get(form)).body));
  const content = Buffer.concat([TINY.pdf, Buffer.from(`% s3 multipart ${Date.now()}\n`, 'latin1')]);
  const parts = [...fields, { name: 'files.doc1', file: { filename: 'tờ-khai.pdf', content, type: 'application/pdf' } }];
  const res = await postMultipart(app, hoa.client, form, parts);
  assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
  assert.deepEqual(await s3Store(s3.options).read(sha256Of(content)), content);
});
