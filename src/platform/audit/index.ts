// An audit row for every sign-in, change of role and change of data, written in the same transaction as
// the change it records.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables.ts';
import type { Actor } from '../auth/access.ts';

export interface AuditEntry {
  actor: Actor | { id: number | null; label: string };
  action: string;
  entity: string;
  entityId?: string | number | null;
  agencyId?: number | null;
  ip?: string | null;
  data?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<PlatformTables>, e: AuditEntry): Promise<void> {
  const actor = e.actor;
  const actorId = actor ? actor.id : null;
  const label = !actor ? 'anonymous' : 'username' in actor ? actor.username : actor.label;
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actorId,
      actor_label: label,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      agency_id: e.agencyId ?? null,
      ip: e.ip ?? null,
      data: JSON.stringify(e.data ?? {}),
    })
    .execute();
}

/** Several audit rows in one statement (a group-commit batch writes one per item, in the batch's transaction). */
export async function recordAudits(db: Kysely<PlatformTables>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((e) => {
        const actor = e.actor;
        return {
          actor_id: actor ? actor.id : null,
          actor_label: !actor ? 'anonymous' : 'username' in actor ? actor.username : actor.label,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId == null ? null : String(e.entityId),
          agency_id: e.agencyId ?? null,
          ip: e.ip ?? null,
          data: JSON.stringify(e.data ?? {}),
        };
      }),
    )
    .execute();
}

export interface AuditRow {
  id: number;
  at: Date;
  actorLabel: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data: unknown;
}

export async function listAudit(
  db: Kysely<PlatformTables>,
  filter: { entity?: string; entityId?: string; action?: string; limit?: number } = {},
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit ?? 100);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.action) q = q.where('action', '=', filter.action);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorLabel: r.actor_label,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    data: r.data,
  }));
}

/** How many rows of these actions the account wrote since the instant (rate limits per account). */
export async function countAudit(db: Kysely<PlatformTables>, filter: { actorId: number; actions: readonly string[]; since: Date }): Promise<number> {
  if (filter.actions.length === 0) return 0;
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('actor_id', '=', filter.actorId)
    .where('action', 'in', [...filter.actions])
    .where('at', '>=', filter.since)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
