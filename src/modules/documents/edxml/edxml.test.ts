import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EdxmlError,
  PRIORITY,
  STATUS_NAMES,
  StatusCode,
  buildDocumentPacket,
  buildStatusPacket,
  packetKind,
  parseDocumentPacket,
  parseStatusPacket,
  urgencyOfPriority,
  type EdxmlDocument,
  type EdxmlErrorReason,
  type StatusInput,
} from './index.ts';
import { docx, pdf, sampleDocument } from './testing.ts';

function refused(fn: () => unknown, reason: EdxmlErrorReason, detail?: RegExp): EdxmlError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof EdxmlError, `expected an EdxmlError (${reason}), got ${String(caught)}`);
  assert.equal(caught.reason, reason, caught.message);
  if (detail) assert.match(caught.detail, detail);
  assert.ok(caught.vi && caught.en && caught.vi !== caught.en);
  return caught;
}

test('a full document packet round-trips: Vietnamese text, two attachments byte for byte', () => {
  const doc = sampleDocument();
  const xml = buildDocumentPacket(doc, { now: new Date('2026-03-05T02:00:00Z') });
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
  const names = [
    'edXMLEnvelope', 'edXMLHeader', 'MessageHeader', 'OrganId', 'OrganizationInCharge',
    'CodeNumber', 'CodeNotation', 'PromulgationDate', 'TypeName',
    'Competence', 'ToPlaces', 'SphereOfPromulgation', 'TyperNotation',
    'PromulgationAmount', 'PageAmount', 'DocumentId', 'TraceHeaderList', 'edXMLBody', 'edXMLManifest',
  ];
  for (const name of names) {
    assert.ok(xml.includes(`<edXML:${name}`), name);
  }
  assert.match(xml, /xmlns="http:\/\/www\.mic\.gov\.vn\/TBT\/QCVN_102_2016"/);
  assert.match(xml, /<edXML:PromulgationDate>2026\/03\/05<\/edXML:PromulgationDate>/);
  assert.match(xml, /<edXML:Priority>2<\/edXML:Priority>/);
  assert.match(xml, /<edXML:Timestamp>2026\/03\/05 09:00:00<\/edXML:Timestamp>/);
  assert.match(xml, /<edXML:Checksum algorithm="SHA-256">[0-9a-f]{64}<\/edXML:Checksum>/);
  assert.match(xml, /&amp; &quot;đợt 1&quot; &lt;khẩn&gt;|&amp; "đợt 1" &lt;khẩn&gt;/);

  const back = parseDocumentPacket(xml);
  assert.deepEqual(back, doc);
  assert.ok(back.attachments[0]?.content.equals(pdf));
  assert.ok(back.attachments[1]?.content.equals(docx));
  assert.deepEqual(parseDocumentPacket(Buffer.from(xml, 'utf8')), doc);
  assert.equal(packetKind(xml), 'document');
});

test('a minimal document (no content, due date, copies or attachments) round-trips', () => {
  const doc: EdxmlDocument = { ...sampleDocument(), dueDate: null, attachments: [], toPlaces: [], urgency: 'normal', type: { code: 'CV', name: 'Công văn' } };
  delete doc.content;
  delete doc.copies;
  delete doc.steeringType;
  delete doc.sphereOfPromulgation;
  delete doc.typerNotation;
  assert.deepEqual(parseDocumentPacket(buildDocumentPacket(doc)), doc);
});

test('urgency ↔ Priority: 0 normal, 1 urgent, 2 very urgent, 3 flash; 4 (timed flash) reads as flash', () => {
  assert.deepEqual(PRIORITY, { normal: 0, urgent: 1, very_urgent: 2, flash: 3 });
  for (const u of ['normal', 'urgent', 'very_urgent', 'flash'] as const) {
    assert.equal(parseDocumentPacket(buildDocumentPacket({ ...sampleDocument(), urgency: u })).urgency, u);
  }
  assert.equal(urgencyOfPriority(4), 'flash');
  refused(() => urgencyOfPriority(7), 'bad_value');
});

/** The sample packet with one edit. */
function edited(edit: (xml: string) => string): string {
  const xml = buildDocumentPacket(sampleDocument());
  const out = edit(xml);
  assert.notEqual(out, xml, 'the edit changed nothing');
  return out;
}

test('refused: not XML', () => {
  refused(() => parseDocumentPacket('hello, this is not a packet'), 'not_xml');
  refused(() => parseDocumentPacket('<edXML><edXML:edXMLEnvelope></edXML>'), 'not_xml');
  refused(() => parseDocumentPacket(''), 'not_xml');
  refused(() => parseDocumentPacket(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e])), 'not_xml', /UTF/);
  refused(() => parseDocumentPacket('<?xml version="1.0" encoding="windows-1258"?><edXML/>'), 'not_xml', /windows-1258/);
});

test('refused: any DOCTYPE (entity expansion, external entities)', () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><edXML><edXMLEnvelope>&lol3;</edXMLEnvelope></edXML>';
  refused(() => parseDocumentPacket(laughs), 'doctype');
  refused(() => parseDocumentPacket('<!DOCTYPE edXML SYSTEM "file:///etc/passwd"><edXML/>'), 'doctype');
  refused(() => parseStatusPacket(edited((x) => x.replace('<edXML ', '<!doctype edXML><edXML '))), 'doctype');
  assert.equal(packetKind(laughs), null);
});

test('refused: deeply nested input', () => {
  const deep = edited((x) => x.replace('<edXML:Subject>', `${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}<edXML:Subject>`));
  refused(() => parseDocumentPacket(deep), 'too_deep');
});

test('refused: not an edXML envelope', () => {
  refused(() => parseDocumentPacket('<html><body>hi</body></html>'), 'not_edxml', /html/);
  refused(() => parseDocumentPacket('<edXML><Other/></edXML>'), 'not_edxml', /edXMLEnvelope/);
  refused(() => parseDocumentPacket('<edXML><edXMLEnvelope/></edXML>'), 'not_edxml', /edXMLHeader/);
  assert.equal(packetKind('<html/>'), null);
});

test('refused: a missing required field, named', () => {
  refused(() => parseDocumentPacket(edited((x) => x.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, ''))), 'missing_field', /^MessageHeader\/Subject$/);
  refused(() => parseDocumentPacket(edited((x) => x.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, '<edXML:Subject>  </edXML:Subject>'))), 'missing_field', /Subject/);
  refused(() => parseDocumentPacket(edited((x) => x.replace(/<edXML:To>[\s\S]*<\/edXML:To>/, ''))), 'missing_field', /^MessageHeader\/To$/);
  refused(() => parseDocumentPacket(edited((x) => x.replace(/<edXML:PageAmount>\d+<\/edXML:PageAmount>/, ''))), 'missing_field', /OtherInfo\/PageAmount/);
  refused(() => parseDocumentPacket(edited((x) => x.replace(/<edXML:CodeNumber>\d+<\/edXML:CodeNumber>/, ''))), 'missing_field', /Code\/CodeNumber/);
  refused(() => parseDocumentPacket(edited((x) => x.replace(/<edXML:DocumentId>[^<]*<\/edXML:DocumentId>/, ''))), 'missing_field', /DocumentId/);
  refused(() => parseDocumentPacket(edited((x) => x.replace(/<edXML:FullName>[^<]*<\/edXML:FullName>/, ''))), 'missing_field', /SignerInfo\/FullName/);
  // the manifest names a file the packet does not carry
  refused(() => parseDocumentPacket(edited((x) => x.replace(/<Attachment>[\s\S]*?<\/Attachment>/, ''))), 'missing_field', /attachment-1/);
  refused(() => buildDocumentPacket({ ...sampleDocument(), subject: ' ' }), 'missing_field', /Subject/);
  refused(() => buildDocumentPacket({ ...sampleDocument(), to: [] }), 'missing_field', /To/);
});

test('refused: a bad organ id', () => {
  refused(() => parseDocumentPacket(edited((x) => x.replace('<edXML:OrganId>000.00.01.H26<', '<edXML:OrganId>../../etc<'))), 'bad_organ_id', /From/);
  refused(() => parseDocumentPacket(edited((x) => x.replace('<edXML:OrganId>000.00.03.H26<', '<edXML:OrganId>000.00.3.H26<'))), 'bad_organ_id', /To\[2\]/);
  refused(() => buildDocumentPacket({ ...sampleDocument(), from: { id: 'H26', name: 'X' } }), 'bad_organ_id');
});

test('refused: a bad date', () => {
  refused(() => parseDocumentPacket(edited((x) => x.replace('2026/03/05</edXML:PromulgationDate>', '2026/02/30</edXML:PromulgationDate>'))), 'bad_date', /PromulgationDate/);
  refused(() => parseDocumentPacket(edited((x) => x.replace('<edXML:DueDate>2026/03/20', '<edXML:DueDate>ngày 20 tháng 3'))), 'bad_date', /DueDate/);
  refused(() => buildDocumentPacket({ ...sampleDocument(), date: '05/03/2026' }), 'bad_date');
  // the other separator and a trailing time are fine
  const ok = parseDocumentPacket(edited((x) => x.replace('2026/03/05</edXML:PromulgationDate>', '2026-03-05T00:00:00</edXML:PromulgationDate>')));
  assert.equal(ok.date, '2026-03-05');
});

test('refused: an unknown document type; a foreign packet is known by its TypeName', () => {
  refused(() => parseDocumentPacket(edited((x) => x.replace('<edXML:Type>QĐ</edXML:Type>', '<edXML:Type>99</edXML:Type>').replace('<edXML:TypeName>Quyết định<', '<edXML:TypeName>Thư tình<'))), 'unknown_document_type', /99/);
  refused(() => buildDocumentPacket({ ...sampleDocument(), type: { code: 'XX' as 'QĐ', name: 'X' } }), 'unknown_document_type');
  const foreign = parseDocumentPacket(edited((x) => x.replace('<edXML:Type>QĐ</edXML:Type>', '<edXML:Type>2</edXML:Type>')));
  assert.deepEqual(foreign.type, { code: 'QĐ', name: 'Quyết định' });
});

test('refused: an altered attachment (SHA-256); one without a checksum is taken as it is', () => {
  const altered = Buffer.from('altered').toString('base64');
  const tampered = edited((x) => x.replace(/(<ContentTransferEncoded>)[^<]+/, `$1${altered}`));
  refused(() => parseDocumentPacket(tampered), 'hash_mismatch', /Quyết định 125\.pdf/);
  refused(() => parseDocumentPacket(edited((x) => x.replace(/(<ContentTransferEncoded>)[^<]+/, '$1@@not base64@@'))), 'bad_value', /base64/);
  const unchecked = parseDocumentPacket(edited((x) => x.replace(/<edXML:Checksum[^>]*>[^<]*<\/edXML:Checksum>/g, '')));
  assert.ok(unchecked.attachments[0]?.content.equals(pdf));
  // base64 wrapped MIME-style at 76 columns reads the same
  const wrapped = edited((x) => x.replace(/(<ContentTransferEncoded>)([^<]+)/, (_m, a: string, b: string) => a + (b.match(/.{1,76}/g) ?? []).join('\n')));
  assert.ok(parseDocumentPacket(wrapped).attachments[0]?.content.equals(pdf));
});

test('refused: too large (limit configurable, 50 MB by default)', () => {
  const xml = buildDocumentPacket(sampleDocument());
  refused(() => parseDocumentPacket(xml, { maxBytes: 10_000 }), 'too_large');
  refused(() => parseDocumentPacket(Buffer.from(xml), { maxBytes: 10_000 }), 'too_large');
  refused(() => buildDocumentPacket(sampleDocument(), { maxBytes: 10_000 }), 'too_large');
  const big = { ...sampleDocument(), attachments: [{ name: 'big.bin', mimeType: 'application/octet-stream', content: Buffer.alloc(51 * 1024 * 1024) }] };
  refused(() => buildDocumentPacket(big), 'too_large');
  assert.ok(parseDocumentPacket(xml, { maxBytes: xml.length * 2 }));
});

test('the error carries both languages', () => {
  const err = refused(() => parseDocumentPacket(edited((x) => x.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, ''))), 'missing_field');
  assert.match(err.vi, /thiếu trường bắt buộc MessageHeader\/Subject/);
  assert.match(err.en, /lacks the required field MessageHeader\/Subject/);
  assert.ok(err.message.includes(err.vi) && err.message.includes(err.en));
});

// ---------------------------------------------------------------------------------------------------------------
// Status packets

const ward = sampleDocument().from;
const department = sampleDocument().to[0]!;

function statusInput(status: StatusInput['status']): StatusInput {
  const recall = status === 'recalled';
  return {
    documentId: '000.00.01.H26,2026/03/05,125/UBND-VP',
    from: recall ? ward : department,
    to: recall ? department.id : ward.id,
    status,
    description: `${StatusCode[status].vi} — ghi chú "thử" <1>`,
    timestamp: '2026-03-05T08:30:15.000Z',
    staff: { name: 'Trần Văn Bình', department: 'Văn thư Sở Nội vụ', email: 'vanthu@snv.hanoi.gov.vn', phone: '0912000001' },
    documentCode: '125/UBND-VP',
    documentDate: '2026-03-05',
  };
}

test('the status codes: the standard two-digit codes, unique, with both labels', () => {
  assert.deepEqual(
    STATUS_NAMES.map((s) => [s, StatusCode[s].code]),
    [['received', '01'], ['refused', '02'], ['accepted', '03'], ['assigned', '04'], ['handling', '05'], ['done', '06'], ['recalled', '13'], ['recall_agreed', '15'], ['recall_refused', '16']],
  );
  for (const s of STATUS_NAMES) assert.ok(StatusCode[s].vi && StatusCode[s].en);
});

test('a status packet round-trips for every status', () => {
  for (const status of STATUS_NAMES) {
    const input = statusInput(status);
    const xml = buildStatusPacket(input);
    assert.match(xml, new RegExp(`<edXML:StatusCode>${StatusCode[status].code}</edXML:StatusCode>`));
    assert.match(xml, /<edXML:Timestamp>2026\/03\/05 15:30:15<\/edXML:Timestamp>/);
    assert.equal(packetKind(xml), 'status');
    assert.deepEqual(parseStatusPacket(xml), { ...input, to: input.to as string }, status);
  }
  // a recall names the document's issuer (the sender itself) in ResponseFor
  assert.match(buildStatusPacket(statusInput('recalled')), /<edXML:ResponseFor>\s*<edXML:OrganId>000\.00\.01\.H26</);
});

test('a status without optional parts, and one from the SDKs (no To, local timestamp) read back', () => {
  const minimal = parseStatusPacket(buildStatusPacket({ documentId: 'X-1', from: department, to: ward, status: 'received', timestamp: new Date('2026-03-05T01:00:00Z') }));
  assert.deepEqual(minimal, { documentId: 'X-1', from: department, to: ward.id, status: 'received', description: 'Đã đến', timestamp: '2026-03-05T01:00:00.000Z' });
  const sdk = `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLHeader><edXML:Status>
<edXML:From><edXML:OrganId>000.00.00.H41</edXML:OrganId><edXML:OrganizationInCharge>UBND Tỉnh Nghệ An</edXML:OrganizationInCharge><edXML:OrganName>UBND Tỉnh Nghệ An</edXML:OrganName></edXML:From>
<edXML:ResponseFor><edXML:OrganId>000.00.00.G22</edXML:OrganId><edXML:Code>7816/VPCP-TTĐT</edXML:Code><edXML:PromulgationDate>2015/09/30</edXML:PromulgationDate><edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId></edXML:ResponseFor>
<edXML:StaffInfo><edXML:Department>Văn thư văn phòng</edXML:Department><edXML:Staff>Nguyễn Thị Ngọc Trâm</edXML:Staff><edXML:Mobile>84912000001</edXML:Mobile></edXML:StaffInfo>
<edXML:StatusCode>01</edXML:StatusCode><edXML:Description>Đã đến</edXML:Description><edXML:Timestamp>2015/10/01 08:00:00</edXML:Timestamp>
</edXML:Status></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>`;
  const parsed = parseStatusPacket(sdk);
  assert.equal(parsed.to, '000.00.00.G22');
  assert.equal(parsed.timestamp, '2015-10-01T01:00:00.000Z');
  assert.equal(parsed.documentDate, '2015-09-30');
  assert.deepEqual(parsed.staff, { name: 'Nguyễn Thị Ngọc Trâm', department: 'Văn thư văn phòng', phone: '84912000001' });
});

test('status packets: the same refusals', () => {
  const xml = buildStatusPacket(statusInput('done'));
  refused(() => parseStatusPacket(xml.replace('<edXML:StatusCode>06<', '<edXML:StatusCode>99<')), 'unknown_status', /99/);
  refused(() => parseStatusPacket(xml.replace(/<edXML:Timestamp>[^<]*<\/edXML:Timestamp>/, '')), 'missing_field', /Status\/Timestamp/);
  refused(() => parseStatusPacket(xml.replace(/<edXML:Timestamp>[^<]*</, '<edXML:Timestamp>2026/13/01 25:00:00<')), 'bad_date');
  refused(() => parseStatusPacket(xml.replace(/<edXML:DocumentId>[^<]*<\/edXML:DocumentId>/, '')), 'missing_field', /DocumentId/);
  refused(() => parseStatusPacket(xml.replace('<edXML:OrganId>000.00.02.H26<', '<edXML:OrganId>SNV<')), 'bad_organ_id');
  refused(() => parseStatusPacket(xml, { maxBytes: 100 }), 'too_large');
  refused(() => parseStatusPacket('no'), 'not_xml');
  refused(() => parseStatusPacket(buildDocumentPacket(sampleDocument())), 'not_edxml', /document/);
  refused(() => parseDocumentPacket(xml), 'not_edxml', /status/);
  refused(() => buildStatusPacket({ ...statusInput('done'), status: 'lost' as 'done' }), 'unknown_status');
  refused(() => buildStatusPacket({ ...statusInput('done'), to: 'nobody' }), 'bad_organ_id');
  refused(() => buildStatusPacket({ ...statusInput('done'), timestamp: 'yesterday' }), 'bad_date');
});
