// Every module, in the order they are seeded and mounted (units before accounts: staff belong to agencies; the staff
// directory after both: its demo entries link the demo staff accounts; the back
// office after the dossiers it works on; citizen feedback after the calendar and the units it counts and places by;
// the quality figures after all three (they read feedback_case_facts); admissions last:
// its demo schools are laid out over the units; the comments right after the sites whose articles they are on; official documents after the calendar, accounts and
// units they number, assign and deliver by; IT training and schools' IT equipment after admissions (its schools), and
// IT readiness after them: its forms read figures from all of them; transit e-tickets last, after the accounts and units
// its riders and staff belong to; driving licences after it; the traffic-signal centre last).
import type { Module } from '../platform/module.ts';
import { unitsModule } from './units/index.ts';
import { portalModule } from './portal/index.ts';
import { accountsModule } from './accounts/index.ts';
import { directoryModule } from './directory/index.ts';
import { calendarModule } from './calendar/index.ts';
import { proceduresModule } from './procedures/index.ts';
import { dossiersModule } from './dossiers/index.ts';
import { backOfficeModule } from './backoffice/index.ts';
import { feedbackModule } from './feedback/index.ts';
import { qualityModule } from './quality/index.ts';
import { admissionsModule } from './admissions/index.ts';
import { sitesModule } from './sites/index.ts';
import { commentsModule } from './comments/index.ts';
import { documentsModule } from './documents/index.ts';
import { readinessModule } from './readiness/index.ts';
import { trainingModule } from './training/index.ts';
import { schoolItModule } from './schoolit/index.ts';
import { transitModule } from './transit/index.ts';
import { licencesModule } from './licences/index.ts';
import { signalsModule } from './signals/index.ts';

export const modules: readonly Module[] = [unitsModule, portalModule, accountsModule, directoryModule, calendarModule, proceduresModule, dossiersModule, backOfficeModule, feedbackModule, qualityModule, sitesModule, commentsModule, documentsModule, admissionsModule, trainingModule, schoolItModule, readinessModule, transitModule, licencesModule, signalsModule];
