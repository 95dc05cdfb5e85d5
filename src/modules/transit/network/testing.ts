// Test helpers: a copy of the demo feed in a temporary folder, edited by the test.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_GTFS_FOLDER } from './seed.ts';

export interface FeedCopy {
  folder: string;
  read(file: string): string;
  write(file: string, text: string): void;
  /** Replaces the first occurrence of `from` in the file; fails when it is not there. */
  replace(file: string, from: string, to: string): void;
  remove(): void;
}

export function copyDemoFeed(): FeedCopy {
  const folder = mkdtempSync(join(tmpdir(), 'egov-gtfs-'));
  cpSync(DEMO_GTFS_FOLDER, folder, { recursive: true });
  const read = (file: string) => readFileSync(join(folder, file), 'utf8');
  const write = (file: string, text: string) => writeFileSync(join(folder, file), text);
  return {
    folder,
    read,
    write,
    replace(file, from, to) {
      const text = read(file);
      if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
      write(file, text.replace(from, to));
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** The 1-based line of the first line of `file` that starts with `prefix`. */
export function lineOf(copy: FeedCopy, file: string, prefix: string): number {
  const i = copy.read(file).split('\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`${file} has no line starting ${prefix}`);
  return i + 1;
}
