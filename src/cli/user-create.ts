// egov user create: a staff account from the command line (the first administrator, or scripted set-up).
import type { Command } from './command.ts';
import type { Database } from '../platform/db/index.ts';
import { migrate } from '../platform/db/index.ts';
import { AppError } from '../platform/http/errors.ts';
import { ROLES } from '../platform/auth/roles.ts';
import { openConfiguredDatabase, seedReference } from '../app.ts';
import { withPlatform } from './platform.ts';
import { createStaffAccount, findAgencyIdByCode, intakeRepo } from '../modules/accounts/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { terminal } from './output.ts';

const OPTIONS = ['username', 'password', 'name', 'agency', 'roles', 'email', 'phone', 'serves'] as const;
type Option = (typeof OPTIONS)[number];
const REQUIRED: readonly Option[] = ['username', 'password', 'name', 'agency', 'roles'];
/** Form field of the service → the option that set it, for one-line errors. */
const FLAG_OF: Record<string, string> = {
  username: '--username',
  full_name: '--name',
  agency_id: '--agency',
  roles: '--roles',
  password: '--password',
  email: '--email',
  phone: '--phone',
};

export type ParsedArgs = { ok: true; values: Partial<Record<Option, string>> } | { ok: false; message: string };

export function parseUserArgs(args: readonly string[]): ParsedArgs {
  const values: Partial<Record<Option, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const m = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!m) return { ok: false, message: `unexpected argument '${arg}'` };
    const name = m[1] as Option;
    if (!OPTIONS.includes(name)) return { ok: false, message: `unknown option --${m[1]}` };
    const value = m[2] ?? args[++i];
    if (value === undefined) return { ok: false, message: `--${name} needs a value` };
    values[name] = value;
  }
  const missing = REQUIRED.filter((o) => values[o] === undefined);
  if (missing.length) return { ok: false, message: `missing ${missing.map((o) => `--${o}`).join(', ')}` };
  return { ok: true, values };
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Creates the account; returns a one-line result for the terminal. */
export async function createUserFromArgs(database: Database, args: readonly string[]): Promise<{ ok: boolean; message: string }> {
  const parsed = parseUserArgs(args);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const v = parsed.values;
  const password = v.password === '-' ? await readStdinLine() : (v.password ?? '');
  const agencyCode = v.agency ?? '';
  const agencyId = await findAgencyIdByCode(database.db, agencyCode);
  if (agencyId === undefined) return { ok: false, message: `--agency: no agency with code '${agencyCode}'` };
  // The other agencies an "intake" account submits dossiers for (issue 10, docs/security-privacy.md).
  const served: number[] = [];
  for (const code of (v.serves ?? '').split(',').map((c) => c.trim()).filter(Boolean)) {
    const id = await findAgencyIdByCode(database.db, code);
    if (id === undefined) return { ok: false, message: `--serves: no agency with code '${code}'` };
    served.push(id);
  }
  if (served.length > 0 && !(v.roles ?? '').split(',').map((r) => r.trim()).includes('intake')) return { ok: false, message: '--serves: only for an account with the role intake' };
  try {
    const input = {
      username: v.username ?? '',
      full_name: (v.name ?? '').normalize('NFC'),
      email: v.email ?? '',
      phone: v.phone ?? '',
      agency_id: agencyId,
      roles: (v.roles ?? '').split(','),
      password: password.normalize('NFC'),
    };
    const id = await createStaffAccount(database.db, input, { id: null, label: 'cli' });
    if (served.length > 0) {
      await database.db.transaction().execute(async (trx) => {
        await intakeRepo.replace(trx, id, served);
        await recordAudit(trx, { actor: { id: null, label: 'cli' }, action: 'account.intake_agencies', entity: 'account', entityId: id, data: { agencies: served } });
      });
    }
    return { ok: true, message: `created staff account ${input.username.trim().toLowerCase()} (id ${id}) with roles ${input.roles.map((r) => r.trim()).join(',')}` };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const detail = err.fields.length ? err.fields.map((f) => `${FLAG_OF[f.field] ?? f.field}: ${f.message.en}`).join('; ') : err.text.en;
    return { ok: false, message: detail };
  }
}

export const userCreate: Command = {
  name: ['user', 'create'],
  summary: 'Create a staff account',
  usage: 'egov user create --username <u> --password <p> ...',
  help: `Creates a staff account in an agency, with one or more roles. The change is written to the audit log
with the actor 'cli'.

Options:
  --username <name>     3–64 characters: unaccented letters, digits, dot, dash, underscore (stored lowercase)
  --password <pw>       at least 8 characters with letters and digits; '-' reads it from standard input
                        (keeps it out of the shell history and the process list)
  --name <full name>    the officer's full name, e.g. "Nguyễn Văn An"
  --agency <code>       the agency's 13-character code (QCVN 102:2016), e.g. 000.00.12.H26
  --roles <list>        comma-separated: ${ROLES.join(', ')}
  --email <address>     optional, the official e-mail address
  --phone <number>      optional, e.g. 0912 345 678
  --serves <codes>      with the role intake: other agencies it submits dossiers for on people's behalf,
                        comma-separated codes (its own agency always)

Examples:
  egov user create --username qt.admin --password - --name "Đỗ Đức Mạnh" --agency 000.00.12.H26 --roles admin
  egov user create --username cb.motcua --password 'Matkhau2025' --name "Trần Thị Bình" --agency 000.00.12.H26 \\
    --roles one_stop_officer,specialist --email binh@hanoi.gov.vn

Exit status: 0 created, 1 refused (the reason is printed on one line), 2 bad usage.`,
  async run(args, config) {
    const parsed = parseUserArgs(args);
    if (!parsed.ok) {
      terminal.err(`egov user create: ${parsed.message} (see egov user create --help)`);
      return 2;
    }
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      // The agencies are reference data: make sure they are loaded on a database that was only just created.
      await withPlatform(config, database, seedReference);
      const r = await createUserFromArgs(database, args);
      if (r.ok) terminal.out(r.message);
      else terminal.err(`egov user create: ${r.message}`);
      return r.ok ? 0 : 1;
    } finally {
      await database.close();
    }
  },
};
