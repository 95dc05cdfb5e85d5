// What the one-stop papers of Circular 01/2018/TT-VPCP (Forms 02–06) print: plain data, no database rows. The
// renderers are pure: the same data gives the same PDF. Instants are `Date`s and print in Vietnam time (UTC+7);
// a calendar date (a due date, a new return date) may be any instant of that day in Vietnam.

/** The person or organisation the dossier belongs to. */
export interface FormApplicant {
  name: string;
  /** Personal identification number (số định danh cá nhân) or an organisation's code: goes into the QR code. */
  personal_id: string;
  address: string;
  /** E.164 (+84…) as stored, or a national number; printed as 0912 345 678; left out when empty. */
  phone?: string | null;
  email?: string | null;
}

export interface FormAgency {
  /** The agency identifier (QCVN 102:2016, e.g. `000.00.20.H26`): in Form 06's QR code. */
  code: string;
  name: string;
  /** The superior body printed above the agency (e.g. `UBND Thành phố Hà Nội`); without it the agency is printed
   *  above "Bộ phận Tiếp nhận và Trả kết quả", as on Form 01. */
  parentName?: string | null;
}

export interface FormProcedure {
  /** The procedure's code in the national database (mã TTHC), e.g. `1.001193`. */
  code: string;
  name: string;
}

/** What every paper about one dossier (Forms 02–05) carries. */
export interface DossierFormBase {
  dossierCode: string;
  procedure: FormProcedure;
  applicant: FormApplicant;
  agency: FormAgency;
  /** When the paper is issued: the date under the national heading. */
  issuedAt: Date;
  /** The place before the date ("Hà Nội, ngày …"); `Hà Nội` when not given. */
  place?: string | null;
  /** The officer who signs, printed under the signature block. */
  officerName?: string | null;
}

export interface SupplementItem {
  text: string;
}

/** Form 02: request to supplement, listing everything missing at once (Decree 61/2018). */
export interface Form02Data extends DossierFormBase {
  /** The paper's number ("Số: 12/PYC-BPMC"); dotted line when absent. */
  number?: string | null;
  /** At least one item. */
  items: readonly SupplementItem[];
  reason?: string | null;
  /** Whom the applicant may ask; the signing officer when absent. */
  contact?: { name: string; phone?: string | null } | null;
}

/** Form 03: refusal to receive and handle the dossier. */
export interface Form03Data extends DossierFormBase {
  reason: string;
}

/** Form 04: apology and a new return date, issued at least one working day before the deadline. */
export interface Form04Data extends DossierFormBase {
  number?: string | null;
  /** When the dossier was received. */
  receivedAt: Date;
  /** The return date first promised. */
  dueAt: Date;
  /** The new return date: a later day than `dueAt`. */
  newDueAt: Date;
  /** Why the result is late. */
  reason: string;
  /** The signer's title; `THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ` when absent. */
  signerTitle?: string | null;
}

/** Compared with the time allowed for that step. */
export type HandOverResult = 'early' | 'on_time' | 'late';

/** One hand-over of the dossier between two units, as on the control sheet. */
export interface HandOver {
  fromUnit: string;
  toUnit: string;
  handedOverAt: Date;
  /** When the receiving unit took it; not yet when absent. */
  receivedAt?: Date | null;
  fromOfficer?: string | null;
  toOfficer?: string | null;
  /** How the handing-over unit did against its time; blank while still being handled. */
  result?: HandOverResult | null;
  note?: string | null;
}

/** Form 05: the control sheet that follows the dossier through every unit. */
export interface Form05Data extends DossierFormBase {
  receivedAt: Date;
  dueAt?: Date | null;
  handOvers: readonly HandOver[];
}

/** One dossier, one line of the tracking book (Form 06). */
export interface BookRow {
  dossierCode: string;
  procedureName: string;
  /** Sets of papers (bộ); 1 when absent. */
  quantity?: number;
  applicantName: string;
  address: string;
  phone?: string | null;
  /** The lead agency handling the dossier (cơ quan chủ trì giải quyết). */
  leadAgency: string;
  receivedAt: Date;
  dueAt?: Date | null;
  /** When the dossier went to the agency that handles it. */
  transferredAt?: Date | null;
  /** When the result came back, or the dossier was sent back to the applicant. */
  resultAt?: Date | null;
  /** When the result was handed to the applicant. */
  returnedAt?: Date | null;
  /** The "Ký nhận" column: blank for a handwritten signature, or e.g. `Nhận trực tuyến`. */
  signature?: string | null;
  note?: string | null;
}

/** The book's heading: whose book and which period. */
export interface BookMeta {
  agency: FormAgency;
  /** First and last day of the period (Vietnam days). */
  from: Date;
  to: Date;
  issuedAt: Date;
  place?: string | null;
}
