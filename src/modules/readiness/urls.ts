// The addresses of the self-assessment cycle's pages (issue 14).
export const FORMS_URL = '/chuyen-doi-so';
export const cycleUrl = (id: number): string => `${FORMS_URL}/ky/${id}`;
export const formUrl = (id: number): string => `${FORMS_URL}/phieu/${id}`;
/** The results pages (rankings, scorecards) are another file's (results-routes.ts). */
export const resultsUrl = (cycleId: number): string => `${FORMS_URL}/ket-qua/${cycleId}`;
