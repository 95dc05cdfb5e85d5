// Traffic-signal centre (issue 16, TRANSPORT.md §3): timing plans in NTCIP 1202 terms with Webster's method, the
// consistency check, green waves and bus priority (plan/); controllers over MQTT with a simulator and the centre's
// side of the link (controller/); ATSPM-style measures (measures/); the demo network (network/).
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
