// The exchange axis between two egov instances, each with its own database, sharing one folder as the axis: A serves
// the ward WARD, B the ward OTHER_WARD (EGOV_DOCUMENT_EXCHANGE_AGENCIES). A letter issued in A to OTHER_WARD goes
// out as an edXML packet, B registers it with its metadata and files, the statuses come back to A in order, A's
// recall reaches B's copy; a malformed packet is kept and the poll goes on; a transport that fails does not undo the
// issue or the assignment, and the job sends the packet again, a bounded number of times.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { signPdf } from '../../platform/pdf/signature.ts';
import { makeTestP12 } from '../../platform/pdf/test-certificate.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { folderTransport, type ExchangeTransport } from './edxml/index.ts';
import { checkPdfSignatures, MAX_SEND_ATTEMPTS, pollExchange, retryOutbox, runExchange, useExchangeTransport } from './exchange.ts';
import { checkFiles } from './files.ts';
import { acknowledgeIncoming, assignIncoming, reportProgress } from './incoming.ts';
import type { OutgoingData } from './input.ts';
import { createDraft, issueDocument, type Publisher, recallDocument, reviewStep } from './outgoing.ts';
import { documentsDb, documentsRepo, type DocumentRow } from './repo.ts';
import { OTHER_WARD, Role, smallPdf, staff, WARD } from './testing.ts';

type User = Awaited<ReturnType<typeof staff>>['user'];
let root: string;
let A: TestApp, B: TestApp;
let clerkA: User, leaderA: User, specialistA: User;
let leaderB: User, specialistB: User;
let publish: Publisher;

const outgoing = (over: Partial<OutgoingData> = {}): OutgoingData => ({
  typeCode: 'CV',
  series: 'admin',
  summary: 'V/v phối hợp rà soát hộ tịch giữa hai phường',
  body: 'Ủy ban nhân dân phường đề nghị phối hợp rà soát.',
  draftingUnit: 'VP',
  signerName: '',
  signerPosition: 'Chủ tịch',
  signerCompetence: 'TM. Ủy ban nhân dân',
  urgency: 'urgent',
  secrecy: 'normal',
  copies: 3,
  recipients: 'Như trên;\nLưu: VT, VP.',
  internal: [OTHER_WARD],
  readers: [],
  replyTo: null,
  ...over,
});

const at = (iso: string): Date => new Date(iso);

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'egov-exchange-'));
  [A, B] = await Promise.all([
    testApp({ env: { EGOV_DOCUMENT_EXCHANGE: root, EGOV_DOCUMENT_EXCHANGE_AGENCIES: WARD } }),
    testApp({ env: { EGOV_DOCUMENT_EXCHANGE: root, EGOV_DOCUMENT_EXCHANGE_AGENCIES: OTHER_WARD } }),
  ]);
  ({ user: clerkA } = await staff(A, 'vt.a', [Role.registryClerk], WARD));
  ({ user: leaderA } = await staff(A, 'ld.a', [Role.leader], WARD));
  ({ user: specialistA } = await staff(A, 'cv.a', [Role.specialist], WARD));
  ({ user: leaderB } = await staff(B, 'ld.b', [Role.leader], OTHER_WARD));
  ({ user: specialistB } = await staff(B, 'cv.b', [Role.specialist], OTHER_WARD));
  const cert = makeTestP12({ commonName: 'Văn thư UBND phường', organisation: 'UBND phường', passphrase: 'thu', validFrom: at('2026-01-01T00:00:00Z'), validTo: at('2028-01-01T00:00:00Z') });
  publish = async (doc) => async (numbered, now) => ({
    name: `${numbered.replace('/', '-')}.pdf`,
    content: await signPdf(await smallPdf(`${numbered} — ${doc.summary}`), { p12: cert.p12, passphrase: 'thu', reason: 'Ban hành', location: 'Hà Nội', name: 'Văn thư', signingTime: now }),
  });
});
after(async () => {
  await Promise.all([A?.close(), B?.close()]);
  await rm(root, { recursive: true, force: true });
});

/** A draft of specialistA, approved and issued by A's clerk at `now`. */
async function issueInA(now: Date, over: Partial<OutgoingData> = {}): Promise<DocumentRow> {
  const attachment = checkFiles([{ name: 'Phụ lục.pdf', content: await smallPdf('Phụ lục danh sách') }], 'files');
  const draft = await createDraft(A.platform, specialistA, outgoing(over), attachment, null, now);
  const review = await reviewStep(A.platform, specialistA, draft.id, draft.version, 'submit', '', null, now);
  const approved = await reviewStep(A.platform, leaderA, draft.id, review.version, 'approve', '', null, now);
  return issueDocument(A.platform, clerkA, draft.id, approved.version, { ip: null, now, publish, checkSignatures: checkPdfSignatures });
}

const dbA = () => documentsDb(A.database.db);
const dbB = () => documentsDb(B.database.db);
const copyInB = (exchangeId: string) => dbB().selectFrom('documents').selectAll().where('exchange_id', '=', exchangeId).executeTakeFirst();
const recipientsInA = async (id: number) => (await documentsRepo.recipients(dbA(), id)).filter((r) => r.kind === 'exchange');

test('round trip: A issues to a ward served by B; B registers it with metadata and files; statuses come back in order; A recalls', async () => {
  const issued = await issueInA(at('2026-03-05T03:00:00Z'));
  assert.equal(issued.state, 'issued');
  // Not on A's platform: no copy in A's own books, a recipient row over the exchange and the packet out.
  assert.equal((await dbA().selectFrom('documents').select('id').where('source_id', '=', issued.id).execute()).length, 0);
  const [rec] = await recipientsInA(issued.id);
  assert.equal(rec?.organ_code, OTHER_WARD);
  assert.equal(rec?.status, 'sent');
  assert.ok(rec?.sent_at);
  const out = await dbA().selectFrom('exchange_packets').selectAll().where('document_id', '=', issued.id).execute();
  assert.deepEqual(
    out.map((p) => [p.direction, p.kind, p.status, p.packet_id]),
    [['out', 'document', 'ok', `${WARD}:${issued.id}`]],
  );
  assert.equal((await readdir(path.join(root, OTHER_WARD, 'inbox'))).length, 1);

  // B takes it in: registered by the system with everything the packet says, the files byte for byte.
  const polled = await pollExchange(B.platform, at('2026-03-05T03:10:00Z'));
  assert.deepEqual([polled.agencies, polled.registered, polled.failed.length], [1, 1, 0]);
  const copy = await copyInB(`${WARD}:${issued.id}`);
  assert.ok(copy);
  assert.equal(copy.direction, 'in');
  assert.equal(copy.state, 'registered');
  assert.equal(copy.author_code, WARD);
  assert.match(copy.author, /./);
  assert.equal(copy.type_code, 'CV');
  assert.equal(copy.number, issued.number);
  assert.equal(copy.notation, issued.notation);
  assert.equal(copy.document_date, issued.document_date);
  assert.equal(copy.summary, issued.summary);
  assert.equal(copy.signer_name, leaderA.displayName);
  assert.equal(copy.urgency, 'urgent');
  assert.equal(copy.page_count, 1);
  assert.equal(copy.arrived_on, '2026-03-05');
  assert.ok(copy.arrival_number! >= 1);
  const events = await documentsRepo.events(dbB(), copy.id);
  assert.equal(events[0]?.actor_label, `Trục liên thông: ${copy.author}`);
  const sent = await documentsRepo.files(dbA(), issued.id);
  const got = await documentsRepo.files(dbB(), copy.id);
  assert.deepEqual(got.map((f) => [f.name, f.sha256, f.size]).sort(), sent.map((f) => [f.name, f.sha256, f.size]).sort());
  for (const f of got) {
    const original = sent.find((s) => s.sha256 === f.sha256)!;
    assert.ok((await documentsRepo.file(dbB(), copy.id, f.id))!.content.equals((await documentsRepo.file(dbA(), issued.id, original.id))!.content));
  }
  const signedOriginal = sent.find((f) => f.kind === 'signed')!;
  const signedCopy = got.find((f) => f.sha256 === signedOriginal.sha256)!;
  assert.equal(signedCopy.kind, 'main');
  const checks = (typeof signedCopy.signatures === 'string' ? JSON.parse(signedCopy.signatures) : signedCopy.signatures) as { intact: boolean }[];
  assert.equal(checks.length, 1);
  assert.equal(checks[0]!.intact, true);
  const inB = await dbB().selectFrom('exchange_packets').selectAll().where('direction', '=', 'in').execute();
  assert.deepEqual(
    inB.map((p) => [p.kind, p.status, p.document_id]),
    [['document', 'ok', copy.id]],
  );

  // The same packet again (the sender retried after a partial failure): acknowledged, not registered twice.
  const done = await readdir(path.join(root, OTHER_WARD, 'done'));
  await writeFile(path.join(root, OTHER_WARD, 'inbox', 'again.xml'), await readFile(path.join(root, OTHER_WARD, 'done', done[0]!)));
  const again = await pollExchange(B.platform, at('2026-03-05T03:15:00Z'));
  assert.deepEqual([again.registered, again.duplicates, again.failed.length], [0, 1, 0]);
  assert.equal((await dbB().selectFrom('documents').select('id').where('exchange_id', '=', `${WARD}:${issued.id}`).execute()).length, 1);

  // A hears 'received'.
  assert.equal((await pollExchange(A.platform, at('2026-03-05T03:20:00Z'))).statuses, 1);
  assert.equal((await recipientsInA(issued.id))[0]?.status, 'received');

  // B's leader assigns, the specialist acknowledges, then closes it: A hears assigned, handling, done, in order.
  const assigned = await assignIncoming(B.platform, leaderB, copy.id, copy.version, { lead: specialistB.id, co: [], info: [], instruction: 'Đồng chí xử lý.', deadlineDays: 5 }, null, at('2026-03-05T04:00:00Z'));
  const handling = await acknowledgeIncoming(B.platform, specialistB, copy.id, assigned.version, null, at('2026-03-05T05:00:00Z'));
  assert.equal(handling.state, 'handling');
  const closed = await reportProgress(B.platform, specialistB, copy.id, handling.version, 'Đã phối hợp rà soát xong.', true, null, at('2026-03-05T06:00:00Z'));
  assert.equal(closed.state, 'done');
  assert.equal((await pollExchange(A.platform, at('2026-03-05T06:05:00Z'))).statuses, 3);
  const [after3] = await recipientsInA(issued.id);
  assert.equal(after3?.status, 'done');
  assert.equal(after3?.status_at?.toISOString(), '2026-03-05T06:00:00.000Z');
  const statusEvents = (await documentsRepo.events(dbA(), issued.id)).filter((e) => e.kind === 'status');
  assert.deepEqual(
    statusEvents.map((e) => e.note),
    ['Đã đến', 'Đã phân công xử lý', 'Đang xử lý', 'Hoàn thành'],
  );
  assert.ok(statusEvents.every((e) => e.actor_label.startsWith('Trục liên thông: ')));

  // A recalls: B's copy is recalled with the reason, and B's agreement (15) comes back.
  const recalled = await recallDocument(A.platform, leaderA, issued.id, (await documentsRepo.find(dbA(), issued.id))!.version, 'Ban hành nhầm phụ lục', null, at('2026-03-05T07:00:00Z'));
  assert.equal(recalled.state, 'recalled');
  const backInB = await pollExchange(B.platform, at('2026-03-05T07:05:00Z'));
  assert.deepEqual([backInB.recalled, backInB.failed.length], [1, 0]);
  const copyAfter = await documentsRepo.find(dbB(), copy.id);
  assert.equal(copyAfter?.state, 'recalled');
  assert.equal(copyAfter?.recall_reason, 'Ban hành nhầm phụ lục');
  await pollExchange(A.platform, at('2026-03-05T07:10:00Z'));
  assert.equal((await recipientsInA(issued.id))[0]?.status, 'recall_agreed');
  // Every packet B sent is recorded: 01, 04, 05, 06, 15.
  const outB = await dbB().selectFrom('exchange_packets').select(['kind', 'status']).where('direction', '=', 'out').execute();
  assert.equal(outB.length, 5);
  assert.ok(outB.every((p) => p.kind === 'status' && p.status === 'ok'));
});

test('a malformed packet is kept with its reason (failed/ and exchange_packets) and the poll goes on with the next', async () => {
  const inbox = path.join(root, OTHER_WARD, 'inbox');
  await writeFile(path.join(inbox, 'broken.xml'), '<edXML><edXML:edXMLEnvelope>');
  const old = at('2026-01-01T00:00:00Z');
  await utimes(path.join(inbox, 'broken.xml'), old, old);
  const issued = await issueInA(at('2026-03-06T03:00:00Z'), { summary: 'V/v thứ hai' });
  const report = await pollExchange(B.platform, at('2026-03-06T03:10:00Z'));
  assert.equal(report.registered, 1);
  assert.equal(report.failed.length, 1);
  assert.equal(report.failed[0]?.packet, 'broken');
  assert.ok(await copyInB(`${WARD}:${issued.id}`));
  const kept = await dbB().selectFrom('exchange_packets').selectAll().where('packet_id', '=', 'broken').executeTakeFirstOrThrow();
  assert.deepEqual([kept.direction, kept.kind, kept.status, kept.xml], ['in', 'unknown', 'failed', '<edXML><edXML:edXMLEnvelope>']);
  assert.ok(kept.reason && kept.reason.length > 0);
  const failedDir = await readdir(path.join(root, OTHER_WARD, 'failed'));
  assert.deepEqual(failedDir.sort(), ['broken.reason.txt', 'broken.xml']);
});

test('a transport that fails: the issue and the assignment stand, the job sends the packets again, a bounded number of times', async () => {
  const axis = folderTransport(root);
  const down: ExchangeTransport = {
    send: async () => {
      throw new Error('axis unreachable');
    },
    receive: (id) => axis.receive(id),
  };
  useExchangeTransport(A.platform, down);
  const issued = await issueInA(at('2026-03-07T03:00:00Z'), { summary: 'V/v thứ ba' });
  assert.equal(issued.state, 'issued');
  assert.equal((await recipientsInA(issued.id))[0]?.status, 'queued');
  const packet = await dbA().selectFrom('exchange_packets').selectAll().where('document_id', '=', issued.id).executeTakeFirstOrThrow();
  assert.deepEqual([packet.status, packet.reason], ['failed', 'attempt 1: axis unreachable']);
  // Before its wait is over nothing is tried; after, still down: attempt 2.
  assert.deepEqual(await retryOutbox(A.platform, at('2026-03-07T03:00:30Z')), { sent: 0, failed: 0 });
  assert.deepEqual(await retryOutbox(A.platform, at('2026-03-07T03:02:00Z')), { sent: 0, failed: 1 });
  useExchangeTransport(A.platform, axis);
  const round = await runExchange(A.platform, at('2026-03-07T03:10:00Z'));
  assert.deepEqual(round?.retry, { sent: 1, failed: 0 });
  assert.equal((await recipientsInA(issued.id))[0]?.status, 'sent');
  assert.equal((await documentsRepo.find(dbA(), issued.id))!.state, 'issued');
  await pollExchange(B.platform, at('2026-03-07T03:20:00Z'));
  const copy = (await copyInB(`${WARD}:${issued.id}`))!;
  assert.equal(copy.state, 'registered');

  // B's status cannot go out: the assignment stands, the status waits in the outbox, and is given up after the bound.
  useExchangeTransport(B.platform, { send: down.send, receive: (id) => axis.receive(id) });
  const assigned = await assignIncoming(B.platform, leaderB, copy.id, copy.version, { lead: specialistB.id, co: [], info: [], instruction: '', deadlineDays: null }, null, at('2026-03-07T04:00:00Z'));
  assert.equal(assigned.state, 'assigned');
  const waiting = await dbB().selectFrom('exchange_packets').selectAll().where('direction', '=', 'out').where('status', '=', 'failed').execute();
  assert.equal(waiting.length, 1);
  let t = at('2026-03-07T04:00:00Z').getTime();
  for (let i = 0; i < MAX_SEND_ATTEMPTS + 5; i++) {
    t += 2 * 3_600_000;
    await retryOutbox(B.platform, new Date(t));
  }
  const given = await dbB().selectFrom('exchange_packets').selectAll().where('id', '=', waiting[0]!.id).executeTakeFirstOrThrow();
  assert.equal(given.status, 'failed');
  assert.match(given.reason!, new RegExp(`^attempt ${MAX_SEND_ATTEMPTS}: axis unreachable \\(given up\\)$`));
  useExchangeTransport(B.platform, axis);
  assert.deepEqual(await retryOutbox(B.platform, new Date(t + 3_600_000)), { sent: 0, failed: 0 });
});
