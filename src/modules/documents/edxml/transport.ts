// How packets travel between agencies: an adapter interface with two transports, a shared folder acting as the axis
// (for tests, pilots and air-gapped exchanges) and an HTTP relay, and drainInbox, which reads an agency's inbox,
// parses each packet and acknowledges it or sets it aside with its reason (never dropping one).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocumentPacket, packetKind, type EdxmlDocument } from './packet.ts';
import { parseStatusPacket, type EdxmlStatus } from './status.ts';
import { EdxmlError, checkOrganId, type ParseOptions } from './xml.ts';

export interface OutgoingPacket {
  /** The packet's id on the axis (unique per sender). */
  id: string;
  /** Receiving organ ids. */
  to: string[];
  xml: string;
}

export interface IncomingPacket {
  id: string;
  xml: string;
  /** Taken in: the packet leaves the inbox. */
  ack(): Promise<void>;
  /** Turned back: the packet is set aside with the reason. */
  reject(reason: string): Promise<void>;
}

export interface ExchangeTransport {
  send(packet: OutgoingPacket): Promise<void>;
  /** The agency's waiting packets, oldest first. */
  receive(agencyId: string): Promise<IncomingPacket[]>;
}

export class TransportError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'TransportError';
    this.status = status;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Folder

/** A file name made of an id: only [A-Za-z0-9._-], no leading dot, at most 100 characters; an id that had to be
 *  changed gets a short hash of the original so two different ids never share a file. */
export function safeName(id: string): string {
  const cleaned = String(id).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.]+/, '_').slice(0, 100);
  if (cleaned === id && cleaned !== '') return cleaned;
  const hash = createHash('sha256').update(String(id)).digest('hex').slice(0, 10);
  return `${cleaned || 'packet'}-${hash}`;
}

function agencyDir(root: string, agencyId: string): string {
  // Organ ids are the 13-character codes (000.00.01.H26): nothing else may name a folder.
  checkOrganId(agencyId, 'agency');
  const dir = path.resolve(root, agencyId);
  if (path.dirname(dir) !== path.resolve(root)) throw new TransportError(`unsafe agency folder: ${agencyId}`);
  return dir;
}

/** A shared folder as the axis: `root/<organ id>/inbox/<id>.xml`, then `done/` or `failed/` (+ `<id>.reason.txt`). */
export function folderTransport(root: string): ExchangeTransport {
  const move = async (dir: string, name: string, to: 'done' | 'failed'): Promise<void> => {
    await mkdir(path.join(dir, to), { recursive: true });
    try {
      await rename(path.join(dir, 'inbox', `${name}.xml`), path.join(dir, to, `${name}.xml`));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new TransportError(`packet ${name} is no longer in the inbox`);
      throw err;
    }
  };
  return {
    async send(packet) {
      if (!packet.to.length) throw new TransportError('a packet needs at least one receiver');
      const name = safeName(packet.id);
      const dirs = packet.to.map((to) => agencyDir(root, to));
      for (const dir of dirs) {
        await mkdir(path.join(dir, 'inbox'), { recursive: true });
        await mkdir(path.join(dir, 'tmp'), { recursive: true });
        // Written beside the inbox, then renamed into it: a reader never sees half a packet.
        const tmp = path.join(dir, 'tmp', `${name}.${randomUUID()}.tmp`);
        await writeFile(tmp, packet.xml, { encoding: 'utf8', flag: 'wx' });
        await rename(tmp, path.join(dir, 'inbox', `${name}.xml`));
      }
    },
    async receive(agencyId) {
      const dir = agencyDir(root, agencyId);
      let files: string[];
      try {
        files = await readdir(path.join(dir, 'inbox'));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      const entries = await Promise.all(
        files
          .filter((f) => f.endsWith('.xml') && !f.startsWith('.')) // a directory entry has no separator: safe to join
          .map(async (f) => ({ name: f.slice(0, -4), at: (await stat(path.join(dir, 'inbox', f))).mtimeMs })),
      );
      entries.sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
      const out: IncomingPacket[] = [];
      for (const { name } of entries) {
        let xml: string;
        try {
          xml = await readFile(path.join(dir, 'inbox', `${name}.xml`), 'utf8');
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // taken meanwhile by another reader
          throw err;
        }
        out.push({
          id: name,
          xml,
          ack: () => move(dir, name, 'done'),
          reject: async (reason) => {
            await move(dir, name, 'failed');
            await writeFile(path.join(dir, 'failed', `${name}.reason.txt`), `${new Date().toISOString()}\n${reason}\n`, 'utf8');
          },
        });
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

export interface HttpTransportOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per request (default 10 s). */
  timeoutMs?: number;
}

/** An HTTP relay: POST /packets (the XML; id and receivers in X-Edxml-Id / X-Edxml-To, our choice), GET
 *  /packets?to=<agency> → [{ id, xml }], POST /packets/<id>/ack and /packets/<id>/reject { reason }. */
export function httpTransport(options: HttpTransportOptions): ExchangeTransport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const call = async (method: string, pathAndQuery: string, init: { body?: string; headers?: Record<string, string> } = {}) => {
    const what = `${method} ${pathAndQuery}`;
    let res: Response;
    try {
      res = await doFetch(`${base}${pathAndQuery}`, {
        method,
        body: init.body,
        headers: { authorization: `Bearer ${options.token}`, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const e = err as Error;
      if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new TransportError(`${what}: no answer within ${timeoutMs} ms`);
      throw new TransportError(`${what}: ${e.message}`);
    }
    if (!res.ok) {
      const body = (await res.text().catch(() => '')).slice(0, 200);
      throw new TransportError(`${what} answered ${res.status}${body ? `: ${body}` : ''}`, res.status);
    }
    return res;
  };
  return {
    async send(packet) {
      if (!packet.to.length) throw new TransportError('a packet needs at least one receiver');
      for (const to of packet.to) checkOrganId(to, 'receiver');
      await call('POST', '/packets', {
        body: packet.xml,
        headers: { 'content-type': 'application/xml; charset=utf-8', 'x-edxml-id': encodeURIComponent(packet.id), 'x-edxml-to': packet.to.join(',') },
      });
    },
    async receive(agencyId) {
      checkOrganId(agencyId, 'agency');
      const res = await call('GET', `/packets?to=${encodeURIComponent(agencyId)}`, { headers: { accept: 'application/json' } });
      let list: unknown;
      try {
        list = await res.json();
      } catch {
        throw new TransportError(`GET /packets?to=${agencyId}: the answer is not JSON`);
      }
      if (!Array.isArray(list) || !list.every((p) => typeof p?.id === 'string' && typeof p?.xml === 'string')) {
        throw new TransportError(`GET /packets?to=${agencyId}: expected a list of { id, xml }`);
      }
      return (list as { id: string; xml: string }[]).map(({ id, xml }) => {
        const at = `/packets/${encodeURIComponent(id)}`;
        return {
          id,
          xml,
          ack: async () => {
            await call('POST', `${at}/ack`);
          },
          reject: async (reason: string) => {
            await call('POST', `${at}/reject`, { body: JSON.stringify({ reason }), headers: { 'content-type': 'application/json' } });
          },
        };
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading an inbox

export interface InboxHandlers {
  onDocument?: (doc: EdxmlDocument, packet: IncomingPacket) => Promise<void> | void;
  onStatus?: (status: EdxmlStatus, packet: IncomingPacket) => Promise<void> | void;
}

export interface InboxReport {
  accepted: { id: string; kind: 'document' | 'status' }[];
  rejected: { id: string; reason: string }[];
}

/** Reads the agency's inbox oldest first: each packet is parsed and handed over, then acknowledged; one that does
 *  not parse (or whose handler throws) is rejected with the reason and so kept in failed/, never dropped. */
export async function drainInbox(
  transport: ExchangeTransport,
  agencyId: string,
  handlers: InboxHandlers,
  options: ParseOptions = {},
): Promise<InboxReport> {
  const report: InboxReport = { accepted: [], rejected: [] };
  for (const packet of await transport.receive(agencyId)) {
    try {
      const kind = packetKind(packet.xml, options);
      if (kind === 'status') {
        const status = parseStatusPacket(packet.xml, options);
        await handlers.onStatus?.(status, packet);
      } else {
        // Not a status: read as a document, whose refusal says what is wrong.
        const doc = parseDocumentPacket(packet.xml, options);
        await handlers.onDocument?.(doc, packet);
      }
      await packet.ack();
      report.accepted.push({ id: packet.id, kind: kind === 'status' ? 'status' : 'document' });
    } catch (err) {
      const reason = err instanceof EdxmlError ? `${err.reason}: ${err.message}` : err instanceof Error ? err.message : String(err);
      await packet.reject(reason);
      report.rejected.push({ id: packet.id, reason });
    }
  }
  return report;
}
