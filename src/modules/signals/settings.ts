// The intersection's mode (NTCIP 1202 unit control) and its day plan's actions (from a time of day, a pattern; 254
// free, 255 flash), set by the engineer: checked, written with an audit row in one transaction; a refusal changes
// nothing. The mode goes to the controller with the next plan sent.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { requireSignalEngineer } from './access.ts';
import { SignalErrors } from './errors.ts';
import { type Mode, MODES } from './plan/types.ts';
import { intersectionView } from './registry.ts';
import { asPlatformDb, signalsDb } from './repo.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim().slice(0, 20) : '');

export async function setMode(platform: Platform, actor: Actor, rawId: unknown, raw: Record<string, unknown>): Promise<void> {
  const user = requireSignalEngineer(actor);
  const v = await intersectionView(platform, actor, rawId);
  const mode = str(raw.mode) as Mode;
  if (!MODES.includes(mode)) throw SignalErrors.INVALID({ fields: [{ field: 'mode', message: { vi: 'Chọn một chế độ trong danh sách.', en: 'Choose a mode from the list.' } }] });
  await signalsDb(platform.database.db).transaction().execute(async (trx) => {
    await trx.updateTable('signal_intersections').set({ mode }).where('id', '=', v.intersection.id).execute();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'signals.mode-set', entity: 'signal_intersection', entityId: v.intersection.id, data: { from: v.intersection.mode, to: mode } });
  });
}

export async function setScheduleAction(platform: Platform, actor: Actor, rawId: unknown, raw: Record<string, unknown>): Promise<void> {
  const user = requireSignalEngineer(actor);
  const v = await intersectionView(platform, actor, rawId);
  const at = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(str(raw.startsAt));
  const patternText = str(raw.pattern);
  const pattern = /^\d{1,3}$/.test(patternText) ? Number(patternText) : NaN;
  const fields = [
    ...(at ? [] : [{ field: 'startsAt', message: { vi: 'Giờ bắt đầu dạng giờ:phút, từ 00:00 đến 23:59.', en: 'The start as hours:minutes, 00:00 to 23:59.' } }]),
    // NTCIP 1202 patterns: 1–253 a timing plan, 254 free, 255 flash.
    ...(pattern >= 1 && pattern <= 255 ? [] : [{ field: 'pattern', message: { vi: 'Kịch bản từ 1 đến 253, 254 là tự do, 255 là nhấp nháy.', en: 'The pattern is 1 to 253, 254 free or 255 flash.' } }]),
  ];
  if (fields.length > 0 || !at) throw SignalErrors.INVALID({ fields });
  const minute = Number(at[1]) * 60 + Number(at[2]);
  await signalsDb(platform.database.db).transaction().execute(async (trx) => {
    await trx.deleteFrom('signal_schedule').where('intersection_id', '=', v.intersection.id).where('day_plan', '=', 1).where('starts_minute', '=', minute).execute();
    await trx.insertInto('signal_schedule').values({ intersection_id: v.intersection.id, day_plan: 1, starts_minute: minute, pattern }).execute();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'signals.schedule-set', entity: 'signal_intersection', entityId: v.intersection.id, data: { dayPlan: 1, startsMinute: minute, pattern } });
  });
}
