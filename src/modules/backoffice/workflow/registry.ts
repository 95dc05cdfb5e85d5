// The workflow definitions: shipped as data/workflows/*.json, loaded into the `workflows` table with the reference
// data (an administrator's later edit of the table wins over the shipped file only until the next release reloads
// it), read through a small in-process cache.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { parseWorkflow, type Workflow } from './definition.ts';
import { caseRepo } from './repo.ts';

export const WORKFLOWS_DIR = fileURLToPath(new URL('../../../../data/workflows/', import.meta.url));
export const DEFAULT_WORKFLOW = 'standard';

export function shippedWorkflows(dir = WORKFLOWS_DIR): Workflow[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseWorkflow(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

export async function seedWorkflows(db: Kysely<PlatformTables>): Promise<number> {
  const all = shippedWorkflows();
  for (const w of all) await caseRepo.saveWorkflow(db, { code: w.code, name: w.name, definition: w });
  cache.clear();
  return all.length;
}

const cache = new Map<string, { at: number; w: Workflow }>();
const TTL_MS = 60_000;

/** The definition a dossier follows; an unknown code falls back to the standard workflow. */
export async function getWorkflow(db: Kysely<PlatformTables>, code: string | null | undefined): Promise<Workflow> {
  const key = code || DEFAULT_WORKFLOW;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.w;
  const definition = await caseRepo.workflowDefinition(db, key);
  if (definition === undefined) {
    if (key !== DEFAULT_WORKFLOW) return getWorkflow(db, DEFAULT_WORKFLOW);
    // Before reference data is loaded (tests that skip it): the shipped file.
    const shipped = shippedWorkflows().find((w) => w.code === DEFAULT_WORKFLOW);
    if (!shipped) throw new Error('the standard workflow is missing from data/workflows');
    return shipped;
  }
  const w = parseWorkflow(definition);
  cache.set(key, { at: Date.now(), w });
  return w;
}
