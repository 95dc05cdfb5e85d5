// Traffic-signal centre (issue 16, TRANSPORT.md §3): timing plans in NTCIP 1202 terms with Webster's method, the
// consistency check, green waves and bus priority (plan/); controllers over MQTT with a simulator and the centre's
// side of the link (controller/); ATSPM-style measures (measures/); the demo network (network/); the registry
// (migrations/0056_signals.sql), the centre inside the app (centre-runtime.ts) and the engineer's pages (routes.ts).
import type { Module } from '../../platform/module.ts';
import { startSignalsRuntime } from './centre-runtime.ts';
import { signalRoutes } from './routes.ts';
import { seedDemoSignals } from './seed.ts';

export const signalsModule: Module = {
  name: 'signals',
  // /quan-ly/den-tin-hieu (signal_engineer).
  routes: (app, platform) => signalRoutes(app, platform),
  // The 600 intersections of the demo network, their plans, corridors and day plans (demo only).
  seedDemo: (platform) => seedDemoSignals(platform),
  // The centre (EGOV_SIGNALS_BROKER; memory with the demo data): the runtime the pages and the wall read.
  start: async (platform) => (await startSignalsRuntime(platform, { demoFaults: platform.demo() })) ?? undefined,
};

export { startSignalsRuntime, signalsLinkOf, type CentreRuntime } from './centre-runtime.ts';
export { signalsRuntime, setSignalsRuntime, type SignalsRuntime, type RuntimeIntersection, type SignalEvent } from './runtime.ts';
export { MemoryBus } from './controller/bus.ts';
export { sendPlans, type SendResult } from './send.ts';
export { seedDemoSignals } from './seed.ts';
export type { SignalsTables } from './repo.ts';
export { webster, splitsFromWebster, isWebsterError } from './plan/webster.ts';
export { checkPlan, type PlanProblem } from './plan/check.ts';
export { greenWave, bandwidth } from './plan/coordination.ts';
export { busPriority } from './plan/priority.ts';
export { timeSpaceSvg } from './plan/diagram.ts';
export type { TimingPlan, Phase, Pattern, Split, Mode } from './plan/types.ts';
export { phaseMeasures } from './measures/atspm.ts';
export { SignalCentre } from './controller/centre.ts';
export { SimulatedController } from './controller/device.ts';
export { simulateSignals, type SignalsSimulation, type SignalsReport } from './controller/simulate.ts';
export { demoIntersections, GREEN_WAVE } from './network/demo.ts';
