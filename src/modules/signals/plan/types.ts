// Timing plans in NTCIP 1202 terms (TRANSPORT.md §3): the phase table, the split table and the pattern table. A
// controller takes them in that order (phase → split → pattern) and the plan is checked for consistency before it is
// sent (check.ts). Times are whole seconds except passage and clearance, kept in tenths by NTCIP and here in seconds.

/** phaseTable row: the timings that hold whatever the pattern. */
export interface Phase {
  phase: number;
  /** phaseMinimumGreen: the green no demand or priority may cut. */
  minimumGreen: number;
  /** phasePassage: how much each detected vehicle extends an actuated green. */
  passage: number;
  /** phaseMaximum1 / phaseMaximum2: the longest green under actuation. */
  maximum1: number;
  maximum2?: number;
  /** phaseYellowChange and phaseRedClear: the clearance after every green, never shortened. */
  yellowChange: number;
  redClear: number;
  /** A short name for people (e.g. "Bắc–Nam thẳng"). */
  name?: string;
}

/** splitMode: how a phase behaves under the split; `omitted` (phaseOmitted) takes no time in the cycle. */
export type SplitMode = 'none' | 'minimumVehicleRecall' | 'maximumVehicleRecall' | 'pedestrianRecall' | 'nonActuated' | 'omitted';

/** splitTable row: the phase's share of the cycle, green plus its yellow and red clearance. */
export interface Split {
  phase: number;
  /** splitTime, seconds. */
  time: number;
  mode: SplitMode;
  /** splitCoordPhase: the phase the offset refers to (the green wave's phase). */
  coordPhase: boolean;
}

/** patternTable row plus its sequence: rings of phases in the order they run. */
export interface Pattern {
  /** patternNumber 1–253 (254 is free, 255 flash, in the controller's status). */
  pattern: number;
  /** patternCycleTime, seconds. */
  cycle: number;
  /** patternOffsetTime: when the coordinated phase's green starts, seconds after the system's cycle zero. */
  offset: number;
  splits: Split[];
  /** sequenceData: each ring's phases in order. Hà Nội's intersections mostly run one ring of two to four stages. */
  rings: number[][];
}

export interface TimingPlan {
  phases: Phase[];
  pattern: Pattern;
}

/** The controller's modes the centre may set. */
export const MODES = ['fixed', 'actuated', 'adaptive', 'free', 'flash'] as const;
export type Mode = (typeof MODES)[number];

/** Status pattern numbers with a meaning of their own (NTCIP 1202). */
export const PATTERN_FREE = 254;
export const PATTERN_FLASH = 255;

/** The least a phase's split may be: its minimum green and its clearances, none of which a plan may cut. */
export function leastSplit(p: Phase): number {
  return p.minimumGreen + p.yellowChange + p.redClear;
}
