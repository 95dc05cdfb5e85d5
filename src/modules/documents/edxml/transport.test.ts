import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  EdxmlError,
  TransportError,
  buildDocumentPacket,
  buildStatusPacket,
  drainInbox,
  folderTransport,
  httpTransport,
  parseDocumentPacket,
  safeName,
  type EdxmlDocument,
  type EdxmlStatus,
} from './index.ts';
import { sampleDocument } from './testing.ts';

const WARD = '000.00.01.H26';
const HOME = '000.00.02.H26'; // Sở Nội vụ, first receiver of the sample document

async function tempRoot(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'edxml-'));
}

async function listAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

test('folder transport: two agencies exchange a document and a status back', async () => {
  const root = await tempRoot();
  try {
    const axis = folderTransport(root);
    const doc = sampleDocument();
    await axis.send({ id: 'doc-125', to: doc.to.map((o) => o.id), xml: buildDocumentPacket(doc) });
    assert.deepEqual(await listAll(root), ['000.00.02.H26/inbox/doc-125.xml', '000.00.03.H26/inbox/doc-125.xml']);

    const got: EdxmlDocument[] = [];
    const report = await drainInbox(axis, HOME, { onDocument: (d) => void got.push(d) });
    assert.deepEqual(report, { accepted: [{ id: 'doc-125', kind: 'document' }], rejected: [] });
    assert.deepEqual(got, [doc]);
    assert.deepEqual(await readdir(path.join(root, HOME, 'inbox')), []);
    assert.deepEqual(await readdir(path.join(root, HOME, 'done')), ['doc-125.xml']);

    const status = buildStatusPacket({
      documentId: doc.documentId,
      from: doc.to[0]!,
      to: WARD,
      status: 'accepted',
      timestamp: '2026-03-05T09:00:00.000Z',
      staff: { name: 'Trần Văn Bình', department: 'Văn thư' },
    });
    await axis.send({ id: 'status-doc-125-03', to: [WARD], xml: status });
    const statuses: EdxmlStatus[] = [];
    const back = await drainInbox(axis, WARD, { onStatus: (s) => void statuses.push(s) });
    assert.deepEqual(back.accepted, [{ id: 'status-doc-125-03', kind: 'status' }]);
    assert.equal(statuses[0]?.status, 'accepted');
    assert.equal(statuses[0]?.documentId, doc.documentId);
    assert.equal(statuses[0]?.from.id, HOME);
    assert.deepEqual(await drainInbox(axis, WARD, {}), { accepted: [], rejected: [] });
    // an agency with nothing yet
    assert.deepEqual(await axis.receive('000.00.09.H26'), []);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('folder transport: a malformed packet lands in failed/ with its reason, the others go on', async () => {
  const root = await tempRoot();
  try {
    const axis = folderTransport(root);
    await axis.send({ id: 'broken', to: [HOME], xml: '<edXML><edXML:edXMLEnvelope>' });
    await axis.send({ id: 'no-subject', to: [HOME], xml: buildDocumentPacket(sampleDocument()).replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, '') });
    await axis.send({ id: 'good', to: [HOME], xml: buildDocumentPacket(sampleDocument()) });
    // oldest first, whatever the names
    const inbox = path.join(root, HOME, 'inbox');
    await utimes(path.join(inbox, 'good.xml'), new Date('2026-01-01T00:00:03Z'), new Date('2026-01-01T00:00:03Z'));
    await utimes(path.join(inbox, 'no-subject.xml'), new Date('2026-01-01T00:00:02Z'), new Date('2026-01-01T00:00:02Z'));
    await utimes(path.join(inbox, 'broken.xml'), new Date('2026-01-01T00:00:01Z'), new Date('2026-01-01T00:00:01Z'));
    assert.deepEqual((await axis.receive(HOME)).map((p) => p.id), ['broken', 'no-subject', 'good']);

    const report = await drainInbox(axis, HOME, {});
    assert.deepEqual(report.accepted, [{ id: 'good', kind: 'document' }]);
    assert.deepEqual(report.rejected.map((r) => r.id), ['broken', 'no-subject']);
    assert.match(report.rejected[0]!.reason, /^not_xml: /);
    assert.match(report.rejected[1]!.reason, /^missing_field: .*MessageHeader\/Subject/);
    assert.deepEqual(await readdir(path.join(root, HOME, 'failed')), ['broken.reason.txt', 'broken.xml', 'no-subject.reason.txt', 'no-subject.xml']);
    assert.equal(await readFile(path.join(root, HOME, 'failed', 'broken.xml'), 'utf8'), '<edXML><edXML:edXMLEnvelope>');
    assert.match(await readFile(path.join(root, HOME, 'failed', 'no-subject.reason.txt'), 'utf8'), /thiếu trường bắt buộc MessageHeader\/Subject/);
    assert.deepEqual(await readdir(path.join(root, HOME, 'done')), ['good.xml']);

    // a handler that fails also sets the packet aside rather than losing it
    await axis.send({ id: 'again', to: [HOME], xml: buildDocumentPacket(sampleDocument()) });
    const failing = await drainInbox(axis, HOME, { onDocument: () => { throw new Error('register is closed'); } });
    assert.deepEqual(failing.rejected, [{ id: 'again', reason: 'register is closed' }]);
    const [packet] = await axis.receive(HOME);
    assert.equal(packet, undefined);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('folder transport: path traversal in an id is neutralised, organ folders must be organ ids', async () => {
  const root = await tempRoot();
  try {
    const axis = folderTransport(path.join(root, 'axis'));
    await axis.send({ id: '../../../outside', to: [HOME], xml: '<x/>' });
    await axis.send({ id: '..', to: [HOME], xml: '<x/>' });
    await axis.send({ id: 'a/b\\c\u0000d', to: [HOME], xml: '<x/>' });
    const files = await listAll(root);
    assert.equal(files.length, 3);
    for (const f of files) assert.ok(f.startsWith(`axis/${HOME}/inbox/`) && f.endsWith('.xml'), f);
    assert.deepEqual(await readdir(root), ['axis']);
    const ids = (await axis.receive(HOME)).map((p) => p.id).sort();
    assert.ok(ids.every((id) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(id)), ids.join(' '));
    // two ids that clean to the same characters still get two files
    assert.notEqual(safeName('a/b'), safeName('a_b'));
    assert.equal(safeName('doc-125'), 'doc-125');

    await assert.rejects(axis.send({ id: 'x', to: ['../../etc'], xml: '<x/>' }), (e) => e instanceof EdxmlError && e.reason === 'bad_organ_id');
    await assert.rejects(axis.receive('..'), (e) => e instanceof EdxmlError && e.reason === 'bad_organ_id');
    await assert.rejects(axis.send({ id: 'x', to: [], xml: '<x/>' }), TransportError);
    // a file dropped into the inbox by hand with an odd name is still read, and moves safely
    await writeFile(path.join(root, 'axis', HOME, 'inbox', 'by hand (1).xml'), '<x/>');
    const byHand = (await axis.receive(HOME)).find((p) => p.id === 'by hand (1)');
    assert.ok(byHand);
    await byHand.reject('not edXML');
    assert.ok((await readdir(path.join(root, 'axis', HOME, 'failed'))).includes('by hand (1).reason.txt'));
    await assert.rejects(byHand.ack(), /no longer in the inbox/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// HTTP

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A tiny relay: packets kept in memory per receiver. */
async function relay(token: string): Promise<{ server: Server; baseUrl: string; rejected: Map<string, string>; acked: string[] }> {
  const queues = new Map<string, { id: string; xml: string }[]>();
  const rejected = new Map<string, string>();
  const acked: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('bad token');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://relay');
      const take = (id: string) => {
        for (const q of queues.values()) {
          const i = q.findIndex((p) => p.id === id);
          if (i >= 0) return q.splice(i, 1)[0];
        }
        return undefined;
      };
      if (req.method === 'POST' && url.pathname === '/packets') {
        assert.match(req.headers['content-type'] ?? '', /^application\/xml/);
        const xml = await body(req);
        const id = decodeURIComponent(String(req.headers['x-edxml-id']));
        for (const to of String(req.headers['x-edxml-to']).split(',')) {
          queues.set(to, [...(queues.get(to) ?? []), { id, xml }]);
        }
        res.writeHead(202).end();
      } else if (req.method === 'GET' && url.pathname === '/packets') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(queues.get(url.searchParams.get('to') ?? '') ?? []));
      } else if (req.method === 'POST' && /^\/packets\/[^/]+\/(ack|reject)$/.test(url.pathname)) {
        const [, , rawId, action] = url.pathname.split('/');
        const id = decodeURIComponent(rawId ?? '');
        if (!take(id)) {
          res.writeHead(404).end('no such packet');
          return;
        }
        if (action === 'ack') acked.push(id);
        else rejected.set(id, (JSON.parse(await body(req)) as { reason: string }).reason);
        res.writeHead(204).end();
      } else {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, baseUrl: `http://127.0.0.1:${port}/`, rejected, acked };
}

test('http transport: a round trip through a relay, with ack and reject', async () => {
  const { server, baseUrl, rejected, acked } = await relay('s3cret');
  try {
    const axis = httpTransport({ baseUrl, token: 's3cret' });
    const doc = sampleDocument();
    await axis.send({ id: 'doc 125/UBND', to: [HOME], xml: buildDocumentPacket(doc) });
    await axis.send({ id: 'junk', to: [HOME], xml: 'not xml' });

    const inbox = await axis.receive(HOME);
    assert.deepEqual(inbox.map((p) => p.id), ['doc 125/UBND', 'junk']);
    assert.deepEqual(parseDocumentPacket(inbox[0]!.xml), doc);
    const report = await drainInbox(axis, HOME, {});
    assert.deepEqual(report.accepted, [{ id: 'doc 125/UBND', kind: 'document' }]);
    assert.deepEqual(acked, ['doc 125/UBND']);
    assert.match(rejected.get('junk') ?? '', /^not_xml/);
    assert.deepEqual(await axis.receive(HOME), []);

    await assert.rejects(inbox[0]!.ack(), (e) => e instanceof TransportError && e.status === 404);
    const wrong = httpTransport({ baseUrl, token: 'guess' });
    await assert.rejects(wrong.receive(HOME), (e) => e instanceof TransportError && e.status === 401 && /GET \/packets\?to=000\.00\.02\.H26 answered 401: bad token/.test(e.message));
    await assert.rejects(axis.receive('../admin'), EdxmlError);
  } finally {
    server.close();
  }
});

test('http transport: bounded time, a wrong answer and no server give clear errors', async () => {
  const hanging = createServer(() => {
    /* never answers */
  });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const address = hanging.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const slow = httpTransport({ baseUrl: `http://127.0.0.1:${port}`, token: 't', timeoutMs: 200 });
    await assert.rejects(slow.receive(HOME), /GET \/packets\?to=000\.00\.02\.H26: no answer within 200 ms/);
  } finally {
    hanging.closeAllConnections();
    hanging.close();
  }
  const notJson = httpTransport({ baseUrl: 'http://relay.invalid', token: 't', fetch: async () => new Response('<html/>', { status: 200 }) });
  await assert.rejects(notJson.receive(HOME), /not JSON/);
  const badShape = httpTransport({ baseUrl: 'http://relay.invalid', token: 't', fetch: async () => Response.json([{ id: 1 }]) });
  await assert.rejects(badShape.receive(HOME), /expected a list of \{ id, xml \}/);
  const down = httpTransport({ baseUrl: 'http://127.0.0.1:1', token: 't' });
  await assert.rejects(down.send({ id: 'x', to: [HOME], xml: '<x/>' }), (e) => e instanceof TransportError && /^POST \/packets: /.test(e.message));
});
