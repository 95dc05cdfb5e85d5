// What an agency's or a ward's site shows of the agency from the other modules (issue 12 "Agency pages"): its leaders
// (published entries of its staff directory whose position is a leading one, in the directory's order), its
// procedures in the catalogue (how many, how many online; the catalogue's own scope rules: a ward's are the commune
// level's, a department's those naming it), and its service-quality figures over the last twelve months (the
// transparency page's, kept ten minutes by the quality module). Each part is left out when its module has nothing.
import type { Platform } from '../../platform/http/context.ts';
import { publicAgencyDirectory, type PublicEntry } from '../directory/index.ts';
import { catalogueCoverage, type CatalogueCoverage } from '../procedures/index.ts';
import { lastTwelveMonths, publicAgencyFigures, type PublicFigures } from '../quality/index.ts';
import type { Agency } from '../units/index.ts';

const LEADING = /^(phó\s+)?(chủ tịch|giám đốc|chánh|trưởng|bí thư|tổng giám đốc)\b/i;
const MAX_LEADERS = 6;

export interface AgencyPanel {
  leaders: PublicEntry[];
  procedures: (CatalogueCoverage & { level: 'commune' | 'province' }) | undefined;
  figures: PublicFigures['figures'] | undefined;
  from: string;
  to: string;
}

const settle = <T,>(p: Promise<T>): Promise<T | undefined> => p.catch(() => undefined);

export async function agencyPanel(platform: Platform, agency: Agency): Promise<AgencyPanel> {
  const period = lastTwelveMonths();
  const scope =
    agency.kind === 'commune_committee' ? { levels: ['commune'], level: 'commune' as const } : agency.kind === 'department' ? { levels: ['province'], agencyName: agency.name, level: 'province' as const } : undefined;
  const [directory, coverage, figures] = await Promise.all([
    settle(publicAgencyDirectory(platform, agency.code)),
    scope ? settle(catalogueCoverage(platform.database.db, scope)) : Promise.resolve(undefined),
    settle(publicAgencyFigures(platform, agency.code, period)),
  ]);
  return {
    leaders: (directory?.entries ?? []).filter((e) => LEADING.test(e.position)).slice(0, MAX_LEADERS),
    procedures: coverage && scope && coverage.total > 0 ? { ...coverage, level: scope.level } : undefined,
    figures: figures && figures.figures.received > 0 ? figures.figures : undefined,
    ...period,
  };
}
