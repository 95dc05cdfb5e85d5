import type { Command } from './command.ts';
import { serve } from './serve.ts';
import { migrate } from './migrate.ts';
import { seed } from './seed.ts';

export const commands: readonly Command[] = [serve, migrate, seed];
