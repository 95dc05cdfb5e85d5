// What the platform holds about the signed-in person (Decree 13/2023/NĐ-CP Art. 9 and 14: the data subject may see
// and obtain their data): the account and its contacts with their proof, the consents given, open sessions and API
// tokens, their dossiers (through the dossiers module) and the audit rows about them or done by them. Shown at
// /tai-khoan/du-lieu-cua-toi and downloadable as JSON. Secrets (password hash, TOTP secret, tokens) are never part of it.
import type { Platform } from '../../platform/http/context.ts';
import { requireUser, type Actor } from '../../platform/auth/access.ts';
import { listMyDossiers, type DossierView } from '../dossiers/index.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, type AccountWithRoles } from './repo.ts';
import { codesRepo, type ConsentRow } from './repo-codes.ts';
import { loadAccount } from './agencies.ts';

/** Audit rows shown and exported: the latest, enough for a person's own history. */
export const AUDIT_LIMIT = 200;

export interface SessionInfo {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  api: boolean;
  current: boolean;
}

export interface AuditInfo {
  at: Date;
  action: string;
  by: string | null;
  ip: string | null;
  entity: string;
  entityId: string | null;
}

export interface MyData {
  account: AccountWithRoles;
  consents: ConsentRow[];
  sessions: SessionInfo[];
  dossiers: DossierView[];
  audit: AuditInfo[];
}

export async function collectMyData(platform: Platform, actor: Actor, currentSessionId: string | null): Promise<MyData> {
  const user = requireUser(actor);
  const db = platform.database.db;
  const adb = accountsDb(db);
  const account = await loadAccount(db, user.id);
  if (!account) throw AccountErrors.ACCOUNT_NOT_FOUND();
  const consents = await codesRepo.consentsOf(adb, user.id);
  const sessions = (await codesRepo.sessionsOf(adb, user.id)).map((s) => ({
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    expiresAt: new Date(s.expires_at),
    ip: s.ip,
    userAgent: s.user_agent,
    api: (s.data as { api?: boolean } | null)?.api === true,
    current: s.id === currentSessionId,
  }));
  const dossiers = user.kind === 'citizen' ? await listMyDossiers(platform, user) : [];
  const audit = (await codesRepo.auditAbout(adb, user.id, AUDIT_LIMIT)).map((r) => ({ at: r.at, action: r.action, by: r.actor_label, ip: r.ip, entity: r.entity, entityId: r.entity_id }));
  return { account, consents, sessions, dossiers, audit };
}

/** The download: plain JSON with ISO times, nothing secret. */
export function myDataExport(d: MyData, exportedAt = new Date()): Record<string, unknown> {
  const a = d.account;
  return {
    exported_at: exportedAt.toISOString(),
    account: {
      username: a.username,
      kind: a.kind,
      full_name: a.full_name,
      personal_id: a.personal_id,
      agency: a.agencyName,
      roles: a.roles,
      two_step_verification: a.totp_enabled,
      created_at: a.created_at.toISOString(),
      last_sign_in_at: a.last_sign_in_at ? new Date(a.last_sign_in_at).toISOString() : null,
    },
    contacts: {
      phone: a.phone,
      phone_verified_at: a.phone_verified_at ? new Date(a.phone_verified_at).toISOString() : null,
      email: a.email,
      email_verified_at: a.email_verified_at ? new Date(a.email_verified_at).toISOString() : null,
    },
    consents: d.consents.map((c) => ({
      document: c.document,
      version: c.version,
      given_at: new Date(c.given_at).toISOString(),
      withdrawn_at: c.withdrawn_at ? new Date(c.withdrawn_at).toISOString() : null,
    })),
    sessions: d.sessions.map((s) => ({
      started_at: s.createdAt.toISOString(),
      last_seen_at: s.lastSeenAt.toISOString(),
      expires_at: s.expiresAt.toISOString(),
      ip: s.ip,
      user_agent: s.userAgent,
      api_token: s.api,
      current: s.current,
    })),
    dossiers: d.dossiers.map(({ dossier: x, files, events }) => ({
      code: x.code,
      procedure: x.procedureCode,
      status: x.status,
      received_at: x.receivedAt.toISOString(),
      applicant: x.applicant,
      form: x.formData,
      files: files.map((f) => ({ name: f.originalName, type: f.mime, size: f.size })),
      events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, by: e.actor })),
    })),
    audit: d.audit.map((r) => ({ at: r.at.toISOString(), action: r.action, by: r.by, ip: r.ip, entity: r.entity, entity_id: r.entityId })),
  };
}
