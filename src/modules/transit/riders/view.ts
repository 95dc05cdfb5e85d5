// What the rider's and the officer's pages read of an account (issue 15): its media (a CCCD's keyed hash and a bank
// card's token never leave this file: the page shows the card's UID, the last 4 digits or only the kind), the balance,
// the ledger, the passes and the concessions in force.
import type { Actor } from '../../../platform/auth/access.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { accountNames, findCitizenIdByUsername } from '../../accounts/index.ts';
import { requireOfficer, requireOwnerOrOfficer } from './access.ts';
import { concessionsOf } from './concessions.ts';
import { RiderErrors } from './errors.ts';
import { type ConcessionCategory, type LedgerRow, type MediumKind, type MediumStatus, type PassRow, ridersDb, ridersRepo, type TransitAccount } from './repo.ts';

export interface MediumShown {
  id: number;
  kind: MediumKind;
  /** The UID of an operator card, the id of a QR, the last 4 digits of a bank card; empty for a CCCD. */
  label: string;
  status: MediumStatus;
  createdAt: Date;
}

export interface AccountOverview {
  account: TransitAccount;
  holder: string;
  media: MediumShown[];
  balance: number;
  ledger: LedgerRow[];
  passes: PassRow[];
  concessions: ConcessionCategory[];
}

export async function accountOverview(platform: Platform, actor: Actor, accountId: number): Promise<AccountOverview> {
  const db = ridersDb(platform.database.db);
  const account = Number.isSafeInteger(accountId) && accountId > 0 ? await ridersRepo.findAccount(db, accountId) : undefined;
  if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
  requireOwnerOrOfficer(actor, account);
  const media = (await ridersRepo.mediaOf(db, account.id)).map((m) => ({
    id: m.id,
    kind: m.kind,
    label: m.kind === 'operator_card' || m.kind === 'app_qr' || m.kind === 'ewallet_qr' ? m.media_key : m.kind === 'bank_card' ? `•••• ${m.last4 ?? ''}` : '',
    status: m.status,
    createdAt: m.created_at,
  }));
  const passes = await ridersRepo.passesOf(db, account.id);
  const names = await accountNames(platform.database.db, [account.citizen_account_id]);
  return {
    account,
    holder: names.get(account.citizen_account_id) ?? '',
    media,
    balance: await ridersRepo.balance(db, account.id),
    ledger: (await ridersRepo.ledgerOf(db, account.id)).reverse(),
    passes,
    concessions: await concessionsOf(platform, actor, account.id),
  };
}

/** The officer's search: an operator card's UID (any status: a lost card is how people come), or a citizen's username. */
export async function findAccountFor(platform: Platform, actor: Actor, query: string): Promise<number | undefined> {
  requireOfficer(actor);
  const db = ridersDb(platform.database.db);
  const q = query.trim();
  if (/^[0-9A-Fa-f]{8}([0-9A-Fa-f]{6}([0-9A-Fa-f]{6})?)?$/.test(q)) {
    const medium = await ridersRepo.findMediumByKey(db, 'operator_card', q.toUpperCase());
    if (medium) return medium.account_id;
  }
  const citizenId = q.length > 0 && q.length <= 100 ? await findCitizenIdByUsername(platform.database.db, q) : undefined;
  return citizenId === undefined ? undefined : (await ridersRepo.accountOfCitizen(db, citizenId))?.id;
}
