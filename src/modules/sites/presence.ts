// Whether an agency has a site on the portal with at least one article published (the IT-readiness form's
// "portal presence", issue 14). Read through index.ts by other modules.
import { sql } from 'kysely';
import type { Platform } from '../../platform/http/context.ts';
import { sitesDb } from './repo.ts';

export async function hasPublishedSite(platform: Platform, agencyId: number, now = new Date()): Promise<boolean> {
  const row = await sitesDb(platform.database.db)
    .selectFrom('sites as s')
    .innerJoin('articles as a', 'a.site_id', 's.id')
    .select(sql<number>`1`.as('one'))
    .where('s.agency_id', '=', agencyId)
    .where('a.status', '=', 'published')
    .where('a.publish_at', '<=', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
