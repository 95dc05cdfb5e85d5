// The feedback module's constants and types (issue 12).
export const CATEGORIES = ['regulation', 'service', 'place'] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (v: unknown): v is Category => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);

/**
 * received → assigned (the receiving office chose the agency) → answered → published (a leader approved it for the
 * public list) → closed (the sender rated the answer); rejected (with a reason) from received.
 */
export const STATUSES = ['received', 'assigned', 'answered', 'published', 'closed', 'rejected'] as const;
export type FeedbackStatus = (typeof STATUSES)[number];

/** Photos: images only, recognised by their bytes; at most this many, each at most this large. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The city's setting (settings table, key below): working days an agency has to answer, counted from assignment. */
export const ANSWER_DAYS_SETTING = 'feedback_answer_working_days';
export const DEFAULT_ANSWER_WORKING_DAYS = 10;

/** What the sender typed into the form. */
export interface FeedbackInput {
  category: string;
  subcategory: string;
  title: string;
  description: string;
  unitCode: string;
  address: string;
  senderName: string;
  phone: string;
  email: string;
}

export const EMPTY_INPUT: FeedbackInput = { category: '', subcategory: '', title: '', description: '', unitCode: '', address: '', senderName: '', phone: '', email: '' };
