// Tests only: a real S3-compatible server (s3rver, a devDependency) on 127.0.0.1 with an ephemeral port, a temporary
// directory and one bucket. s3rver accepts the key pair S3RVER / S3RVER; it rejects an unknown access key ID but does
// NOT verify SigV4 signatures, so a wrong secret key cannot be detected with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3StoreOptions } from './s3.ts';

interface S3rverOptions {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}
interface S3rverServer {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}

const S3rver = createRequire(import.meta.url)('s3rver') as new (options: S3rverOptions) => S3rverServer;

export interface TestS3 {
  /** Options of a store over this server, with the key pair it accepts. */
  options: Required<Pick<S3StoreOptions, 'endpoint' | 'bucket' | 'accessKeyId' | 'secretAccessKey'>>;
  /** The same as FILES_STORE=s3 environment variables. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startTestS3(bucket = 'egov-files'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'egov-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const options = { endpoint: `http://127.0.0.1:${port}`, bucket, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    options,
    env: {
      FILES_STORE: 's3',
      S3_ENDPOINT: options.endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: options.accessKeyId,
      S3_SECRET_ACCESS_KEY: options.secretAccessKey,
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
