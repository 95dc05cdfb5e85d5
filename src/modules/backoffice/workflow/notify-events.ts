// The legal events the applicant is told of (DOMAIN §4, §9), queued in the action's transaction through
// notify.ts (mail and SMS outboxes); the "dossier.notify" job then sends the outboxes promptly.
import type { Platform } from '../../../platform/http/context.ts';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { type ApplicantEventKind, notifyApplicant } from './notify.ts';

export const NOTIFY_JOB = 'dossier.notify';

export type NotifyKind = ApplicantEventKind;

export interface NotifyFacts {
  kind: NotifyKind;
  code: string;
  procedureName: string;
  applicant: { name: string; email: string | null; phone: string | null };
  agencyName: string;
  dueDate?: string | null | undefined;
  newDueDate?: string | undefined;
  items?: string[] | undefined;
  reason?: string | undefined;
  answer?: string | undefined;
}

export async function notifyFor(trx: Kysely<PlatformTables>, platform: Platform, n: NotifyFacts): Promise<void> {
  const url = `${platform.config.baseUrl}/ho-so-cua-toi/${encodeURIComponent(n.code)}`;
  await notifyApplicant(trx, platform, { ...n, url });
}
