// The figures the platform knows of a unit for its self-assessment form (issue 14), read only through the other
// modules' index.ts: the share of dossiers received online and resolved on time (the quality module's figures for the
// agency and the year), whether the agency has a published site on the portal, and the share of incoming documents
// done on time, and the officials trained in the year (the training module). One line per source in SOURCES.
import type { Actor } from '../../platform/auth/access.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { agencyOnTimeShare } from '../documents/index.ts';
import { qualityFigures, type QualityReport } from '../quality/index.ts';
import { hasPublishedSite } from '../sites/index.ts';
import { trainedInYear } from '../training/index.ts';
import type { PlatformFigures } from './form.ts';
import type { PlatformSource } from './sets.ts';

interface Ask {
  platform: Platform;
  actor: Actor;
  agencyId: number;
  year: number;
  /** The quality module's report of the agency and year, read once for both dossier sources. */
  quality: () => Promise<QualityReport>;
}
type Source = (q: Ask) => Promise<number | boolean | null>;

/** A share 0–1 as the percent the sets ask for (one decimal). */
const percent = (s: number | null): number | null => (s === null ? null : Math.round(s * 1000) / 10);

export const SOURCES: Record<PlatformSource, Source> = {
  'dossiers.onlineShare': async (q) => percent((await q.quality()).figures.onlineShare),
  'dossiers.onTimeShare': async (q) => percent((await q.quality()).figures.onTimeRate),
  'portal.presence': (q) => hasPublishedSite(q.platform, q.agencyId),
  'documents.onTimeShare': (q) => agencyOnTimeShare(q.platform, q.agencyId, q.year),
  // Officials of the unit who completed a class or passed a module in the year (the training module).
  'training.trained': async (q) => (await trainedInYear(q.platform, { agencyId: q.agencyId, year: q.year })).trained,
};

/** The year's period up to today (a year not over yet counts up to today). */
function yearOf(year: number, now: Date): { from: string; to: string } {
  const today = vietnamDateOf(now);
  const end = `${year}-12-31`;
  return { from: `${year}-01-01`, to: end < today ? end : today };
}

/**
 * The PlatformFigures of the form's officer (the quality figures are those of the officer's own agency). A source that
 * fails or knows nothing is left out: the unit types the value.
 */
export function platformFigures(platform: Platform, actor: Actor, now = new Date()): PlatformFigures {
  return async ({ agencyId, year, sources }) => {
    let report: Promise<QualityReport> | undefined;
    const period = yearOf(year, now);
    const ask: Ask = {
      platform,
      actor,
      agencyId,
      year,
      quality: () => (report ??= qualityFigures(platform, actor, { agencyCode: null, procedureCode: null, field: null, ...period })),
    };
    const out: Partial<Record<PlatformSource, number | boolean>> = {};
    for (const s of sources) {
      try {
        const v = await SOURCES[s](ask);
        if (v !== null) out[s] = v;
      } catch (err) {
        platform.log?.warn({ err, source: s }, 'readiness: a platform figure could not be read');
      }
    }
    return out;
  };
}
