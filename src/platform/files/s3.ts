// Attachments in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Viettel / FPT object storage), over plain
// HTTP signed with SigV4 (aws4fetch). Same layout as the local store: the object key is `ab/cd/<sha256>`, so an
// object never changes and the same scan uploaded twice is stored once. Path-style URLs (endpoint/bucket/key) work
// with every such service. Objects stay private: the bucket needs no public access, the app reads them with its
// own key and serves them only after its access check.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { checkAddress, type FileStore, sha256Of } from './store.ts';

export interface S3StoreOptions {
  /** Base URL of the service, e.g. https://s3.example.vn or http://127.0.0.1:9000. */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Default 'us-east-1' (what MinIO and Ceph expect unless configured otherwise). */
  region?: string;
  /** How long to wait for the service to answer one request (default 60 s). */
  timeoutMs?: number;
}

/** A failed request to the object store; the message names the operation, the key, the status and the S3 error code. */
export class S3StoreError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly s3Code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'S3StoreError';
  }
}

/** Object key of a content address, as in the local store: `ab/cd/<sha256>`. */
export const s3KeyOf = (sha256: string): string => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${checkAddress(sha256)}`;

const tagOf = (xml: string, tag: string): string | undefined => new RegExp(`<${tag}>([^<]{0,500})</${tag}>`).exec(xml)?.[1];

export function s3Store(opts: S3StoreOptions): FileStore {
  const endpoint = new URL(opts.endpoint);
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') throw new RangeError('the S3 endpoint must be an http(s) URL');
  const base = `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}/${encodeURIComponent(opts.bucket)}`;
  const where = `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}, bucket ${opts.bucket}`;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const client = new AwsClient({
    accessKeyId: opts.accessKeyId,
    secretAccessKey: opts.secretAccessKey,
    service: 's3',
    region: opts.region ?? 'us-east-1',
    retries: 2, // 5xx and 429 are retried (twice, short backoff); anything else is reported at once
  });

  /** One signed request; resolves when the response headers arrive (the timeout covers sending the body too). */
  async function send(method: 'HEAD' | 'GET' | 'PUT' | 'DELETE', key: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await client.fetch(`${base}/${key}`, { method, headers: init.headers, body: init.body as Uint8Array<ArrayBuffer> | undefined, signal: controller.signal });
    } catch (err) {
      const why = controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : `cannot reach it: ${causeOf(err)}`;
      throw new S3StoreError(`S3 store (${where}): ${method} ${key} failed, ${why}`, undefined, undefined, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The error for a response that is not 2xx; 404 becomes the store's "missing" error (code ENOENT, as on disk). */
  async function failure(method: string, key: string, res: Response): Promise<Error> {
    const xml = method === 'HEAD' ? '' : await res.text().catch(() => '');
    const s3Code = tagOf(xml, 'Code') ?? (res.status === 404 ? 'NoSuchKey' : undefined);
    const detail = tagOf(xml, 'Message') ?? (res.status === 403 ? 'access denied (check the access key, the secret key and the bucket policy)' : undefined);
    const err = new S3StoreError(
      `S3 store (${where}): ${method} ${key} → ${res.status} ${s3Code ?? res.statusText}${detail ? `: ${detail}` : ''}`,
      res.status,
      s3Code,
    );
    return res.status === 404 && s3Code === 'NoSuchKey' ? Object.assign(err, { code: 'ENOENT' }) : err;
  }

  async function get(sha256: string): Promise<Response> {
    const key = s3KeyOf(sha256);
    const res = await send('GET', key);
    if (!res.ok || !res.body) throw await failure('GET', key, res);
    return res;
  }

  async function sizeOf(key: string): Promise<number | null> {
    const res = await send('HEAD', key);
    if (res.status === 404) return null;
    if (!res.ok) throw await failure('HEAD', key, res);
    return Number(res.headers.get('content-length') ?? -1);
  }

  return {
    async put(content) {
      const sha256 = sha256Of(content);
      const key = s3KeyOf(sha256);
      const stored = { sha256, size: content.byteLength };
      if ((await sizeOf(key)) === content.byteLength) return stored;
      // The payload hash is signed: the service rejects the upload if a byte changed on the way.
      const res = await send('PUT', key, { body: content, headers: { 'content-type': 'application/octet-stream', 'x-amz-content-sha256': sha256 } });
      if (!res.ok) throw await failure('PUT', key, res);
      await res.body?.cancel();
      return stored;
    },
    async has(sha256) {
      return (await sizeOf(s3KeyOf(sha256))) !== null;
    },
    async read(sha256) {
      return Buffer.from(await (await get(sha256)).arrayBuffer());
    },
    async stream(sha256) {
      const res = await get(sha256);
      return Readable.fromWeb(res.body as unknown as NodeReadableStream<Uint8Array>);
    },
    async remove(sha256) {
      const key = s3KeyOf(sha256);
      const res = await send('DELETE', key);
      if (!res.ok && res.status !== 404) throw await failure('DELETE', key, res);
      await res.body?.cancel();
    },
  };
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return err instanceof Error ? err.message : String(err);
}
