// A module (bounded context) plugs into the platform through this shape; app.ts lists them in order.
import type { FastifyInstance } from 'fastify';
import type { Platform } from './http/context.ts';

export interface Module {
  name: string;
  /** Routes and pages; registered as one Fastify plugin. */
  routes?(app: FastifyInstance, platform: Platform): Promise<void>;
  /** Runs at every start of the app, right after the migrations (e.g. upgrading stored data in place). Idempotent. */
  startup?(platform: Platform): Promise<void>;
  /** Reference data the module needs; runs at every start, so it must be idempotent and quick when done. */
  seedReference?(platform: Platform): Promise<void>;
  /** Demo data (demo seed only, never in production). Idempotent. */
  seedDemo?(platform: Platform): Promise<void>;
  /** Job handlers and schedules. */
  jobs?(platform: Platform): Promise<void>;
  /**
   * Long-running connections (e.g. the transit fare centre on its MQTT broker), started once the app is ready;
   * the answer's close() runs when the app closes, before the job queue and the database.
   */
  start?(platform: Platform): Promise<{ close(): Promise<void> } | undefined>;
}
