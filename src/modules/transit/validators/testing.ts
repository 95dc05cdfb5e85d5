// The Mosquitto test broker lives in the platform (src/platform/testing/mosquitto.ts), shared with the signal
// controllers' tests; re-exported here for the transit tests and the benches that import it from this module.
export { MOSQUITTO, mosquittoMissing, startMosquitto, type TestBroker } from '../../../platform/testing/mosquitto.ts';
