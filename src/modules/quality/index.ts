// Service-quality figures (DOMAIN §6, docs/INDICATORS): the indices of Circular 01/2018 and Decision 766/QĐ-TTg
// over the dossiers and their handling, for an agency or the city, as a staff dashboard (/quan-ly/chat-luong, with CSV
// and Excel downloads), an agency's public page (/cong-khai/co-quan/:agencyCode) and GET /api/v1/stats. A module of its
// own so that others (the portal's citizen feedback, the document registers) can reuse the figures. Other modules call:
//   const report = await qualityFigures(platform, actor, parseQualityQuery(query));
//   const pub = await publicAgencyFigures(platform, agencyCode, { from, to });
//
// Tables: none. Its data comes only from the views other modules publish as their read contract
// (migrations/0011_module_read_contracts.sql, docs/modules.md): the dossiers module's dossier_facts, dossier_file_facts,
// dossier_payment_facts; the back office's supplement_facts, rating_facts, feedback_facts, consultation_facts. Only
// repo.ts and repo-agencies.ts read them.
import type { Module } from '../../platform/module.ts';
import { qualityRoutes } from './routes.ts';

export const qualityModule: Module = {
  name: 'quality',
  routes: qualityRoutes,
};

export { qualityFigures, agencyTable, publicAgencyFigures, qualityViewer, type QualityReport, type AgencyTableRow, type PublicFigures, type AgencyRef } from './service.ts';
export { parseQualityQuery, currentMonth, lastTwelveMonths, type QualityFilter } from './filter.ts';
export { QualityErrors } from './errors.ts';
export type { Figures } from './figures.ts';
export type { Evaluation } from './indices.ts';
