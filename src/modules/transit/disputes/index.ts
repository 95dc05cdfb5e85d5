// Disputes on priced trips (issue 15): filed by the rider, answered by the centre's officer with a refund or a reason.
export { fileDispute, answerDispute, openDisputes, disputesOf, ownTrip, disputeFor, MAX_TEXT, type AnswerInput, type DisputeShown } from './service.ts';
export { DisputeErrors } from './errors.ts';
export type { DisputesTables, DisputeRow, DisputeStatus } from './repo.ts';
