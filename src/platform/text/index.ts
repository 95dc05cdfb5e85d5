export { nfc, deepNfc, stripControl } from './normalize.ts';
export { foldAccents, searchKey } from './fold.ts';
export { slugify } from './slug.ts';
export { viCollator, compareVi, compareViAlphabet, sortVi } from './collate.ts';
export {
  type TextEncoding,
  detectEncoding,
  toUnicode,
  vniToUnicode,
  tcvn3ToUnicode,
  encodeLegacy,
  accentedLetters,
  hasUnicodeOnlyLetters,
} from './legacy.ts';
export { type CsvRecord, type CsvOptions, parseCsv, withHeader, decodeText, toCsv } from './csv.ts';
export { isVietnameseSyllable } from './syllable.ts';
export { type PersonalIdResult, type PinErrorCode, PIN_ERRORS, parsePersonalId } from './pin.ts';
export { type PinProvinceCode, PIN_PROVINCES, isPinProvinceCode } from './provinces.ts';
export { sanitizeRichText, richTextToPlain, excerpt } from './rich-text.ts';
export { type DiffPart, type DiffCounts, revisionDiff, revisionDiffHtml, diffCounts } from './revision-diff.ts';
export { type HtmlEncoding, decodeHtmlBytes } from './html-charset.ts';
export { type ImportedHtml, type FontEncoding, importLegacyHtml, damagedWords } from './html-import.ts';
