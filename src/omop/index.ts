/**
 * trd-classifier/omop: OMOP CDM v5.4 in. The extraction query (written once, rendered per SQL
 * dialect) returns every row the adapter reads, ordered by person; {@link historyFromOmop} turns
 * one person's rows into a treatment history for the classifier, with a decision for every row it
 * leaves out or reads in a particular way. Kept apart from the core: no database driver is
 * needed to use it (the command line's `--omop` brings its own, as an optional peer dependency).
 *
 * @module trd-classifier/omop
 */
export { historyFromOmop } from "./historyFromOmop";
export type { OmopHistoryOptions, OmopHistoryResult } from "./historyFromOmop";
export { MAX_PLAUSIBLE_DAYS_SUPPLY } from "./drugs";
export { OMOP_DECISION_CODES } from "./decisions";
export type { OmopDecision, OmopDecisionCode } from "./decisions";
export { OMOP_DOMAINS, OMOP_ROW_COLUMNS } from "./rows";
export type { OmopDomain, OmopRow } from "./rows";
export { SQL_DIALECTS, TESTED_DIALECTS, VOCABULARY_TABLES, renderExtractionSql, renderBatchBoundsSql, renderInScopeSql, renderJsonRowsSql, renderPersonRowsSql, renderVocabularySql, rowsByPerson } from "./sql";
export type { ExtractionSqlOptions, SqlDialect } from "./sql";
export { DIAGNOSIS_VOCABULARIES, DISPENSING_TYPE_NAMES, MG_PER_UNIT, PROCEDURE_CODES, SCORE_TEXT_WORDS, relevantDiagnosisPatterns, relevantIngredientCodes, scoreLoincCodes } from "./vocabulary";
export type { ProcedureCode } from "./vocabulary";
export { ADDED_RESULT_COLUMNS, COHORT_TABLE_COLUMNS, RESULT_TABLE_COLUMNS, qualified, renderCohortDdl, renderCohortEndUpdate } from "./cohortTables";
export type { CohortTableOptions } from "./cohortTables";
