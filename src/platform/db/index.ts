export { openDatabase, type Database, type DatabaseKind, type DatabaseOptions } from './connect.ts';
export { migrate, MIGRATIONS_DIR } from './migrate.ts';
export type { PlatformTables, Timestamp, Json } from './tables.ts';
export { getSetting, setSetting, settingOnce } from './settings.ts';
export { insertJsonRows, type BulkColumns } from './bulk.ts';
export { preparedQuery, type PreparedQuery } from './prepared.ts';
export { createBatcher, type Batcher, type BatcherOptions, type Settled } from './batcher.ts';
