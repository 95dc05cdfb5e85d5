// The only code that touches the feedback module's tables (migrations/0031_citizen_feedback.sql).
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Category, FeedbackStatus } from './schema.ts';

export interface FeedbackCasesTable {
  id: Generated<number>;
  code: string;
  category: Category;
  subcategory: string | null;
  title: string;
  description: string;
  unit_code: string;
  address: string;
  sender_name: string;
  sender_phone: string | null;
  sender_email: string | null;
  account_id: number | null;
  status: Generated<FeedbackStatus>;
  reject_reason: string | null;
  agency_id: number | null;
  assigned_at: Date | null;
  assigned_by: number | null;
  due_date: string | null;
  answer: string | null;
  answered_at: Date | null;
  answered_by: number | null;
  published: Generated<boolean>;
  published_at: Date | null;
  published_by: number | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface FeedbackPhotosTable {
  id: Generated<number>;
  case_id: number;
  position: number;
  mime: string;
  size: number;
  sha256: string;
}

interface FeedbackEventsTable {
  id: Generated<number>;
  case_id: number;
  status: string;
  at: Generated<Date>;
}

interface FeedbackSubcategoriesTable {
  code: string;
  category: Category;
  name_vi: string;
  name_en: string;
  sort_order: number;
}

export type FeedbackTables = {
  feedback_cases: FeedbackCasesTable;
  feedback_photos: FeedbackPhotosTable;
  feedback_events: FeedbackEventsTable;
  feedback_subcategories: FeedbackSubcategoriesTable;
};
export type FeedbackDb = Kysely<PlatformTables & FeedbackTables>;
export type CaseRow = Selectable<FeedbackCasesTable>;
export type PhotoRow = Selectable<FeedbackPhotosTable>;
export type EventRow = Selectable<FeedbackEventsTable>;
export type SubcategoryRow = Selectable<FeedbackSubcategoriesTable>;
export type NewCase = Omit<CaseRow, 'id' | 'status' | 'published' | 'created_at' | 'updated_at' | 'reject_reason' | 'agency_id' | 'assigned_at' | 'assigned_by' | 'due_date' | 'answer' | 'answered_at' | 'answered_by' | 'published_at' | 'published_by' | 'rating' | 'rating_comment' | 'rated_at'> & { created_at?: Date };
export type CasePatch = Partial<Omit<CaseRow, 'id' | 'code' | 'created_at'>>;

export function feedbackDb(db: Kysely<PlatformTables>): FeedbackDb {
  return db.withTables<FeedbackTables>();
}

export interface PublicFilter {
  category?: Category | undefined;
  unitCode?: string | undefined;
  limit: number;
  offset: number;
}

export interface InboxFilter {
  /** null: every agency's cases (the receiving office); a number: that agency's. */
  agencyId: number | null;
  statuses: readonly FeedbackStatus[];
}

export const feedbackRepo = {
  async nextNumber(db: FeedbackDb): Promise<number> {
    const r = await sql<{ n: string }>`select nextval('feedback_case_seq') as n`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  },

  async insert(db: FeedbackDb, c: NewCase): Promise<CaseRow> {
    return db.insertInto('feedback_cases').values(c).returningAll().executeTakeFirstOrThrow();
  },

  findByCode(db: FeedbackDb, code: string): Promise<CaseRow | undefined> {
    return db.selectFrom('feedback_cases').selectAll().where('code', '=', code).executeTakeFirst();
  },

  lockByCode(db: FeedbackDb, code: string): Promise<CaseRow | undefined> {
    return db.selectFrom('feedback_cases').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  },

  async update(db: FeedbackDb, id: number, patch: CasePatch): Promise<CaseRow> {
    return db.updateTable('feedback_cases').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  async addEvent(db: FeedbackDb, caseId: number, status: string, at: Date): Promise<void> {
    await db.insertInto('feedback_events').values({ case_id: caseId, status, at }).execute();
  },

  events(db: FeedbackDb, caseId: number): Promise<EventRow[]> {
    return db.selectFrom('feedback_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
  },

  async addPhotos(db: FeedbackDb, caseId: number, photos: { mime: string; size: number; sha256: string }[]): Promise<void> {
    if (photos.length === 0) return;
    await db.insertInto('feedback_photos').values(photos.map((p, i) => ({ case_id: caseId, position: i + 1, ...p }))).execute();
  },

  photos(db: FeedbackDb, caseId: number): Promise<PhotoRow[]> {
    return db.selectFrom('feedback_photos').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
  },

  subcategories(db: FeedbackDb): Promise<SubcategoryRow[]> {
    return db.selectFrom('feedback_subcategories').selectAll().orderBy('category').orderBy('sort_order').execute();
  },

  async published(db: FeedbackDb, f: PublicFilter): Promise<{ rows: CaseRow[]; total: number }> {
    let q = db.selectFrom('feedback_cases').where('published', '=', true);
    if (f.category) q = q.where('category', '=', f.category);
    if (f.unitCode) q = q.where('unit_code', '=', f.unitCode);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    ]);
    return { rows, total: Number(count?.n ?? 0) };
  },

  inbox(db: FeedbackDb, f: InboxFilter): Promise<CaseRow[]> {
    let q = db.selectFrom('feedback_cases').selectAll().where('status', 'in', [...f.statuses]);
    if (f.agencyId !== null) q = q.where('agency_id', '=', f.agencyId);
    return q.orderBy('due_date', 'asc').orderBy('created_at', 'asc').limit(500).execute();
  },

  /** For the demo seed: whether any case exists already. */
  async any(db: FeedbackDb): Promise<boolean> {
    return (await db.selectFrom('feedback_cases').select('id').limit(1).executeTakeFirst()) !== undefined;
  },
};
