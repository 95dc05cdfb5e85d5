import type { Config } from '../platform/config.ts';

export interface Command {
  /** Words after `egov`, e.g. ['import', 'units']. */
  name: string[];
  summary: string;
  usage: string;
  /** Long help: arguments, options, examples. */
  help: string;
  run(args: string[], config: Config): Promise<number>;
}
