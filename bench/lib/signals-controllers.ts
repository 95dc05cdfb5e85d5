// The simulated intersection controllers alone in their own process, for bench/signals-wall-app.ts: the demo
// network's first N controllers against the broker at URL, each sending its status every second, as
// `egov signals simulate` runs them (the same share in conflict flash, 1 %) but without a centre of its own: the app's
// centre is the one listening. Prints `ready` once all are connected, waits S seconds, prints `closing`, closes them
// and prints one JSON line with the statuses sent.
//   node --import tsx bench/lib/signals-controllers.ts mqtt://127.0.0.1:1883 600 60
import { demoIntersections, SimulatedController } from '../../src/modules/signals/index.ts';

const [url = 'mqtt://127.0.0.1:1883', n = '600', seconds = '60'] = process.argv.slice(2);
const FLASH_EVERY = 100;
const controllers = demoIntersections(Number(n)).map(
  (x, i) => new SimulatedController({ id: x.id, url, plan: x.plan, statusMs: 1000, flash: i % FLASH_EVERY === 0 }),
);
for (let i = 0; i < controllers.length; i += 50) await Promise.all(controllers.slice(i, i + 50).map((c) => c.connect()));
process.stdout.write('ready\n');
await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
process.stdout.write('closing\n');
const sent = controllers.reduce((s, c) => s + c.statusesSent, 0);
for (const c of controllers) await c.close().catch(() => undefined);
process.stdout.write(`${JSON.stringify({ controllers: controllers.length, sent, flashing: Math.ceil(controllers.length / FLASH_EVERY) })}\n`);
