// Validators on vehicles and at metro gates. Each signs its taps with its own secret (HMAC); the back office opens
// the sealed secret to check them. A blocked validator is known but its taps are refused; an unknown one is an error
// (TRANSPORT.md §2: validators work offline and forward their taps later, so their clock skew is kept).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Sealer } from '../../../platform/auth/sealed.ts';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { TransitNetworkErrors } from './errors.ts';
import { ID_FORMAT } from './feed.ts';
import { asPlatformDb, networkDb, networkRepo, type ValidatorKind, type ValidatorStatus } from './repo.ts';

export interface ValidatorInfo {
  id: string;
  kind: ValidatorKind;
  operator: string;
  routeId: string | null;
  stationId: string | null;
  vehicle: string;
  status: ValidatorStatus;
  active: boolean;
  lastSeenAt: Date | null;
  clockSkewMs: number | null;
}
export interface NewValidator {
  id: string;
  kind: ValidatorKind;
  operator: string;
  routeId?: string;
  stationId?: string;
  vehicle?: string;
}
type Actor = { id: number | null; label: string };

/** The sealed secret is bound to its validator: moved to another row, it does not open. */
const secretContext = (id: string) => `transit_validators:${id}`;

export async function findValidator(db: Kysely<PlatformTables>, id: string): Promise<ValidatorInfo | null> {
  const v = await networkRepo.findValidator(networkDb(db), id);
  return v ? validatorInfo(v) : null;
}

function validatorInfo(v: NonNullable<Awaited<ReturnType<typeof networkRepo.findValidator>>>): ValidatorInfo {
  return {
    id: v.id,
    kind: v.kind,
    operator: v.operator_code,
    routeId: v.route_id,
    stationId: v.station_id,
    vehicle: v.vehicle,
    status: v.status,
    active: v.status === 'active',
    lastSeenAt: v.last_seen_at,
    clockSkewMs: v.clock_skew_ms,
  };
}

/** The validator, blocked or not; VALIDATOR_UNKNOWN when it was never registered. */
export async function getValidator(db: Kysely<PlatformTables>, id: string): Promise<ValidatorInfo> {
  const v = await findValidator(db, id);
  if (!v) throw TransitNetworkErrors.VALIDATOR_UNKNOWN({ details: { validatorId: id } });
  return v;
}

/** The secret the validator signs its taps with, opened from its sealed form. */
export async function validatorSecret(db: Kysely<PlatformTables>, secrets: Sealer, id: string): Promise<string> {
  const v = await networkRepo.findValidator(networkDb(db), id);
  if (!v) throw TransitNetworkErrors.VALIDATOR_UNKNOWN({ details: { validatorId: id } });
  return secrets.open(v.secret_sealed, secretContext(id));
}

/** The validator and its opened secret from one read (the tap ingest checks both for every batch); null when unknown. */
export async function findValidatorWithSecret(db: Kysely<PlatformTables>, secrets: Sealer, id: string): Promise<{ validator: ValidatorInfo; secret: string } | null> {
  const v = await networkRepo.findValidator(networkDb(db), id);
  return v ? { validator: validatorInfo(v), secret: secrets.open(v.secret_sealed, secretContext(id)) } : null;
}

/**
 * Registers a validator with a new random secret and returns that secret once (to load into the device); the
 * database keeps it sealed. `created` is false, and nothing changes, when the id was registered before.
 */
export async function registerValidator(db: Kysely<PlatformTables>, secrets: Sealer, v: NewValidator, actor: Actor): Promise<{ created: boolean; secret: string | null }> {
  const wrong = (vi: string, en: string) => TransitNetworkErrors.VALIDATOR_INVALID({ vi: `${vi}`, en: `${en}`, details: { validatorId: v.id } });
  if (!ID_FORMAT.test(v.id)) throw wrong(`Mã máy "${v.id}" sai định dạng.`, `The validator id "${v.id}" is badly formed.`);
  if (v.kind === 'vehicle' && (!v.routeId || v.stationId)) throw wrong('Máy trên xe phải gắn với một tuyến.', 'A vehicle validator must belong to one route.');
  if (v.kind === 'gate' && (!v.stationId || v.routeId)) throw wrong('Cổng soát vé phải gắn với một nhà ga.', 'A gate must belong to one station.');
  const n = networkDb(db);
  return n.transaction().execute(async (tx) => {
    if (v.routeId && !(await networkRepo.findRoute(tx, v.routeId))) throw TransitNetworkErrors.ROUTE_NOT_FOUND({ details: { routeId: v.routeId } });
    if (v.stationId && !(await networkRepo.findStop(tx, v.stationId))) throw TransitNetworkErrors.STOP_NOT_FOUND({ details: { stopId: v.stationId } });
    const secret = randomBytes(32).toString('base64url');
    const created = await networkRepo.insertValidator(tx, {
      id: v.id,
      kind: v.kind,
      operator_code: v.operator,
      route_id: v.routeId ?? null,
      station_id: v.stationId ?? null,
      vehicle: v.vehicle ?? '',
      secret_sealed: secrets.seal(secret, secretContext(v.id)),
    });
    if (!created) return { created: false, secret: null };
    await recordAudit(asPlatformDb(tx), { actor, action: 'transit.validator.register', entity: 'transit_validator', entityId: v.id, data: { kind: v.kind, operator: v.operator } });
    return { created: true, secret };
  });
}

/** Blocks (taps refused) or restores a validator, with an audit row. */
export async function setValidatorStatus(db: Kysely<PlatformTables>, id: string, status: ValidatorStatus, actor: Actor): Promise<void> {
  await networkDb(db)
    .transaction()
    .execute(async (tx) => {
      const r = await networkRepo.setValidatorStatus(tx, id, status);
      if (Number(r.numUpdatedRows) === 0) throw TransitNetworkErrors.VALIDATOR_UNKNOWN({ details: { validatorId: id } });
      await recordAudit(asPlatformDb(tx), { actor, action: `transit.validator.${status === 'blocked' ? 'block' : 'restore'}`, entity: 'transit_validator', entityId: id });
    });
}

/** Notes that the validator reported in; the skew is its clock minus the server's (positive: it runs ahead). */
export async function recordValidatorSeen(db: Kysely<PlatformTables>, id: string, deviceClock: Date, now = new Date()): Promise<void> {
  await getValidator(db, id);
  await markValidatorSeen(db, id, deviceClock, now);
}

/** The same for a validator the caller has just read (the tap ingest, inside its transaction): the update alone. */
export async function markValidatorSeen(db: Kysely<PlatformTables>, id: string, deviceClock: Date, now = new Date()): Promise<void> {
  await networkRepo.markValidatorSeen(networkDb(db), id, now, deviceClock.getTime() - now.getTime());
}
