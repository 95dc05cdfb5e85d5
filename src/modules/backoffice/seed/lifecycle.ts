// How a seeded dossier's year goes: receipt check (refusal, request to supplement, acceptance), appraisal (a second
// request to supplement within 3 working days, consultations for liên thông), approval, result and its return, with
// the proportions seen at one-stop desks: most results early or on the due date, a few late, some of those with an
// apology beforehand. The plan runs to its end; only what happened before `now` is kept (Story.finish).
import { CRITERION_KEYS } from '../citizen/criteria.ts';
import type { SeedContext } from './context.ts';
import { accept, apologize, approve, askSupplement, completeSupplement, consult, received, recordResult, refuse, reject, reply, returnResult, submit } from './actions.ts';
import type { Rng } from './random.ts';
import type { ConsultationRow, RatingRow, SeededDossier, Status } from './rows.ts';
import { Story, type StoryBase } from './story.ts';

/** Shares of the outcomes (tuned so a year reads like the city's published figures: ~93 % on time, a few % late). */
export const P = {
  refuse: 0.02,
  supplementReceipt: 0.05,
  supplementAppraisal: 0.025,
  /** Of those asked to supplement, the applicants who never come back. */
  neverBack: 0.12,
  late: 0.05,
  onDueDay: 0.25,
  apologyIfLate: 0.35,
  reject: 0.015,
  rated: 0.25,
  unpaid: 0.04,
} as const;

const RATING_COMMENTS = ['Cán bộ hướng dẫn tận tình, chu đáo.', 'Trả kết quả đúng hẹn.', 'Thủ tục nhanh gọn.', 'Thời gian chờ còn lâu.', 'Cần hướng dẫn rõ hơn về thành phần hồ sơ.'];

function begin(ctx: SeedContext, base: StoryBase, receivedOm: number): Story {
  const receivedAt = new Date(ctx.work.at(receivedOm).getTime() + base.rng.int(0, 59) * 1000);
  const p = base.procedure;
  const s = new Story(ctx, base, receivedAt, ctx.work.deadline(receivedAt, p.time.amount, p.time.unit));
  received(s, receivedOm);
  return s;
}

function returnMethod(rng: Rng, base: StoryBase): 'counter' | 'post' | 'online' {
  if (base.channel === 'online') {
    if (base.procedure.onlineLevel === 'full') return 'online';
    return rng.chance(0.35) ? 'online' : rng.chance(0.4) ? 'post' : 'counter';
  }
  return rng.chance(0.85) ? 'counter' : 'post';
}

/** How long after the result it is handed over: at once online, a few days by post or at the counter. */
function returnDelay(rng: Rng, method: 'counter' | 'post' | 'online', perDay: number): number {
  if (method === 'online') return rng.int(1, 30);
  if (method === 'post') return rng.int(perDay / 2, 2 * perDay);
  return rng.chance(0.6) ? rng.int(10, perDay) : rng.int(perDay, 5 * perDay);
}

function rating(rng: Rng, late: boolean, at: Date): RatingRow {
  const overall = late ? (rng.chance(0.3) ? 1 : rng.chance(0.6) ? 2 : 3) : rng.chance(0.8) ? 3 : rng.chance(0.8) ? 2 : 1;
  const near = () => Math.max(1, Math.min(3, overall + (rng.chance(0.2) ? rng.pick([-1, 1]) : 0)));
  // The survey's criteria (citizen/criteria.ts, Circular 01/2018 Art. 13): a late result is never "very satisfied" on time.
  const criteria = Object.fromEntries(CRITERION_KEYS.map((k) => [k, k === 'time' && late ? Math.min(near(), 2) : near()]));
  return { overall, criteria, ...(rng.chance(0.2) ? { comment: rng.pick(RATING_COMMENTS) } : {}), rated_at: at };
}

/** Fees: paid at the counter on receipt, or online soon after submitting (a few never pay). */
function settle(s: Story, out: SeededDossier & { paidAt?: Date }): void {
  const fee = s.base.procedure.feeDong;
  if (fee <= 0) return;
  const { rng } = s.base;
  const r = out.row;
  const paidAt = out.paidAt && (!r.finished_at || r.status !== 'refused' || out.paidAt <= r.finished_at) ? out.paidAt : undefined;
  const method = s.base.channel === 'counter' ? 'counter' : rng.chance(0.7) ? 'vietqr' : 'gateway';
  out.payment = { amount_dong: fee, method, status: paidAt ? 'paid' : r.status === 'refused' ? 'cancelled' : 'pending', created_at: r.received_at };
  if (paidAt) {
    out.payment.paid_at = paidAt;
    out.payment.provider_ref = `${method === 'counter' ? 'BL' : 'FT'}${rng.int(10_000_000, 99_999_999)}`;
    r.payment_status = 'paid';
  }
}

function paidOm(rng: Rng, base: StoryBase, receivedOm: number, perDay: number): number | undefined {
  if (base.channel === 'counter') return receivedOm + 1;
  return rng.chance(P.unpaid) ? undefined : receivedOm + rng.int(3, perDay);
}

function done(s: Story, receivedOm: number, extra: { returnedOm?: number; late?: boolean } = {}): SeededDossier {
  const { rng } = s.base;
  const perDay = s.ctx.work.perDay;
  const paid = paidOm(rng, s.base, receivedOm, perDay);
  const rated = extra.returnedOm !== undefined && rng.chance(P.rated) ? extra.returnedOm + rng.int(5, 3 * perDay) : undefined;
  const out = s.finish({ ...(paid === undefined ? {} : { paidOm: paid }), ...(rated === undefined ? {} : { ratedOm: rated }) });
  settle(s, out);
  if (out.ratedAt && out.row.status === 'returned') out.rating = rating(rng, out.row.outcome === 'late', out.ratedAt);
  delete out.paidAt;
  delete out.ratedAt;
  return out;
}

/** Appraisal, consultations, approval, result and return between `from` and the planned result `res`. */
function resolveBetween(s: Story, from: number, res: number, apology?: { om: number; newDueDate: string }): { returnedOm: number } {
  const { rng } = s.base;
  const { ctx } = s;
  const span = Math.max(4, res - from);
  let t = from;
  if (apology && apology.om > from) t = apologize(s, apology.om, apology.newDueDate);
  if (s.base.procedure.workflow === 'lien-thong') {
    const others = ctx.departments.filter((d) => d.id !== s.base.handlingId);
    const asked = rng.sample(others, rng.chance(0.6) ? 1 : 2);
    if (asked.length > 0) {
      const askOm = Math.max(t + 1, from + Math.round(span * 0.15));
      const dayIdx = Math.floor(askOm / ctx.work.perDay);
      const answerBy = ctx.work.at(ctx.work.endOf(dayIdx + Math.max(2, Math.ceil((s.base.procedure.legalWorkingDays ?? 5) * 0.3))) - 1);
      const dueAt = s.row.due_at && s.row.due_at < answerBy ? s.row.due_at : answerBy;
      const c = consult(s, askOm, asked, dueAt);
      t = c.om;
      const replies = c.rows.map(() => c.om + Math.round(span * rng.between(0.1, 0.4))).sort((a, b) => a - b);
      c.rows.forEach((row, i) => (t = reply(s, replies[i] ?? t + 1, row, c.rows.length - 1 - i)));
    }
  }
  t = submit(s, Math.max(t + 1, from + Math.round(span * 0.65)));
  if (rng.chance(P.reject)) {
    t = reject(s, Math.max(t + 1, from + Math.round(span * 0.95)));
  } else {
    t = approve(s, Math.max(t + 1, from + Math.round(span * 0.85)));
    t = recordResult(s, Math.max(t + 1, res));
  }
  const method = returnMethod(rng, s.base);
  return { returnedOm: returnResult(s, t + returnDelay(rng, method, ctx.work.perDay), method) };
}

/** A dossier left to the usual course of things. */
export function naturalDossier(ctx: SeedContext, base: StoryBase, receivedOm: number): SeededDossier {
  const { rng, procedure: p } = base;
  const { work } = ctx;
  const D = work.perDay;
  const s = begin(ctx, base, receivedOm);
  // The counter checks at once; an online dossier waits for the officer, mostly the same half-day.
  const check = () => (base.channel === 'counter' ? rng.int(3, 25) : rng.chance(0.8) ? rng.int(10, D / 2) : rng.int(D / 2, Math.round(D * 1.2)));
  if (rng.chance(P.refuse)) {
    refuse(s, receivedOm + check());
    return done(s, receivedOm);
  }
  let clock = receivedOm;
  let due = work.deadline(s.row.received_at, p.time.amount, p.time.unit);
  let t = receivedOm;
  if (rng.chance(P.supplementReceipt)) {
    const ask = askSupplement(s, t + check(), 'receipt');
    if (rng.chance(P.neverBack)) return done(s, receivedOm);
    clock = ask.om + rng.int(1, 10) * D + rng.int(-60, 60);
    due = work.deadline(work.at(clock), p.time.amount, p.time.unit);
    t = completeSupplement(s, clock, ask.row, 'received', due);
  }
  t = accept(s, t + (base.channel === 'counter' || t !== receivedOm ? rng.int(3, 30) : check()));
  // A second request only within 3 working days of the clock's start (Decree 61/2018; rules.checkSupplement).
  const window = work.endOf(Math.floor(clock / D) + 3) - 1;
  if (rng.chance(P.supplementAppraisal) && window > t + 10) {
    const ask = askSupplement(s, t + rng.int(10, Math.min(window - t, 2 * D)), 'appraisal');
    if (rng.chance(P.neverBack)) return done(s, receivedOm);
    clock = ask.om + rng.int(1, 8) * D + rng.int(-60, 60);
    due = work.deadline(work.at(clock), p.time.amount, p.time.unit);
    t = completeSupplement(s, clock, ask.row, 'processing', due);
  }
  const dueEnd = work.dueEnd(due);
  const dueIdx = work.indexOf(due.dueDate) ?? Math.floor((dueEnd - 1) / D);
  const dayStart = work.startOf(dueIdx);
  const lo = t + 5;
  const r = rng.next();
  let res: number;
  let apology: { om: number; newDueDate: string } | undefined;
  if (r < P.late) {
    res = Math.max(lo, dueEnd) + rng.int(1, 4 * D);
    const latest = work.endOf(dueIdx - 1) - 1;
    if (rng.chance(P.apologyIfLate) && latest > t + 10) {
      const om = Math.max(t + 5, latest - rng.int(0, 2 * D));
      apology = { om, newDueDate: work.day(Math.max(dueIdx + 1, Math.floor(res / D) + rng.int(0, 1))) };
    }
  } else if (r < P.late + P.onDueDay || dayStart <= lo) {
    res = Math.max(lo, dayStart + rng.int(0, Math.max(0, dueEnd - dayStart - 1)));
  } else {
    res = lo + Math.floor((dayStart - lo) * rng.next() ** 0.8);
  }
  const { returnedOm } = resolveBetween(s, t, res, apology);
  return done(s, receivedOm, { returnedOm });
}

/** A dossier made to stand in `target` now (demo inboxes): its actions spread from receipt to just before now. */
export function forcedDossier(ctx: SeedContext, base: StoryBase, receivedOm: number, target: Status): SeededDossier {
  const { rng } = base;
  const s = begin(ctx, base, receivedOm);
  const last = ctx.nowOm - 2;
  const quick = () => receivedOm + rng.int(3, 20);
  if (target === 'received') return done(s, receivedOm);
  if (target === 'refused') {
    refuse(s, quick());
    return done(s, receivedOm);
  }
  if (target === 'supplement') {
    askSupplement(s, quick(), 'receipt');
    return done(s, receivedOm);
  }
  const a = accept(s, quick());
  const chain: ((om: number) => number)[] = [];
  const lien = base.procedure.workflow === 'lien-thong';
  if (target === 'consulting' || (lien && target !== 'processing')) {
    const asked = rng.sample(ctx.departments.filter((d) => d.id !== base.handlingId), 1);
    let rows: { om: number; rows: ConsultationRow[] } | undefined;
    chain.push((om) => (rows = consult(s, om, asked, s.row.due_at ?? ctx.work.at(last))).om);
    if (target !== 'consulting') chain.push((om) => (rows?.rows[0] ? reply(s, om, rows.rows[0], 0) : om));
  }
  const after: Record<string, number> = { approval: 1, approved: 2, result_ready: 3, returned: 4 };
  const steps = [submit, approve, recordResult, (st: Story, om: number) => returnResult(st, om, returnMethod(rng, base))].slice(0, after[target] ?? 0);
  for (const step of steps) chain.push((om) => step(s, om));
  const gap = (last - a) / (chain.length + 1);
  chain.forEach((run, i) => run(a + Math.round(gap * (i + 1))));
  return done(s, receivedOm);
}
