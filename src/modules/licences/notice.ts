// The notice a month before a licence expires (issue 16): each morning, holders of licences in force that expire
// within 30 days are told by e-mail, with the link to renew online (3.000347). One notice per licence and expiry:
// a row in licence_expiry_notices claims it in the transaction of the mail and the audit row, so a rerun, a missed
// day or two workers never send it twice. Only an address the citizen account proved gets it (a licence whose holder
// has no account, or none proven, is claimed with mailed = 0 and not retried).
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import { addDays, vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { formatIsoDay } from '../../platform/web/i18n.ts';
import { findCitizenByPersonalId } from '../accounts/index.ts';
import { r } from './renewal-messages.ts';
import { asPlatformDb, licencesDb } from './repo.ts';

export const EXPIRY_NOTICE_JOB = 'licences.expiry-notices';
/** Every morning at 08:00 Vietnam time (01:00 UTC). */
export const EXPIRY_NOTICE_CRON = '0 1 * * *';
export const NOTICE_DAYS = 30;

export async function sendExpiryNotices(platform: Platform, now = new Date()): Promise<{ noticed: number; mailed: number }> {
  const db = licencesDb(platform.database.db);
  const today = vietnamDateOf(now);
  const until = addDays(today, NOTICE_DAYS);
  const due = await db
    .selectFrom('licences as l')
    .select(['l.id', 'l.number', 'l.holder_pin', 'l.licence_class'])
    .select(sql<string>`to_char(l.expires_on, 'YYYY-MM-DD')`.as('expires_on'))
    .where('l.status', '=', 'valid')
    .where('l.expires_on', '>=', today)
    .where('l.expires_on', '<=', until)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('licence_expiry_notices as n').select('n.licence_id').whereRef('n.licence_id', '=', 'l.id').whereRef('n.expires_on', '=', 'l.expires_on'))))
    .orderBy('l.id')
    .execute();
  let noticed = 0;
  let mailed = 0;
  const system = { id: null, label: 'egov' };
  const renewUrl = `${platform.config.baseUrl}/dich-vu-cong/3.000347/nop`;
  for (const l of due) {
    const holder = await findCitizenByPersonalId(platform.database.db, l.holder_pin);
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('licence_expiry_notices')
        .values({ licence_id: l.id, expires_on: l.expires_on, mailed: holder?.email ? 1 : 0 })
        .onConflict((oc) => oc.columns(['licence_id', 'expires_on']).doNothing())
        .returning('licence_id')
        .executeTakeFirst();
      if (!claimed) return;
      noticed++;
      const d = formatIsoDay(l.expires_on);
      if (holder?.email) {
        await platform.mailer.enqueue(asPlatformDb(trx), {
          to: holder.email,
          subject: `${r.noticeSubject.vi.replace('{n}', l.number).replace('{d}', d)} / ${r.noticeSubject.en.replace('{n}', l.number).replace('{d}', d)}`,
          text:
            `Kính gửi ${holder.fullName},\n\nGiấy phép lái xe số ${l.number} (hạng ${l.licence_class}) của bạn hết hạn ngày ${d}. ` +
            `Bạn có thể đổi giấy phép trực tuyến (thủ tục 3.000347): ${renewUrl}\n\n` +
            `(Your driving licence ${l.number}, class ${l.licence_class}, expires on ${d}. You can renew it online: ${renewUrl})`,
        });
        mailed++;
      }
      await recordAudit(asPlatformDb(trx), { actor: system, action: 'licences.expiry-notice', entity: 'licence', entityId: l.id, data: { expiresOn: l.expires_on, mailed: holder?.email ? 1 : 0 } });
    });
  }
  return { noticed, mailed };
}
