// Citizen feedback (phản ánh, kiến nghị, issue 12; docs/feedback.md): anyone sends feedback about a regulation, a
// service or a place with photos and gets a tracking code; the city's receiving office assigns it to an agency, which
// answers by a due date counted in working days; a leader publishes the answer; the sender rates it.
// Tables: feedback_cases, feedback_photos, feedback_events, feedback_subcategories (0031). Read contract for the
// quality figures: the view feedback_case_facts (feedback handled on time, per agency and city-wide).
import type { Module } from '../../platform/module.ts';
import { feedbackRoutes } from './routes.ts';
import { seedDemoFeedback } from './seed.ts';

export const feedbackModule: Module = {
  name: 'feedback',
  routes: (app, platform) => feedbackRoutes(app, platform),
  seedDemo: (platform) => seedDemoFeedback(platform),
};

export { sendFeedback, lookupFeedback, rateFeedback, publishedFeedback, formOptions, type SendContext, type SenderView } from './service.ts';
export { assignFeedback, rejectFeedback, answerFeedback, publishAnswer, answerDeadline, answerWorkingDays } from './handling.ts';
export { feedbackInbox, type Inbox } from './inbox.ts';
export { feedbackCode, normaliseCode, FEEDBACK_CODE } from './code.ts';
export { FeedbackErrors } from './errors.ts';
export { CATEGORIES, STATUSES, MAX_PHOTOS, MAX_PHOTO_BYTES, ANSWER_DAYS_SETTING, DEFAULT_ANSWER_WORKING_DAYS, type Category, type FeedbackStatus, type FeedbackInput } from './schema.ts';
