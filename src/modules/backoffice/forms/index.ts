// The one-stop papers of Circular 01/2018/TT-VPCP beyond Form 01: pure renderers from plain data to PDF (and the
// tracking book to XLSX). Form 01 stays in ../form01.ts.
export type * from './types.ts';
export { FORM02_DOCUMENT, FORM02_TITLE, form02QrText, renderForm02 } from './form02.ts';
export { FORM03_DOCUMENT, FORM03_TITLE, form03QrText, renderForm03 } from './form03.ts';
export { FORM04_DOCUMENT, FORM04_TITLE, form04QrText, renderForm04 } from './form04.ts';
export { FORM05_COLUMNS, FORM05_DOCUMENT, FORM05_TITLE, form05QrText, HAND_OVER_RESULT, renderForm05 } from './form05.ts';
export { FORM06_COLUMNS, FORM06_DOCUMENT, FORM06_TITLE, form06QrText } from './book.ts';
export { renderForm06 } from './form06.ts';
export { FORM06_HEADER_ROW, FORM06_SHEET, form06Xlsx } from './form06-xlsx.ts';
