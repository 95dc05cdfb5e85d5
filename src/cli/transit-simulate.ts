// egov transit simulate: validators against a real MQTT broker with Hà Nội-shaped traffic, offline stretches,
// duplicates and reordering (issue 15, TRANSPORT.md §2). Prints taps made, acknowledged and stored, and the
// offline decision times.
import type { Command } from './command.ts';
import { buildApp } from '../app.ts';
import { simulateIntoDatabase } from '../modules/transit/centre.ts';
import { simulateTraffic, type SimulationOptions } from '../modules/transit/validators/index.ts';
import type { Config } from '../platform/config.ts';
import type { Platform } from '../platform/http/context.ts';
import { terminal, type Output } from './output.ts';
import { brokerArg, numberArg } from './simulate-args.ts';

const HOW_TO_START = [
  'egov transit simulate: no broker given; nothing started. / Chưa chỉ định broker MQTT; không chạy gì.',
  '  Start Mosquitto on this machine / Chạy Mosquitto trên máy này:',
  '    apt-get install mosquitto        (Debian, Ubuntu)',
  '    mosquitto -p 1883                (listens on 127.0.0.1:1883)',
  '  then / rồi: egov transit simulate --validators 20 --minutes 30 --broker mqtt://127.0.0.1:1883',
];

/** `--database app`: the app's configured database; `--database postgres://…`: that one. */
type Parsed = { ok: true; options: SimulationOptions | null; database: string | null } | { ok: false; vi: string; en: string };

/** Opens the app on a database for the simulation (no jobs, no centre of its own, nothing seeded). */
export type OpenPlatform = (database: string) => Promise<{ platform: Platform; close(): Promise<void> }>;

const openWithConfig = (config: Config): OpenPlatform => async (database) => {
  const app = await buildApp({ ...config, jobs: false, transitBroker: undefined, ...(database === 'app' ? {} : { databaseUrl: database }) }, { seed: false });
  return { platform: app.platform, close: () => app.close() };
};

const NUMBER_OPTIONS = { '--validators': [1, 2000], '--minutes': [1, 1440], '--offline-share': [0, 0.9], '--duplicates': [0, 1], '--start-hour': [0, 23] } as const;
type NumberOption = keyof typeof NUMBER_OPTIONS;

export function parseSimulateArgs(args: readonly string[]): Parsed {
  const values: Partial<Record<NumberOption, number>> = {};
  let broker: string | null = null;
  let database: string | null = null;
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i] ?? '';
    const raw = args[i + 1];
    if (raw === undefined) return { ok: false, vi: `Tùy chọn ${name} thiếu giá trị.`, en: `The option ${name} needs a value.` };
    if (name === '--broker') {
      const b = brokerArg(raw);
      if (!b.ok) return b;
      broker = b.url;
      continue;
    }
    if (name === '--database') {
      if (raw !== 'app' && !/^postgres(ql)?:\/\/.+/.test(raw)) return { ok: false, vi: `--database phải là "app" hoặc một địa chỉ postgres://, không phải "${raw}".`, en: `--database must be "app" or a postgres:// URL, not "${raw}".` };
      database = raw;
      continue;
    }
    if (!(name in NUMBER_OPTIONS)) return { ok: false, vi: `Không có tùy chọn ${name}.`, en: `Unknown option ${name}.` };
    const n = numberArg(name, raw, NUMBER_OPTIONS[name as NumberOption], name === '--offline-share' || name === '--duplicates');
    if (!n.ok) return n;
    values[name as NumberOption] = n.value;
  }
  if (values['--validators'] === undefined || values['--minutes'] === undefined) return { ok: false, vi: 'Cần --validators và --minutes.', en: '--validators and --minutes are required.' };
  if (!broker) return { ok: true, options: null, database };
  return {
    ok: true,
    database,
    options: {
      url: broker,
      validators: values['--validators'],
      minutes: values['--minutes'],
      offlineShare: values['--offline-share'] ?? 0.1,
      duplicates: values['--duplicates'] ?? 0.01,
      ...(values['--start-hour'] !== undefined ? { startHour: values['--start-hour'] } : {}),
    },
  };
}

export async function runSimulate(args: readonly string[], io: Output, open?: OpenPlatform): Promise<number> {
  const parsed = parseSimulateArgs(args);
  if (!parsed.ok) {
    io.err(`egov transit simulate: ${parsed.vi}`);
    io.err(`egov transit simulate: ${parsed.en}`);
    io.err("Run 'egov transit simulate --help' for details.");
    return 2;
  }
  if (!parsed.options) {
    for (const line of HOW_TO_START) io.err(line);
    return 2;
  }
  let r: Awaited<ReturnType<typeof simulateTraffic>>;
  if (parsed.database) {
    if (!open) throw new Error('runSimulate: --database needs the app configuration');
    const app = await open(parsed.database);
    try {
      const s = await simulateIntoDatabase(app.platform, parsed.options);
      if (s.fleet === 0) {
        io.err('egov transit simulate: Cơ sở dữ liệu chưa có máy soát vé nào được đăng ký (chạy egov seed hoặc egov transit import-gtfs trước).');
        io.err('egov transit simulate: the database has no registered validators (run egov seed or egov transit import-gtfs first).');
        return 1;
      }
      io.out(`registered validators used ${s.fleet}, taps stored in the database through the tap ingest`);
      r = s;
    } finally {
      await app.close();
    }
  } else r = await simulateTraffic(parsed.options);
  const ms = (x: number) => x.toFixed(3);
  io.out(`taps made ${r.tapsMade}, sent ${r.published} (with resends and duplicates), acked ${r.acked}, stored ${r.stored}`);
  io.out(`duplicates dropped by the sink ${r.duplicatesDropped}, still unacknowledged ${r.unacknowledged}, refused ${r.refused}`);
  io.out(`denied offline ${r.denied}, free (concession) ${r.free}, validator-minutes offline ${r.offlineMinutes}`);
  io.out(`decision time p50 ${ms(r.decisionP50Ms)} ms, p99 ${ms(r.decisionP99Ms)} ms`);
  return r.unacknowledged === 0 && r.stored === r.tapsMade ? 0 : 1;
}

export const transitSimulate: Command = {
  name: ['transit', 'simulate'],
  summary: 'Simulate e-ticket validators against an MQTT broker (offline, duplicates, reordering)',
  usage: 'egov transit simulate --validators N --minutes M [--broker mqtt://127.0.0.1:1883] [--database app|postgres://…] [--offline-share 0.1] [--duplicates 0.01] [--start-hour 6]',
  help: `Runs N validators and a fare centre (with an in-memory tap store) against a real MQTT broker for M simulated
minutes (100 ms each), with Hà Nội-shaped traffic: peaks 6–8 and 16–19.

Options:
  --validators N       validators, 1–2000
  --minutes M          simulated minutes, 1–1440
  --broker URL         the broker (Mosquitto); without it nothing starts and the command says how to start one
  --database D         'app' (the app's DATABASE_URL or embedded database) or a postgres:// URL: the demo
                       validators registered there tap with their real secrets at their routes' stops, and the
                       taps are stored through the tap ingest (the database is migrated; stop an app using the
                       embedded database first). Without it: made-up validators and an in-memory store
  --offline-share S    share of validator-minutes offline, 0–0.9 (default 0.1)
  --duplicates D       share of batches published twice, 0–1 (default 0.01)
  --start-hour H       hour of day the simulated clock starts at (default 6)

Prints taps made, sent, acknowledged and stored, and the offline decision time p50/p99.
Exit status: 0 when every tap was stored once and acknowledged, 1 when some were not, 2 on a usage error.

Example:
  mosquitto -p 1883 &
  egov transit simulate --validators 50 --minutes 60 --broker mqtt://127.0.0.1:1883`,
  run: (args, config) => runSimulate(args, terminal, openWithConfig(config)),
};
