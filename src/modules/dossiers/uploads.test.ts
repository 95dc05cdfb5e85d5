import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp, type TestApp } from '../../testing/app.ts';
import { sha256Of } from '../../platform/files/index.ts';
import { attachmentLimits, configureAttachments } from './storage.ts';
import { formTokens, postMultipart, prepareDossierTests, PROC, registerCitizen, submissionFields, TINY, type Part, type TestCitizen } from './testing.ts';

// Uploads are streamed to EGOV_VAR_DIR/tmp/uploads; whatever becomes of the request, nothing is left there.
const varDir = mkdtempSync(join(tmpdir(), 'egov-uploads-'));
const tempDir = join(varDir, 'tmp', 'uploads');
let app: TestApp;
let hoa: TestCitizen;
before(async () => {
  app = await testApp({ env: { EGOV_VAR_DIR: varDir } });
  await prepareDossierTests(app);
  hoa = await registerCitizen(app, 71);
});
after(async () => {
  await app.close();
});

const FORM = `/dich-vu-cong/${PROC.online.code}/nop`;

async function form(over: Record<string, string> = {}): Promise<Part[]> {
  return submissionFields(hoa, formTokens((await hoa.client.get(FORM)).body), over);
}

const file = (name: string, content: Buffer): Part => ({ name, file: { filename: `${name}.pdf`, content, type: 'application/pdf' } });

/** The temporary uploads still there once the response is finished (its hook runs just after the reply is sent). */
async function leftovers(): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const names = readdirSync(tempDir);
    if (names.length === 0) return names;
    await new Promise((r) => setTimeout(r, 20));
  }
  return readdirSync(tempDir);
}

test('an accepted submission stores the streamed file and leaves no temporary upload', async () => {
  const content = Buffer.concat([TINY.pdf, Buffer.from(`% streamed ${Date.now()}\n`, 'latin1')]);
  const res = await postMultipart(app, hoa.client, FORM, [...(await form()), file('files.doc1', content)]);
  assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
  const sha = sha256Of(content);
  const stored = join(varDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
  assert.ok(existsSync(stored), 'the file is in the store');
  assert.deepEqual(readFileSync(stored), content);
  assert.deepEqual(await leftovers(), []);
});

test('a submission refused for its errors leaves no temporary upload and stores nothing', async () => {
  const content = Buffer.concat([TINY.pdf, Buffer.from(`% refused ${Date.now()}\n`, 'latin1')]);
  const res = await postMultipart(app, hoa.client, FORM, [...(await form({ 'applicant.personalId': '12345' })), file('files.doc1', content)]);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  const sha = sha256Of(content);
  assert.equal(existsSync(join(varDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha)), false);
  assert.deepEqual(await leftovers(), []);
});

test('files over the total and a post cut off by the parser leave no temporary upload', async () => {
  const limits = attachmentLimits(app.platform);
  configureAttachments(app.platform, { limits: { ...limits, maxTotalBytes: 3072 } });
  try {
    const half = Buffer.concat([TINY.pdf, Buffer.alloc(1800)]);
    const res = await postMultipart(app, hoa.client, FORM, [...(await form()), file('files.doc1', half), file('files.doc2', half)]);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /3 KB/);
    assert.deepEqual(await leftovers(), []);
  } finally {
    configureAttachments(app.platform, { limits });
  }
  // More files than the parser takes: it stops mid-body, after the first files were written to disk.
  const many = Array.from({ length: limits.maxFiles + 1 }, (_, i) => file(`files.doc${i}`, TINY.pdf));
  const cut = await postMultipart(app, hoa.client, FORM, [...(await form()), ...many]);
  assert.ok(cut.statusCode >= 400, String(cut.statusCode));
  assert.deepEqual(await leftovers(), []);
});
