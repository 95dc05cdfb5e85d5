// Procedure extensions: a small generic hook through which the module that owns a procedure's records takes part in
// its dossiers without a parallel submission path (first user: the licence registry for 3.000347, driving-licence
// renewal; licences/renewal.ts). A module registers one extension per national procedure code (local variants such as
// `3.000347.H26` use it too) from its `routes`; each part is optional:
//   form      the submit page: the form as shown (e.g. a choice among the citizen's own records), the answers to
//             prefill on a first display (no draft), and a notice shown above the form (e.g. no record to act on);
//   check     after the e-form's own validation, on every submission and check-your-answers (web, API, counter):
//             refusals beside fields (nothing is saved) and the answers as they will be stored;
//   approved  inside the back office's transaction of the approval (effect `approve`): issues the result with the
//             transaction's handle (never platform.database.db); what it returns goes into the history note and the
//             audit row; throwing refuses the approval and nothing changes;
//   result    the applicant's dossier page (/ho-so-cua-toi/:code): a section showing the result once it exists.
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../platform/auth/roles.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Lang, Text } from '../../platform/web/i18n.ts';
import type { EformDefinition } from '../eforms/index.ts';
import type { Dossier } from './schema.ts';

export interface ProcedureExtension {
  form?(platform: Platform, user: SessionUser, def: EformDefinition, lang: Lang): Promise<{ def: EformDefinition; prefill: Record<string, unknown>; notice?: Text }>;
  check?(platform: Platform, user: SessionUser, formData: Record<string, unknown>, ctx: { counter: boolean; now: Date }): Promise<{ errors: FieldError[]; formData: Record<string, unknown> }>;
  approved?(trx: Kysely<PlatformTables>, platform: Platform, ctx: { dossier: Dossier; user: SessionUser; now: Date }): Promise<Record<string, unknown> | undefined>;
  result?(platform: Platform, dossier: Dossier, lang: Lang): Promise<JSX.Element | undefined>;
}

const registry = new Map<string, ProcedureExtension>();

/** The national code of a procedure: `3.000347.H26` → `3.000347`. */
const nationalCode = (code: string): string => code.split('.').slice(0, 2).join('.');

export function registerProcedureExtension(code: string, ext: ProcedureExtension): void {
  registry.set(nationalCode(code), ext);
}

export function procedureExtension(code: string): ProcedureExtension | undefined {
  return registry.get(nationalCode(code));
}
