// The fee that applies: one evaluation of a version's fee rules for a date and a channel (and a case, when the
// applicant's is known), used wherever a fee is shown or charged: the procedure page and API, the submission form,
// the dossier's charge, its receipt, Form 01, the receipt e-mail and the VietQR code.
//
// The rules are alternatives. Of those written for the channel (or for every channel) and in force on the date, for
// each case the most specific wins: a time-limited rate over the standing one, a rule written for the channel over
// one for every channel. A percentage is taken of the case's standing amount. The charge is one number only when
// every case comes to the same fixed amount; otherwise (the amount depends on the case, on a count of pages or
// copies, or on a rule the text does not put in figures) it is settled at the counter.
import type { Channel, FeeRule } from './schema.ts';

export interface FeeQuoteLine {
  /** The case as the text names it; null when the rule applies to every case. */
  case: string | null;
  rule: FeeRule;
  /** The rule's amount (per unit when it counts pages, copies…), a percentage worked out, 0 when free; null when not in figures. */
  amountDong: number | null;
}

export interface FeeQuote {
  date: string;
  channel: Channel;
  /** Whether the published text states any fee for this channel. */
  stated: boolean;
  /** What to charge on submission; null when only the counter can settle it (see above). */
  amountDong: number | null;
  lines: FeeQuoteLine[];
  /** The channel's rules no longer in force on the date, and those not yet in force. */
  expired: FeeRule[];
  upcoming: FeeRule[];
}

export interface FeeQuery {
  /** YYYY-MM-DD, the Vietnam date of submission. */
  date: string;
  channel: Channel;
  /** The applicant's case, as a rule names it; all cases when absent or unknown. */
  case?: string | undefined;
}

const inForce = (r: FeeRule, date: string): boolean => (r.from === null || r.from <= date) && (r.to === null || date <= r.to);
const specificity = (r: FeeRule): number => (r.from !== null || r.to !== null ? 2 : 0) + (r.channel !== null ? 1 : 0);
const standing = (r: FeeRule): boolean => r.from === null && r.to === null;

function lineAmount(r: FeeRule, candidates: readonly FeeRule[]): number | null {
  switch (r.kind) {
    case 'amount':
      return r.amount_dong;
    case 'free':
      return 0;
    case 'text':
      return null;
    case 'percent': {
      const base = best(candidates.filter((c) => c.kind === 'amount' && standing(c)))[0];
      return base?.amount_dong != null && r.percent !== null ? Math.round((base.amount_dong * r.percent) / 100) : null;
    }
  }
}

/** The most specific rules (several only when equally specific). */
function best(rules: readonly FeeRule[]): FeeRule[] {
  const top = Math.max(-1, ...rules.map(specificity));
  return rules.filter((r) => specificity(r) === top);
}

/** The fee a dossier of this version pays on `date` through `channel` (see the rules at the top). */
export function feeFor(version: { feeRules: readonly FeeRule[] }, q: FeeQuery): FeeQuote {
  const mine = version.feeRules.filter((r) => r.channel === null || r.channel === q.channel);
  const now = mine.filter((r) => inForce(r, q.date));
  const named = [...new Set(now.flatMap((r) => (r.case === null ? [] : [r.case])))];
  const cases: (string | null)[] = q.case !== undefined && named.includes(q.case) ? [q.case] : named.length > 0 ? named : [null];
  const lines: FeeQuoteLine[] = [];
  for (const c of cases) {
    const candidates = now.filter((r) => r.case === c || r.case === null);
    const seen = new Set<string>();
    for (const r of best(candidates)) {
      const amountDong = lineAmount(r, candidates);
      const key = JSON.stringify([amountDong, r.kind, r.per]);
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push({ case: c, rule: r, amountDong });
    }
  }
  const amounts = new Set(lines.map((l) => (l.amountDong === null || l.rule.per_quantity ? null : l.amountDong)));
  const only = amounts.size === 1 ? [...amounts][0] : null;
  return {
    date: q.date,
    channel: q.channel,
    stated: mine.length > 0,
    amountDong: mine.length === 0 ? 0 : (only ?? null),
    lines,
    expired: mine.filter((r) => r.to !== null && r.to < q.date),
    upcoming: mine.filter((r) => r.from !== null && r.from > q.date),
  };
}

/** A quote per channel of the version, for pages and the API. */
export function feesToday(version: { feeRules: readonly FeeRule[]; channels: readonly Channel[] }, date: string): FeeQuote[] {
  return version.channels.map((channel) => feeFor(version, { date, channel }));
}
