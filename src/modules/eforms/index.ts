// E-forms (biểu mẫu điện tử) of online public services: the definition format (JSON Schema 2020-12 + UI hints
// + documents), rendering the fields as accessible HTML, validating a citizen's post, checking attached files,
// and choosing a procedure's form (its own, a shipped one, or the generic one). No routes and no tables: the
// dossiers module calls these functions. See README.md in this folder.
export {
  EformDefinition,
  EformDocument,
  EformField,
  EformOption,
  EformSection,
  EformText,
  WIDGETS,
  PREFILL_KEYS,
  ACCEPT_TYPES,
  MAX_DOCUMENT_BYTES,
  type Widget,
  type PrefillKey,
  type AcceptType,
} from './schema.ts';
export { fieldId, documentFieldName, type JsonSchema } from './paths.ts';
export { checkEformDefinition, type EformCheck } from './compile.ts';
export { validateEform, type EformError, type EformValidation, type ValidateOptions } from './validate.ts';
export { normalisePhone } from './coerce.ts';
export { checkEformFiles, sniffType, type EformUpload, type AcceptedFile, type EformFilesCheck } from './files.ts';
export { renderEformFields, EformFields, errorSummaryItems, type EformFieldsProps } from './views/fields.tsx';
export { loadAddressUnits, addressText, type AddressUnit, type AddressValue } from './address.ts';
export { prefillValues, type PrefillProfile } from './prefill.ts';
export { genericEform, type ProcedureForEform, type RequiredDocumentLine } from './generic.ts';
export {
  shippedEform,
  eformFor,
  resolveEform,
  SHIPPED_EFORM_CODES,
  type ProcedureWithEform,
  type ResolvedEform,
  type EformSource,
} from './shipped.ts';
export {
  answersView,
  answerText,
  changedAnswers,
  changeText,
  dateText,
  type AnswerRow,
  type AnswerSection,
  type AnswerChange,
  type AnswersViewOptions,
  type AttachedFileName,
} from './answers.ts';
export { AnswersList, AnswerChanges, type AnswersListProps } from './views/answers.tsx';
export { answers as answersText } from './messages.ts';
