// egov signals simulate: the demo network's intersection controllers against a real MQTT broker, each reporting its
// status every second to a centre (issue 16, TRANSPORT.md §3). Prints what the monitoring wall would see: statuses,
// the lag p50/p99, silent and flashing controllers, and this process's CPU and memory.
import type { Command } from './command.ts';
import { simulateSignals, type SignalsSimulation } from '../modules/signals/index.ts';
import { terminal, type Output } from './output.ts';
import { brokerArg, numberArg } from './simulate-args.ts';

const HOW_TO_START = [
  'egov signals simulate: no broker given; nothing started. / Chưa chỉ định broker MQTT; không chạy gì.',
  '  mosquitto -p 1883 &   (apt-get install mosquitto)',
  '  egov signals simulate --intersections 600 --seconds 60 --broker mqtt://127.0.0.1:1883',
];

const NUMBERS = { '--intersections': [1, 600], '--seconds': [1, 3600], '--flash-share': [0, 1] } as const;
type NumberOption = keyof typeof NUMBERS;

export function parseSignalsArgs(args: readonly string[]): { ok: true; options: SignalsSimulation | null } | { ok: false; vi: string; en: string } {
  const v: Partial<Record<NumberOption, number>> = {};
  let broker: string | null = null;
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
    if (!(name in NUMBERS)) return { ok: false, vi: `Không có tùy chọn ${name}.`, en: `Unknown option ${name}.` };
    const n = numberArg(name, raw, NUMBERS[name as NumberOption], name === '--flash-share');
    if (!n.ok) return n;
    v[name as NumberOption] = n.value;
  }
  if (!broker) return { ok: true, options: null };
  return { ok: true, options: { url: broker, intersections: v['--intersections'] ?? 600, seconds: v['--seconds'] ?? 60, flashShare: v['--flash-share'] ?? 0.01 } };
}

export async function runSignalsSimulate(args: readonly string[], io: Output): Promise<number> {
  const parsed = parseSignalsArgs(args);
  if (!parsed.ok) {
    io.err(`egov signals simulate: ${parsed.vi}`);
    io.err(`egov signals simulate: ${parsed.en}`);
    return 2;
  }
  if (!parsed.options) {
    for (const line of HOW_TO_START) io.err(line);
    return 2;
  }
  const r = await simulateSignals(parsed.options);
  io.out(`controllers ${r.controllers}, statuses sent ${r.statusesSent}, received ${r.statusesReceived}`);
  io.out(`status lag p50 ${r.lagP50Ms} ms, p99 ${r.lagP99Ms} ms, max ${r.lagMaxMs} ms`);
  io.out(`silent at the end ${r.silentAtEnd}, flashing ${r.flashing}`);
  io.out(`CPU ${r.cpuSeconds.toFixed(1)} s (${(r.cpuShare * 100).toFixed(0)} % of one core), memory ${r.rssMb} MB`);
  return r.statusesReceived > 0 ? 0 : 1;
}

export const signalsSimulate: Command = {
  name: ['signals', 'simulate'],
  summary: 'Simulate intersection controllers against an MQTT broker (status every second)',
  usage: 'egov signals simulate --intersections N --seconds S --broker mqtt://127.0.0.1:1883 [--flash-share 0.01]',
  help: `Runs the first N intersections of the demo network (up to 600 on Hà Nội's central streets) as controllers
against a real MQTT broker for S seconds, each sending its status every second to a centre in this process.

Options:
  --intersections N   1–600 (default 600)
  --seconds S         1–3600 (default 60)
  --broker URL        the broker (Mosquitto); without it nothing starts and the command says how to start one
  --flash-share F     share of controllers in conflict flash, 0–1 (default 0.01)

Prints statuses sent and received, the lag p50/p99 from each controller's clock to the centre, controllers silent
at the end, flashing ones, and the process's CPU and memory. Exit status 0 when statuses arrived, 2 on a usage error.`,
  run: (args) => runSignalsSimulate(args, terminal),
};
