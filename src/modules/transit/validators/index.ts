// Validators on the MQTT link (issue 15, TRANSPORT.md §2): the topics and signed tap batches, the validator that
// decides offline and stores and forwards its taps, and the centre bridge that feeds a tap ingest and publishes
// lists and fares. See docs/transit-validators.md.
export { Validator, type ValidatorOptions } from './validator.ts';
export { connectCentre, type Centre, type CentreOptions, type TapSink, type ListSource } from './centre.ts';
export { ValidatorCache, quantile } from './cache.ts';
export { memoryOutbox, fileOutbox, type Outbox, type ParkedTap } from './outbox.ts';
export { memoryLists, memorySink } from './memory.ts';
export { simulateTraffic, type SimulationOptions, type SimulationReport, type SimulatedValidator } from './simulate.ts';
export {
  topics, signedBatch, tapForIngest, validatorClientId, CENTRE_CLIENT_ID,
  type Tap, type TapBatch, type TapInput, type TapDecision, type TapReason, type ListEntry, type ListName, type FullListMessage, type DeltaMessage, type FaresMessage, type ConfigMessage, type AckMessage, type StatusMessage,
} from './protocol.ts';
