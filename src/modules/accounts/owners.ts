// A registration with details that already belong to an account (issue 9: the page does not tell a stranger whether an
// ID, phone or e-mail is registered; the owner is told by message). The owner of each account hit is told at the
// contact that was typed when it is theirs, else at their own (e-mail first); the contact that was typed, when it is
// nobody's, is told that the registration could not go ahead. Notices count against the hourly allowance of the
// address they go to (a row each), and are dropped, not refused, beyond it: refusing would tell.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { smsNumber } from '../../platform/notify/sms.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { accountsDb, type Account } from './repo.ts';
import { insertJourney, mayMessage, newFlowToken, queueMessage, type Destination } from './codes.ts';
import { cannotRegister, ownedDetail, ownerNotice } from './messages-verify.ts';
import type { RequestContext } from './sign-in.ts';

type Detail = keyof typeof ownedDetail;

function detailsOf(o: Account, typed: { personalId: string; phone: string | null; email: string | null }): Detail[] {
  const out: Detail[] = [];
  if (o.kind === 'citizen' && (o.personal_id === typed.personalId || o.username === typed.personalId)) out.push('personal_id');
  if (typed.phone && o.phone === typed.phone) out.push('phone');
  if (typed.email && o.email === typed.email) out.push('email');
  return out.length ? out : ['personal_id'];
}

function ownAddress(o: Account): Destination | null {
  if (o.email) return { channel: 'email', to: o.email };
  const mobile = o.phone ? smsNumber(o.phone) : null;
  return mobile ? { channel: 'sms', to: mobile } : null;
}

export async function tellOwners(
  trx: Kysely<PlatformTables>,
  platform: Platform,
  owners: readonly Account[],
  typed: { personalId: string; phone: string | null; email: string | null },
  typedDestination: Destination,
  ctx: RequestContext,
): Promise<void> {
  const adb = accountsDb(trx);
  const url = `${platform.config.baseUrl}/quen-mat-khau`;
  const told = new Set<string>();
  for (const o of owners) {
    const theirs = o.phone === typedDestination.to || o.email === typedDestination.to;
    const at = theirs ? typedDestination : ownAddress(o);
    const details = detailsOf(o, typed);
    await recordAudit(trx, { actor: null, action: 'account.register_existing', entity: 'account', entityId: o.id, ip: ctx.ip, data: { details } });
    if (!at || told.has(at.to)) continue;
    told.add(at.to);
    // The typed address's allowance was checked (and its journey row counts this message); another address needs its own.
    if (!theirs) {
      if (!(await mayMessage(adb, at.to))) continue;
      await insertJourney(trx, { purpose: 'notice', token: newFlowToken(), accountId: o.id, destination: at, code: null });
    }
    const what = { vi: details.map((d) => ownedDetail[d].vi).join(' và '), en: details.map((d) => ownedDetail[d].en).join(' and ') };
    await queueMessage(trx, platform, at, ownerNotice, {
      vi: { name: o.full_name, username: o.username, what: what.vi, url },
      en: { name: o.full_name, username: o.username, what: what.en, url },
    });
  }
  if (!told.has(typedDestination.to)) await queueMessage(trx, platform, typedDestination, cannotRegister, { vi: { url }, en: { url } });
}
