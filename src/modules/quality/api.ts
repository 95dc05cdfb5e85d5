// GET /api/v1/stats: the figures and indices of a filter as JSON (snake_case), for staff by bearer token or session,
// with the same access rules as the dashboard. The schema below also makes the OpenAPI document.
import type { QualityReport } from './service.ts';
import { share as share_ } from './figures.ts';
import type { Evaluation } from './indices.ts';

const text = { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } }, required: ['vi', 'en'] } as const;
const int = { type: 'integer' } as const;
const share = { type: ['number', 'null'], minimum: 0, maximum: 1, description: 'Tỷ lệ 0–1 (null khi không có mẫu số) / share 0–1 (null when nothing was counted)' } as const;
const error = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, status: int, message: text, fields: { type: 'array', items: { type: 'object', additionalProperties: true } } } } },
} as const;

const evaluation = {
  type: 'object',
  properties: {
    law: text,
    total: { type: 'number' },
    max: { type: 'number' },
    incomplete: { type: 'boolean' },
    band: { anyOf: [text, { type: 'null' }] },
    indices: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          number: { type: 'string' },
          title: text,
          formula: text,
          computation: text,
          data_note: { anyOf: [text, { type: 'null' }] },
          counts: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, label: text, value: int } } },
          score: { type: ['number', 'null'] },
          max: { type: 'number' },
        },
      },
    },
  },
} as const;

export const statsSchema = {
  tags: ['stats'],
  summary: 'Số liệu chất lượng giải quyết hồ sơ / Service-quality figures',
  description:
    'Số liệu của một cơ quan (tiếp nhận hoặc giải quyết) hoặc toàn thành phố trong một kỳ (ngày Việt Nam, tối đa một năm; mặc định tháng hiện tại), ' +
    'lọc theo lĩnh vực và thủ tục; chín chỉ số của Thông tư 01/2018/TT-VPCP và năm nhóm của Quyết định 766/QĐ-TTg, mỗi chỉ số kèm cách tính. ' +
    'Cán bộ chỉ xem được cơ quan mình; lãnh đạo, quản trị cấp thành phố xem mọi cơ quan và toàn thành phố (bỏ trống `agency`). ' +
    'Figures of one agency (receiving or handling) or of the whole city for a period (Vietnam dates, at most a year; the current month by ' +
    'default), by field and procedure; the nine indices of Circular 01/2018 and the five groups of Decision 766, each with how it was computed. ' +
    'Staff see their own agency; the city’s leaders and administrators any agency and the city (leave `agency` out).',
  security: [{ bearer: [] }],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      agency: { type: 'string', pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$', examples: ['000.01.51.H26'] },
      from: { type: 'string', format: 'date', examples: ['2026-03-01'] },
      to: { type: 'string', format: 'date', examples: ['2026-03-31'] },
      procedure: { type: 'string', pattern: '^[0-9]\\.[0-9]{6}(\\.[A-Za-z0-9]{1,12})?$', examples: ['1.001193'] },
      field: { type: 'string', maxLength: 200, examples: ['Hộ tịch'] },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        agency: { anyOf: [{ type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, name_en: { type: ['string', 'null'] }, kind: { type: 'string' } } }, { type: 'null' }] },
        field: { type: ['string', 'null'] },
        procedure: { type: ['string', 'null'] },
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
        figures: {
          type: 'object',
          properties: {
            received: int,
            online: int,
            counter: int,
            full_online: int,
            refused: int,
            with_fees: int,
            paid_online: int,
            digitised: int,
            in_progress: { type: 'object', properties: { total: int, on_time: int, overdue: int, paused: int, as_of: { type: 'string', format: 'date-time' } } },
            resolved: { type: 'object', properties: { total: int, early: int, on_time: int, late: int, returned: int, electronic_result: int } },
            on_time_rate: share,
            average_days: { type: ['number', 'null'] },
            average_working_days: { type: ['number', 'null'] },
            online_share: share,
            full_online_share: share,
            online_payment_share: share,
            satisfaction: { type: 'object', properties: { count: int, average: { type: ['number', 'null'] }, satisfied_share: share } },
            catalogue: {
              type: 'object',
              description: 'Thủ tục thuộc phạm vi trong danh mục / procedures in scope in the catalogue',
              properties: { total: int, online: int, full_online: int, complete: int, full_online_share: share },
            },
            granularity: { type: 'string', enum: ['day', 'month'] },
            series: {
              type: 'array',
              items: {
                type: 'object',
                properties: { period: { type: 'string' }, received: int, online: int, counter: int, resolved: int, early: int, on_time: int, late: int, on_time_rate: share },
              },
            },
          },
        },
        circular_01: evaluation,
        decision_766: evaluation,
      },
    },
    400: error,
    401: error,
    403: error,
    404: error,
  },
} as const;

function evaluationJson(e: Evaluation) {
  return {
    law: e.law,
    total: e.total,
    max: e.max,
    incomplete: e.incomplete,
    band: e.band,
    indices: e.indices.map((i) => ({ key: i.key, number: i.number, title: i.title, formula: i.formula, computation: i.computation, data_note: i.dataNote, counts: i.counts, score: i.score, max: i.max })),
  };
}

export function statsJson(r: QualityReport) {
  const f = r.figures;
  return {
    agency: r.agency ? { code: r.agency.code, name: r.agency.name, name_en: r.agency.nameEn, kind: r.agency.kind } : null,
    field: r.field,
    procedure: r.procedureCode,
    from: r.from,
    to: r.to,
    figures: {
      received: f.received,
      online: f.online,
      counter: f.counter,
      full_online: f.fullOnline,
      refused: f.refused,
      with_fees: f.withFees,
      paid_online: f.paidOnline,
      digitised: f.digitised,
      in_progress: { total: f.inProgress.total, on_time: f.inProgress.onTime, overdue: f.inProgress.overdue, paused: f.inProgress.paused, as_of: f.inProgress.asOf.toISOString() },
      resolved: { total: f.resolved.total, early: f.resolved.early, on_time: f.resolved.onTime, late: f.resolved.late, returned: f.resolved.returned, electronic_result: f.resolved.electronicResult },
      on_time_rate: f.onTimeRate,
      average_days: f.averageDays,
      average_working_days: f.averageWorkingDays,
      online_share: f.onlineShare,
      full_online_share: f.fullOnlineShare,
      online_payment_share: f.onlinePaymentShare,
      satisfaction: { count: f.satisfaction.count, average: f.satisfaction.average, satisfied_share: f.satisfaction.satisfiedShare },
      catalogue: { total: f.catalogue.total, online: f.catalogue.online, full_online: f.catalogue.fullOnline, complete: f.catalogue.complete, full_online_share: share_(f.catalogue.fullOnline, f.catalogue.total) },
      granularity: f.granularity,
      series: f.series.map((p) => ({ period: p.key, received: p.received, online: p.online, counter: p.counter, resolved: p.resolved, early: p.early, on_time: p.onTime, late: p.late, on_time_rate: p.onTimeRate })),
    },
    circular_01: evaluationJson(r.circular01),
    decision_766: evaluationJson(r.decision766),
  };
}
