// Runs node's test runner over every *.test.ts(x) under the given folder.
// Node 20's `node --test` does not expand globs and passes with 0 tests, so we list files ourselves and
// fail when none are found.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = process.argv[2] ?? 'src';
const extra = process.argv.slice(3);
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(p).isDirectory() ? walk(p) : /\.test\.tsx?$/.test(name) ? [p] : [];
  });
}
const files = walk(root).sort();
if (files.length === 0) {
  console.error(`no test files under ${root}`);
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...extra, ...files],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
