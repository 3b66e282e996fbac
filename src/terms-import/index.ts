/**
 * From terms of sale to a draft vendor profile (issue 23): pure, importing only the engine, so the
 * pane and the command line run the same import. See docs/vendor-import.md.
 */
export { findArticles, type Article, type ArticleText, type Sentence } from "./articles";
export { cleanTermsText, type CleanText } from "./clean";
export { importTermsText, type ImportOptions, type TermsImport } from "./import";
export { checkTermsText, decodeTermsBytes, MAX_TERMS_BYTES, MAX_TERMS_CHARS, type TextInput } from "./input";
export { KIND_LABELS, type KindId } from "./messages";
export { idFrom } from "./names";
export { renderImportReport } from "./render";
export type { ImportReport, NotFound, Proposal, Question, QuestionChoice, Source, Topic } from "./report";
