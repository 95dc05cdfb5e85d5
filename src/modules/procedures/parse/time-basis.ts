// The processing time when the time field gives no unit ("1", "Không có thông tin") but the procedure's own text
// states it. Only sentences about returning the result count, in this order:
// 1. the same-day rule of one-stop desks: "ngay trong ngày …; nếu tiếp nhận hồ sơ sau 15 giờ thì trả kết quả trong
//    ngày làm việc tiếp theo" (Law on Civil Status 2014 Art. 16; Decree 23/2015 Art. 7), with no other number
//    in the time field than 0 or 1: a 'within_day' deadline, which the calendar counts exactly so;
// 2. "Thời hạn giải quyết: …" in a channel's description or the fee text;
// 3. a channel's description that is a processing time ("07 ngày làm việc, kể từ ngày nhận đủ hồ sơ …");
// 4. a sentence of the steps that gives the days from receipt to the result ("Cơ quan đăng ký kinh doanh cấp xã cấp
//    Giấy chứng nhận … trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ"), not a completeness check, a request
//    for more papers, an appraisal or a consultation; with a bare number N in the time field, only N days, and only
//    when the sentences agree on the unit.
// 5. with a bare number N ≥ 2 in the time field ("5"), the unit the procedure's own text counts in: when every
//    period of its steps and channel descriptions is in one unit (all "ngày làm việc", or all "ngày"; hours or months
//    anywhere make it unsure) and N itself appears in that unit ("05 ngày làm việc"). A bare "1" is too often a
//    placeholder of the portal to take a unit this way.
// Several values: the shortest, as for the time field (parse/time.ts). The sentence used becomes the basis.
import type { ProcessingTime, TimeUnit } from '../schema.ts';

export interface ProcedureTexts {
  /** The channels' descriptions (cách thức thực hiện). */
  descriptions: readonly string[];
  steps: string;
  fees: string;
}

interface Found {
  amount: number | null;
  unit: TimeUnit;
  sentence: string;
}

const N = String.raw`(\d{1,3})\s*(?:\([\p{L}\s]{1,20}\)\s*)?`;
const UNIT = String.raw`(ngày\s+làm\s+việc|ngày|giờ\s+làm\s+việc|giờ)(?![\p{L}])`;
const FROM_RECEIPT = String.raw`\s*,?\s*(?:kể|tính)\s+từ\s+(?:ngày|khi|thời\s+điểm)\s+(?:cơ\s+quan\s+[\p{L}\s]{0,40})?(?:tiếp\s+)?nhận`;
// On the same line only: "Thời hạn giải quyết:" over a list of phases (receipt, appraisal, decision) is no one time.
const STATED = /thời[ \t]+hạn[ \t]+giải[ \t]+quyết(?:[ \t]+hồ[ \t]+sơ)?[ \t]*:[ \t]*([^\n;]{1,200})/giu;
// A sentence of the steps counts when it gives the result, not when it checks the file, asks for more or consults.
const RESULT = /\b(?:cấp|trả\s+kết\s+quả|quyết\s+định|công\s+bố|chấp\s+thuận|ban\s+hành|phê\s+duyệt)/iu;
// "… cấp Giấy chứng nhận đăng ký hộ kinh doanh … trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ": the result.
// Not "việc cấp giấy phép" or "người xin cấp Giấy xác nhận" (about the result, not issuing it).
const ISSUES = /(?<!(?:việc|xin|nghị)\s)(?:cấp\s+(?:giấy|lại\s+giấy|đổi\s+giấy|đăng\s+ký\s+doanh)|trả\s+kết\s+quả|ra\s+quyết\s+định)/iu;
const ASKS_MORE = /bổ\s+sung|hoàn\s+thiện\s+hồ\s+sơ/iu;
// What the applicant hands in, as the steps name it after "kể từ ngày nhận".
const APPLICATION = String.raw`(?:(?:đủ|đầy\s+đủ)\s+)?(?:hồ\s+sơ|đơn|văn\s+bản\s+đề\s+nghị|giấy\s+đề\s+nghị|tờ\s+khai)`;
const FROM_AGENCY = /^[^.;]{0,40}?(?:\s(?:của|từ)\s+(?:Cục|Bộ|Sở|Chủ\s+tịch|Ủy\s+ban|Uỷ\s+ban|cơ\s+quan|Ban)|\strình|\sthẩm\s+định)/u;
const CHECK_ONLY = /tính\s+(?:đầy\s+đủ|hợp\s+lệ)|bổ\s+sung|kế\s+hoạch\s+kiểm\s+tra/iu;
const NOT_RESULT = /tính\s+(?:đầy\s+đủ|hợp\s+lệ)|bổ\s+sung|thành\s+phần\s+hồ\s+sơ|sửa\s+đổi|xác\s+minh|lấy\s+ý\s+kiến|kế\s+hoạch|thẩm\s+định|kiểm\s+tra|khắc\s+phục|trình\s/iu;
const DESCRIBED = new RegExp(String.raw`^[\s\-+*:]*(?:trong\s+thời\s+hạn|không\s+quá|chậm\s+nhất|trong\s+vòng)?\s*${N}${UNIT}${FROM_RECEIPT}`, 'iu');
const IMMEDIATE = /^\s*(?:ngay\s+trong\s+ngày|ngay\s+sau\s+khi\s+(?:tiếp\s+)?nhận|trong\s+ngày\s+làm\s+việc)/iu;

function approxDays(f: Found): number {
  if (f.unit === 'within_day') return 0;
  const n = f.amount ?? Infinity;
  return f.unit === 'working_days' ? (n * 7) / 5 : f.unit === 'hours' ? n / 8 : n;
}

function unitOf(word: string): TimeUnit {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('giờ')) return 'hours';
  return w === 'ngày làm việc' ? 'working_days' : 'calendar_days';
}

/** The sentence around a match, for the basis shown with the time. */
function sentenceAt(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('\n', index), text.lastIndexOf('. ', index) + 1, 0);
  const ends = [text.indexOf('\n', index), text.indexOf('. ', index)].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) + 1 : text.length;
  return text.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** What the sentence says is done within the time: up to the next ";" or ".", without document references. */
function clauseAfter(text: string, index: number): string {
  const rest = text.slice(index, index + 200);
  const end = rest.search(/[;.](\s|$)/);
  return (end >= 0 ? rest.slice(0, end) : rest).replace(/ban\s+hành\s+kèm\s+theo/giu, '');
}

function timeIn(phrase: string, sentence: string): Found | undefined {
  // A completeness check or an inspection plan is a step, not the time to the result; "02 ngày làm việc và 45 ngày"
  // is a sum of phases.
  if (CHECK_ONLY.test(phrase) || /\d\s*(?:ngày|giờ)[^;.]{0,30}\svà\s+\d/iu.test(phrase)) return undefined;
  if (IMMEDIATE.test(phrase)) return { amount: null, unit: 'within_day', sentence };
  const m = new RegExp(`${N}${UNIT}`, 'iu').exec(phrase);
  if (!m) return undefined;
  const amount = Number(m[1]);
  return amount > 0 ? { amount, unit: unitOf(m[2] ?? ''), sentence } : undefined;
}

function sameDay(texts: ProcedureTexts, bare: number | null): Found | undefined {
  if (bare !== null && bare > 1) return undefined;
  for (const t of [...texts.descriptions, texts.steps]) {
    const at = t.search(/sau\s+15\s+giờ/iu);
    if (at < 0) continue;
    const sentence = sentenceAt(t, at);
    if (/ngày\s+làm\s+việc\s+tiếp\s+theo/iu.test(sentence)) return { amount: null, unit: 'within_day', sentence };
  }
  return undefined;
}

function stated(texts: ProcedureTexts): Found[] {
  const out: Found[] = [];
  for (const t of [...texts.descriptions, texts.fees]) {
    for (const m of t.matchAll(STATED)) {
      const f = timeIn(m[1] ?? '', sentenceAt(t, m.index ?? 0));
      if (f) out.push(f);
    }
  }
  return out;
}

function described(texts: ProcedureTexts): Found[] {
  return texts.descriptions.flatMap((d) => {
    const m = DESCRIBED.exec(d);
    if (!m || !(Number(m[1]) > 0) || CHECK_ONLY.test(clauseAfter(d, m.index))) return [];
    return [{ amount: Number(m[1]), unit: unitOf(m[2] ?? ''), sentence: sentenceAt(d, m.index) }];
  });
}

/** Sentences of the steps that give the time from receipt to the result; with a bare number N, only N days. */
function resultSteps(texts: ProcedureTexts, bare: number | null): Found[] {
  const re = new RegExp(String.raw`(?<!\d)(\d{1,3})\s*(?:\([\p{L}\s]{1,20}\)\s*)?${UNIT}${FROM_RECEIPT}\s+(?:được\s+)?${APPLICATION}`, 'giu');
  return [...texts.steps.matchAll(re)].flatMap((m) => {
    const amount = Number(m[1]);
    if (!(amount > 0) || (bare !== null && amount !== bare)) return [];
    // Received from another agency ("hồ sơ của Cục …", "hồ sơ trình"): a later hop, not the applicant's submission.
    if (FROM_AGENCY.test(texts.steps.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 80))) return [];
    const at = m.index ?? 0;
    const sentence = sentenceAt(texts.steps, at);
    const what = clauseAfter(texts.steps, at);
    // The result is issued by the clause after the time, or by the words just before it ("… cấp Giấy chứng nhận …
    // trong thời hạn 03 ngày làm việc"); without a number in the time field to agree with, nothing weaker counts.
    const around = `${texts.steps.slice(Math.max(0, at - 160), at).split(/[.;\n]/).pop() ?? ''} ${what}`;
    const issues = ISSUES.test(around) && !ASKS_MORE.test(around);
    const gives = issues || (bare !== null && RESULT.test(what) && !NOT_RESULT.test(sentence));
    return gives ? [{ amount, unit: unitOf(m[2] ?? ''), sentence }] : [];
  });
}

const PERIOD = new RegExp(String.raw`(?<![\d.,])(\d{1,3})\s*(?:\([\p{L}\s]{1,20}\)\s*)?(ngày\s+làm\s+việc|ngày|tháng|giờ)(?![\p{L}])`, 'giu');

/** The one unit every period of the text is counted in, with the sentence giving N in it; undefined when unsure. */
function agreedUnit(texts: ProcedureTexts, bare: number | null): Found | undefined {
  if (bare === null || bare < 2 || !Number.isInteger(bare)) return undefined;
  const units = new Set<string>();
  let at: { text: string; index: number } | undefined;
  for (const t of [texts.steps, ...texts.descriptions]) {
    for (const m of t.matchAll(PERIOD)) {
      const word = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
      units.add(word);
      if (Number(m[1]) === bare) at ??= { text: t, index: m.index ?? 0 };
    }
  }
  const [word] = [...units];
  if (units.size !== 1 || at === undefined || (word !== 'ngày làm việc' && word !== 'ngày')) return undefined;
  return { amount: bare, unit: unitOf(word), sentence: sentenceAt(at.text, at.index) };
}

/** The time the procedure's other text states, for a time field without a unit; undefined when none is found. */
export function timeFromProcedureText(time: ProcessingTime, texts: ProcedureTexts): ProcessingTime | undefined {
  if (time.unit !== null) return undefined;
  // Months ("6 Tháng") are a unit, only not one the deadline engine counts: no day count stands for them.
  if (/tháng/iu.test(time.text)) return undefined;
  const bare = time.amount;
  const found = [sameDay(texts, bare)].filter((f): f is Found => f !== undefined);
  if (found.length === 0) found.push(...stated(texts));
  if (found.length === 0) found.push(...described(texts));
  if (found.length === 0 && (bare === null || bare >= 1)) {
    const steps = resultSteps(texts, bare);
    // Two units for the same number ("3 ngày" and "3 ngày làm việc") say nothing sure.
    if (new Set(steps.map((s) => s.unit)).size === 1) found.push(...steps);
  }
  if (found.length === 0) {
    const agreed = agreedUnit(texts, bare);
    if (agreed) found.push(agreed);
  }
  if (found.length === 0) return undefined;
  const best = found.reduce((a, b) => (approxDays(b) < approxDays(a) ? b : a));
  return { amount: best.amount, unit: best.unit, text: time.text, basis: best.sentence };
}
