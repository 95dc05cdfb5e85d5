// Fees (phí, lệ phí) as rules, from the national portal's text: one entry per channel ("cách thức thực hiện"), each
// "<amount> Việt Nam Đồng(<description>)" or "Miễn phí(<description>)", or free text ("Lệ phí: 50.000 đồng").
// The rules are alternatives (by channel, by case, by period), never lines to add up; fees.ts picks the one in force.
//
// How an entry is read:
// - The description is cut into clauses. A clause naming an amount in đồng gives an amount rule; with a period
//   ("kể từ ngày 01/7/2025 đến hết ngày 31/12/2026") it holds only then; with a channel ("nộp hồ sơ theo hình thức
//   trực tuyến") only there. A clause with a period or a channel and no amount gives a percentage ("bằng 50% mức
//   thu") or an exemption ("Miễn phí từ ngày 07/4/2026 đến 30/6/2026"), or, when it names neither, a text rule.
// - The structured amount is the standing rate only when the description names none: it is unreliable otherwise
//   ("135 VNĐ(Lệ phí …: 135.000 đồng/lần)", "1100 VNĐ(… 100.000 đồng/lần …)"), and an amount under 1.000 đồng alone
//   cannot be trusted (text rule, reported). "Miễn phí" is also written when the amount was only given in the
//   description ("Miễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần …)"), so it means free only when the
//   description is empty or says none is due ("Không", "Không quy định"); "Miễn phí(Mức thu do HĐND cấp tỉnh quy
//   định)" is a text rule, reported. Foreign currency ("100 USD") is a text rule, reported.
// - Several standing amounts for one channel are cases ("Cấp đổi …: 50.000 đồng", "Cấp lại …: 70.000 đồng").
// - A time-limited rate with no standing rate beside it leaves the standing rate as a text rule, reported.
// - A description that runs on into the channel's description field (an unclosed parenthesis) is read with it.
import { CHANNELS, type Channel, type FeeRule } from '../schema.ts';
import { amountsIn, channelIn, clausesOf, exemptionAt, labelBefore, percentIn, periodIn, perUnit, readNumber, type Period } from './fee-text.ts';

export interface FeeParse {
  rules: FeeRule[];
  /** True when the source says nothing ("", "Không có thông tin"). */
  empty: boolean;
  /** Why some part became a text rule; empty when every part became a rule that gives an amount. */
  problems: string[];
  /** The text of the first text rule, for the import report. */
  sample?: string;
}

/** One channel's fee text as the portal lists it. */
export interface ChannelFee {
  channel: Channel | null;
  fee: string;
  description: string;
}

const NO_INFO = /^(không có thông tin)?$/i;
const HEAD = /^\s*(?:(\d[\d.,]*)\s*(Việt Nam Đồng|VNĐ|VND|đồng|USD|EUR)|(Miễn phí)|(Không có thông tin))/i;
const ENTRY_SPLIT = /\s+\/\s+(?=(?:\d[\d.,]*\s*(?:Việt Nam Đồng|VNĐ|VND|USD|EUR)|Miễn phí|Không có thông tin))/i;
const NOTHING_DUE = /^[-\s(]*(không|miễn)/i;
const ALL_FREE = /^(không|không thu|miễn|miễn (phí|lệ phí|thu).*)\.?$/i;
/** A time-limited rate this many times the standing one is a typo of the source ("25.000.000đ" for 25.000 đồng). */
const IMPLAUSIBLE_FACTOR = 100;
const CASE_LABEL_MAX = 160;

interface Draft extends FeeRule {
  /** The channel comes from the clause's own words, not from the entry it is listed under. */
  explicit: boolean;
  label: string;
}

const problemsOf = (drafts: Draft[]): string[] => drafts.flatMap((d) => (d.kind === 'text' ? [d.label] : []));

function rule(kind: FeeRule['kind'], text: string, fields: Partial<Draft> = {}): Draft {
  return { kind, channel: null, case: null, amount_dong: null, percent: null, per: null, per_quantity: false, from: null, to: null, text, explicit: false, label: '', ...fields };
}

function withPeriod(p: Period | null): Partial<Draft> {
  return p ? { from: p.from, to: p.to } : {};
}

/** The rules one clause gives: one, or an amount and its time-limited exemption ("15.000.000 đồng (Miễn phí từ …)"). */
function clauseRules(clause: string): Draft[] {
  const period = periodIn(clause);
  const channel = channelIn(clause);
  const where: Partial<Draft> = { ...withPeriod(period), ...(channel ? { channel, explicit: true } : {}) };
  const exemption = exemptionAt(clause);
  // "0.000đ/giấy thông hành" is a typo of the source, not a free rate: no fee is under 1.000 đồng.
  const [first] = amountsIn(clause).filter((a) => a.amount >= 1000);
  if (first) {
    const amount = { amount_dong: first.amount, per: first.per, per_quantity: first.perQuantity, label: labelBefore(clause, first.index) };
    if (period && exemption > first.index) return [rule('amount', clause, amount), rule('free', clause, where)];
    return [rule('amount', clause, { ...where, ...amount })];
  }
  if (!period && !channel) return [];
  const percent = percentIn(clause);
  if (percent !== null) return [rule('percent', clause, { ...where, percent })];
  if (exemption >= 0) return [rule('free', clause, where)];
  if (period) return [rule('text', clause, { ...where, label: 'rate for a period not stated' })];
  return [];
}

/** Strips the outer parentheses of "(…)" even when the closing one was cut off. */
function description(rest: string): string {
  let d = rest.trim();
  if (d.startsWith('(')) d = d.slice(1);
  if (d.endsWith(')') && (d.match(/\(/g)?.length ?? 0) < (d.match(/\)/g)?.length ?? 0)) d = d.slice(0, -1);
  return d.trim();
}

const standing = (d: Draft): boolean => d.from === null && d.to === null && d.kind !== 'percent';

/** The rules of one entry (one channel's fee, or one " / " part of the joined text). */
function parseEntry(entry: string): Draft[] {
  const text = entry.trim();
  const head = HEAD.exec(text);
  if (head?.[4]) return [];
  if (!head && ALL_FREE.test(text)) return [rule('free', text)];
  const desc = head ? description(text.slice(head[0].length)) : text;
  const fromDesc = clausesOf(desc).flatMap(clauseRules);
  const bases = fromDesc.filter((d) => standing(d) && d.kind !== 'text');
  const out = [...fromDesc];
  if (bases.length === 0) {
    const [base] = headRule(head, desc, text, fromDesc.length > 0);
    // "25,000 VNĐ(25.000đ/… (áp dụng đến hết ngày 31/12/2026 …)": the head repeats the time-limited rate.
    const repeats = base?.kind === 'amount' && fromDesc.some((d) => !standing(d) && d.amount_dong === base.amount_dong);
    if (repeats) out.unshift(rule('text', text, { label: 'standing rate not stated' }));
    else if (base) out.unshift(base);
  }
  // "- Nộp trực tiếp: 135.000 đồng. - Trường hợp … trực tuyến: từ … đến …: 115.000 đồng": the direct rate is the
  // standing one; the online rate is the time-limited exception to it.
  const exceptions = out.filter((d) => !standing(d) && d.explicit);
  for (const b of out.filter((d) => standing(d) && d.explicit)) {
    if (exceptions.length > 0 && exceptions.every((e) => e.channel !== b.channel) && !out.some((d) => standing(d) && d.channel === exceptions[0]?.channel)) {
      b.channel = null;
      b.explicit = false;
    }
  }
  const top = Math.max(0, ...out.filter((d) => standing(d) && d.amount_dong !== null).map((d) => d.amount_dong ?? 0));
  return out.map((d) =>
    top > 0 && !standing(d) && d.amount_dong !== null && d.amount_dong >= top * IMPLAUSIBLE_FACTOR
      ? { ...d, kind: 'text' as const, amount_dong: null, per: null, per_quantity: false, label: 'implausible amount' }
      : d,
  );
}

/** The rule the structured head gives when the description names no standing amount. */
function headRule(head: RegExpExecArray | null, desc: string, text: string, described: boolean): Draft[] {
  if (!head) return described ? [rule('text', text, { label: 'standing rate not stated' })] : [rule('text', text, { label: 'unrecognised' })];
  if (head[3]) {
    if (desc === '' || NOTHING_DUE.test(desc)) return [rule('free', text)];
    return [rule('text', text, { label: described ? 'standing rate not stated' : 'free, but the description names no amount' })];
  }
  const currency = (head[2] ?? '').toUpperCase();
  if (currency === 'USD' || currency === 'EUR') return [rule('text', text, { label: 'foreign currency' })];
  // The portal writes real amounts with separators ("2,000", "135,000"); "1100 VNĐ", "120 VNĐ" are corrupt.
  const amount = /^\d{1,3}([.,]\d{3})+$/.test(head[1] ?? '') ? readNumber(head[1] ?? '') : 0;
  if (!(Number.isInteger(amount) && amount >= 1000)) return [rule('text', text, { label: described ? 'standing rate not stated' : 'implausible amount' })];
  const per = perUnit(desc.replace(/^\s*(?:đồng|đ|vnđ)\b/iu, ''));
  return [rule('amount', text, { amount_dong: amount, per: per.per, per_quantity: per.perQuantity })];
}

const ruleKey = (d: Draft): string =>
  JSON.stringify([d.kind, d.explicit ? d.channel : '', d.amount_dong, d.percent, d.per, d.per_quantity, d.from, d.to, d.label, d.text]);

/** One list from the entries: a rule every channel lists alike applies to every channel. */
function merge(entries: { channel: Channel | null; drafts: Draft[] }[]): Draft[] {
  const channels = new Set(entries.map((e) => e.channel));
  const byKey = new Map<string, { draft: Draft; channels: Set<Channel | null> }>();
  for (const e of entries) {
    for (const d of e.drafts) {
      const key = ruleKey(d);
      const seen = byKey.get(key) ?? { draft: d, channels: new Set() };
      seen.channels.add(e.channel);
      byKey.set(key, seen);
    }
  }
  const out: Draft[] = [];
  for (const { draft, channels: listed } of byKey.values()) {
    if (draft.explicit) out.push(draft);
    else if (listed.size === channels.size) out.push({ ...draft, channel: null });
    else for (const c of listed) out.push({ ...draft, channel: c });
  }
  return out;
}

/** Several standing rules a channel sees are its cases: each is named by its label or its text. */
function nameCases(drafts: Draft[]): void {
  for (const c of [null, ...CHANNELS]) {
    const seen = drafts.filter((d) => standing(d) && d.case === null && (d.channel === null || d.channel === c));
    const distinct = new Set(seen.map((d) => JSON.stringify([d.kind, d.amount_dong, d.per])));
    if (distinct.size < 2) continue;
    for (const d of seen) d.case = (d.label && d.kind !== 'text' ? d.label : d.text).slice(0, CASE_LABEL_MAX);
  }
}

function finish(drafts: Draft[]): FeeParse {
  nameCases(drafts);
  const problems = [...new Set(problemsOf(drafts))];
  const rules: FeeRule[] = drafts.map(({ explicit: _e, label: _l, ...r }) => r);
  const out: FeeParse = { rules, empty: false, problems };
  const sample = rules.find((r) => r.kind === 'text');
  if (sample) out.sample = sample.text;
  return out;
}

/** Parenthesis left open: the channel's description field carries on the fee text ("… (nếu có yêu cầu)" + "…)"). */
function runsOn(fee: string): boolean {
  return (fee.match(/\(/g)?.length ?? 0) > (fee.match(/\)/g)?.length ?? 0);
}

/**
 * The fee rules of a procedure, from its channels' fee texts when it lists them, otherwise from the joined text
 * (every " / " part then applies to every channel).
 */
export function parseFees(input: string | null | undefined, channels: readonly ChannelFee[] = []): FeeParse {
  const text = (input ?? '').trim();
  const listed = channels.filter((c) => !NO_INFO.test(c.fee.trim()));
  if (listed.length > 0) {
    const entries = listed.map((c) => ({ channel: c.channel, drafts: parseEntry(runsOn(c.fee) ? `${c.fee} ${c.description}` : c.fee) }));
    if (entries.every((e) => e.drafts.length === 0)) return { rules: [], empty: true, problems: [] };
    return finish(merge(entries));
  }
  if (NO_INFO.test(text)) return { rules: [], empty: true, problems: [] };
  const parts = HEAD.test(text) ? text.split(ENTRY_SPLIT) : [text];
  const drafts = merge([{ channel: null, drafts: parts.flatMap(parseEntry) }]);
  if (drafts.length === 0) return { rules: [], empty: true, problems: [] };
  return finish(drafts);
}
