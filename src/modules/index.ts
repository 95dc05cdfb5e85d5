// Every module, in the order they are seeded and mounted (units before accounts: staff belong to agencies).
import type { Module } from '../platform/module.ts';
import { portalModule } from './portal/index.ts';

export const modules: readonly Module[] = [portalModule];
