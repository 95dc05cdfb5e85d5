import type { Command } from './command.ts';
import { serve } from './serve.ts';
import { migrate } from './migrate.ts';
import { seed } from './seed.ts';
import { importUnits } from './import-units.ts';
import { userCreate } from './user-create.ts';
import { importProcedures } from './import-procedures.ts';
import { admissionDraw } from './admission-draw.ts';
import { importArticlesCommand } from './import-articles.ts';
import { transitImportGtfs } from './transit-import-gtfs.ts';
import { transitSimulate } from './transit-simulate.ts';
import { signalsSimulate } from './signals-simulate.ts';

export const commands: readonly Command[] = [serve, migrate, seed, importUnits, userCreate, importProcedures, importArticlesCommand, admissionDraw, transitImportGtfs, transitSimulate, signalsSimulate];
