// Under each unanswered feedback message on the officer's dossier page: the answer, sent to the applicant
// (citizen/service.ts answerFeedback); shown to the staff of the receiving or handling agency.
import type { FastifyRequest } from 'fastify';
import { CsrfField } from '../../../../platform/web/layout.tsx';
import { t, type Text } from '../../../../platform/web/i18n.ts';
import type { FieldError } from '../../../../platform/http/errors.ts';
import { answerForm as m } from '../messages.ts';
import { TextArea } from './action-forms.tsx';

/** A refused answer: which message, the errors beside the field (or one at the top), what was typed. */
export interface AnswerFailed {
  feedbackId: number;
  errors: FieldError[];
  top: Text | null;
  typed: string;
}

export const answerFieldId = (feedbackId: number): string => `answer-${feedbackId}`;

export function answerPath(code: string, feedbackId: number): string {
  return `/mot-cua/ho-so/${encodeURIComponent(code)}/phan-anh/${feedbackId}/tra-loi`;
}

export function AnswerForm({ req, code, feedbackId, failed }: { req: FastifyRequest; code: string; feedbackId: number; failed?: AnswerFailed | undefined }): JSX.Element {
  const lang = req.lang;
  const mine = failed?.feedbackId === feedbackId ? failed : undefined;
  const error = mine?.errors.find((e) => e.field === 'answer');
  return (
    <form method="post" action={answerPath(code, feedbackId)} novalidate>
      <CsrfField req={req} />
      <TextArea id={answerFieldId(feedbackId)} name="answer" label={t(lang, m.label)} hint={t(lang, m.hint)} value={mine?.typed ?? ''} error={error ? t(lang, error.message) : undefined} required rows={3} />
      <p>
        <button type="submit" class="secondary" safe>
          {t(lang, m.submit)}
        </button>
      </p>
    </form>
  );
}
