// What one clause of a fee text says: amounts in đồng and what each pays for, a period of validity, a channel, a
// percentage of the standing rate, an exemption. The fee parser (fees.ts) turns clauses into rules.
import type { Channel } from '../schema.ts';

// An amount in đồng: "135.000 đồng", "20.000Đ", "25.000.000đ", "50,000 VNĐ", "5 triệu đồng". The currency must not
// run into a word ("01 đơn" is no amount).
const AMOUNT = /(?<![\d\p{L}/.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(triệu\s*(?:đồng|đ|vnđ)?|đồng|vnđ|vnd|đ)(?![\p{L}\d])/giu;
// What the amount pays for: "/lần", "/01 Giấy chứng nhận", "/thẻ căn cước", "/người/lần đăng ký".
const PER = /^\s*\/\s*(?:0?1\s+)?([\p{L}][\p{L}\s“”"-]{0,40}?)(?=\s*(?:[/.,;:()+]|\s-\s|\s(?:kể|từ|áp|đối|theo|trường|khi|nếu)\s|$))/iu;
/** Counts the applicant gives: the amount is multiplied by them, so no total is known before the counter. */
const QUANTITY = /^(trang|bản|người|khẩu|chiếc|tấn|gt|kg|m2|m²|m3|ha|con|cây|km|sản phẩm|lô|mẫu|chỉ tiêu|mặt hàng|tàu|phương tiện)/iu;

export interface AmountFound {
  amount: number;
  /** Where the amount starts in the clause. */
  index: number;
  per: string | null;
  perQuantity: boolean;
}

/** "1.025.000" or "1,025,000" → 1025000; "1,5" → 1.5. */
export function readNumber(s: string): number {
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return Number(s.replace(',', '.'));
}

/** The unit an amount pays for, from the text right after it ("/trang; …" → "trang"). */
export function perUnit(after: string): { per: string | null; perQuantity: boolean } {
  const m = PER.exec(after);
  const per = m?.[1]?.trim().replace(/\s+/g, ' ') ?? null;
  return { per: per || null, perQuantity: per !== null && QUANTITY.test(per) };
}

export function amountsIn(text: string): AmountFound[] {
  const out: AmountFound[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const digits = m[1] ?? '';
    const million = (m[2] ?? '').toLowerCase().startsWith('triệu');
    // "3000.000 đồng", "10.000.0000 đồng": malformed figures of the source are no amount (only millions take decimals).
    if (!million && /[.,]/.test(digits) && !/^\d{1,3}([.,]\d{3})+$/.test(digits)) continue;
    const n = readNumber(digits);
    const amount = Math.round(million ? n * 1_000_000 : n);
    const index = m.index ?? 0;
    if (Number.isFinite(amount)) out.push({ amount, index, ...perUnit(text.slice(index + m[0].length)) });
  }
  return out;
}

const DATE = String.raw`(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:\/|-|\.|\s+năm\s+)\s*(\d{4})`;
const RANGE = new RegExp(String.raw`từ\s+(?:ngày\s+)?${DATE}\s*,?\s*(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?${DATE}`, 'iu');
const UNTIL = new RegExp(String.raw`(?:đến|tới)\s+(?:hết\s+)?ngày\s+${DATE}`, 'iu');
const FROM = new RegExp(String.raw`từ\s+(?:ngày\s+)?${DATE}`, 'iu');

function isoDate(d: string | undefined, m: string | undefined, y: string | undefined): string | null {
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1990 && year <= 2100)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Period {
  from: string | null;
  to: string | null;
}

/** "Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025", "áp dụng đến hết ngày 31/12/2026", "Từ ngày 01/01/2026 …". */
export function periodIn(text: string): Period | null {
  const r = RANGE.exec(text);
  if (r) {
    const from = isoDate(r[1], r[2], r[3]);
    const to = isoDate(r[4], r[5], r[6]);
    if (from && to && from <= to) return { from, to };
  }
  const u = UNTIL.exec(text);
  if (u) {
    const to = isoDate(u[1], u[2], u[3]);
    if (to) return { from: null, to };
  }
  const f = FROM.exec(text);
  if (f) {
    const from = isoDate(f[1], f[2], f[3]);
    if (from) return { from, to: null };
  }
  return null;
}

const ONLINE = /trực\s+tuy[ếể]n|qua\s+mạng|cổng\s+dịch\s+vụ\s+công|phương\s+thức\s+điện\s+tử|môi\s+trường\s+điện\s+tử|mạng\s+điện\s+tử/iu;
const DIRECT = /nộp\s+(?:hồ\s+sơ\s+)?trực\s+tiếp|trực\s+tiếp\s+tại/iu;
const POST = /bưu\s+chính/iu;

/** The one channel a clause is written for ("Trường hợp … nộp hồ sơ theo hình thức trực tuyến"); null: none or several. */
export function channelIn(text: string): Channel | null {
  const found: Channel[] = [];
  if (ONLINE.test(text)) found.push('online');
  if (DIRECT.test(text)) found.push('direct');
  if (POST.test(text)) found.push('post');
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** "bằng 50% mức thu" → 50; "giảm 20%" → 80. */
export function percentIn(text: string): number | null {
  const cut = /giảm\s+(\d{1,3}(?:[.,]\d+)?)\s*%/iu.exec(text);
  if (cut) {
    const p = 100 - readNumber(cut[1] ?? '');
    return p > 0 && p < 100 ? p : null;
  }
  const share = /(?:bằng\s+)?(\d{1,3}(?:[.,]\d+)?)\s*%\s*(?:mức|của\s+mức|số)/iu.exec(text) ?? /bằng\s+(\d{1,3}(?:[.,]\d+)?)\s*%/iu.exec(text);
  if (share) {
    const p = readNumber(share[1] ?? '');
    return p > 0 && p <= 100 ? p : null;
  }
  return null;
}

// An exemption: "Miễn phí …", "Miễn lệ phí …", "miễn thu …"; not the title of Circular 64/2025/TT-BTC ("quy định
// mức thu, miễn một số khoản phí, lệ phí nhằm hỗ trợ …"), which many texts cite.
const EXEMPTION = /(^|[\s(])miễn(?!\s+một\s+số)(\s+(phí|lệ\s+phí|thu|nộp))?(?![\p{L}])/iu;

/** Where the clause grants an exemption, or -1. */
export function exemptionAt(text: string): number {
  return EXEMPTION.exec(text)?.index ?? -1;
}

/**
 * The clauses of a description: "- …", "+ …", "* …", "; …", new lines, and sentences ("…/lần. Trường hợp …"). A
 * period does not end a clause inside a number or a document number ("64/2025/TT-BTC ngày 30/6/2025.").
 */
export function clausesOf(text: string): string[] {
  return text
    .split(/(?:^|\s)[-+•*]\s+|;\s*|\n+|\t+|\.\s+(?=[A-ZĐÀ-Ỹ])/u)
    .map((c) => c.trim())
    .filter((c) => /[\p{L}\d]/u.test(c));
}

/** The words before an amount, as its label: "Lệ phí cấp giấy phép lái xe: 135.000 đồng" → "Lệ phí cấp giấy phép lái xe". */
export function labelBefore(clause: string, index: number): string {
  return clause
    .slice(0, index)
    .replace(/^[\s\-+•*(]+/, '')
    .replace(/[\s:–-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
