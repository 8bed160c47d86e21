/**
 * trd-classifier: tells whether a patient's depression is treatment-resistant, and exactly why.
 *
 * The public API: the functions users call, the data tables they read, and the types they name.
 * Internals (issue builders, dose timelines, sub-schemas, the CSV tokenizer...) are not exported.
 *
 * @module trd-classifier
 */

// Input contract: validation, the history schema and its inferred types.
export { parseTreatmentHistory } from "./schema/parseTreatmentHistory";
export type { ParseResult } from "./schema/parseTreatmentHistory";
export { TreatmentHistorySchema } from "./schema/history";
export type { TreatmentHistory, TreatmentHistoryInput } from "./schema/history";
// The part schemas are public because their types are inferred from them (and so documented by them).
export { AdherenceSchema, AgentSchema, DoseChangeSchema, IndicationSchema, StopReasonSchema, TrialRoleSchema, TrialSchema } from "./schema/trial";
export type { Adherence, Agent, DoseChange, Indication, StopReason, Trial, TrialRole } from "./schema/trial";
export { AssessmentSchema } from "./schema/assessment";
export type { Assessment } from "./schema/assessment";
export { EpisodeSchema, SeveritySchema } from "./schema/episode";
export type { Episode, Severity } from "./schema/episode";
export { ConditionSchema, DiagnosisSchema, PatientSchema } from "./schema/patient";
export type { Condition, Diagnosis, Patient } from "./schema/patient";
export { OtherTreatmentSchema } from "./schema/otherTreatment";
export type { OtherTreatment } from "./schema/otherTreatment";
export { IsoDateSchema, RecordedOutcomeSchema } from "./schema/primitives";
export type { IsoDate, RecordedOutcome } from "./schema/primitives";
export { SCALES } from "./schema/scales";
export type { ScaleDefinition, ScaleId } from "./schema/scales";
export { TRD_ISSUE_CODES } from "./schema/issues";
export type { TrdIssue, TrdIssueCode } from "./schema/issues";

// Catalogue: agents, their codes and cited minimum doses.
export { findDrug, listDrugs } from "./catalogue/findDrug";
export type { ListDrugsOptions } from "./catalogue/findDrug";
export { resolveAgent } from "./catalogue/resolveAgent";
export { CATALOGUE_VERSION } from "./catalogue/version";
export { SOURCES } from "./catalogue/sources";
export type { Source, SourceId } from "./catalogue/sources";
export { DOSE_TABLE_IDS, IMPAIRMENTS, IMPAIRMENT_SEVERITIES } from "./catalogue/types";
export type { AdequacyModel, AgeDoseCap, BrandName, Citation, CodeValue, DoseTableId, DoseValue, DrugClass, DrugEntry, DrugRole, Impairment, ImpairmentLimit, ImpairmentLimitKind, ImpairmentSeverity, Verification } from "./catalogue/types";

// Rules: named, versioned rule sets and their parameters.
export { DEFAULT_RULE_SET_ID, getRuleSet, isRuleSetId, listRuleSets } from "./rules/ruleSets";
export type { ParameterName, RuleSet, RuleSetId, RuleSetParameters } from "./rules/types";
export { PARAMETER_NAMES, RuleSetOverridesSchema, RuleSetParametersSchema } from "./rules/ruleSetParametersSchema";

// Classification.
export { classifyTrd } from "./classify/classifyTrd";
export { statusTimeline } from "./classify/statusTimeline";
export { neededText, reachedText } from "./classify/wording";
export type { ComparedDose } from "./classify/wording";
export type { DateSpan } from "./rules/doseTimeline";
export type { StatusChange } from "./classify/statusTimeline";
export { OPEN_QUESTION_CODES, RESISTANT_SINCE_EVENTS } from "./classify/evidence";
export type { Evidence, OpenQuestion, OpenQuestionCode, ResistantSince } from "./classify/evidence";
export { TrdOptionsError } from "./rules/resolveRuleSet";
export type { ClassifyTrdOptions } from "./rules/resolveRuleSet";
export { assessTrial } from "./classify/assessTrial";
export { PSEUDO_RESISTANCE_FLAG_CODES, REASON_CODES, REASON_KINDS } from "./classify/reasonCodes";
export { CLASSIFIER_RULE_NAMES } from "./classify/ruleNames";
export type { RuleName } from "./classify/ruleNames";
export type {
  AdherenceVerdict,
  Comparison,
  DoseVerdict,
  DurationVerdict,
  OutcomeCategory,
  PseudoResistanceFlag,
  PseudoResistanceFlagCode,
  Reason,
  ReasonCode,
  ReasonKind,
  ScorePoint,
  TrdAssessment,
  TrdCounts,
  TrdStatus,
  TrialAssessment,
  TrialOutcome,
} from "./classify/types";

// Staging models.
export { classifyAndStage } from "./staging/classifyAndStage";
export type { ClassifyAndStageOptions } from "./staging/classifyAndStage";
export { stageAll } from "./staging/stageAll";
export type { StagingOptions } from "./staging/stageAll";
export { stageThaseRush } from "./staging/stageThaseRush";
export type { StageThaseRushOptions } from "./staging/stageThaseRush";
export { stageEuropean } from "./staging/stageEuropean";
export type { StageEuropeanOptions } from "./staging/stageEuropean";
export { scoreMghStaging } from "./staging/scoreMghStaging";
export type { ScoreMghStagingOptions } from "./staging/scoreMghStaging";
export { scoreMaudsley } from "./staging/scoreMaudsley";
export type { ScoreMaudsleyOptions } from "./staging/scoreMaudsley";
export type { EuropeanStage, MaudsleyScore, MghStagingScore, StagedAssessment, StagingItem, StagingModel, StagingResults, ThaseRushStage } from "./staging/types";

// From prescription records to trials.
export { FillRecordSchema } from "./fills/fillRecord";
export type { FillRecord, FillRecordInput } from "./fills/fillRecord";
export { DEFAULT_BUILD_PRESET_ID, getBuildPreset, listBuildPresets } from "./fills/buildOptions";
export type { BuildPreset, BuildPresetId, BuildTrialsParameters } from "./fills/buildOptions";
export { buildTrials } from "./fills/buildTrials";
export type { BuildDecision, BuildDecisionCode, BuildTrialsOptions, BuildTrialsResult, BuiltTrial } from "./fills/buildTrials";
export { LONG_FORMAT_COLUMNS, historyFromLongFormat, readLongFormat } from "./fills/longFormat";
export type { LongFormatPatient } from "./fills/longFormat";

// Pictures: a patient's treatment timeline as SVG.
export { renderTimeline } from "./report/renderTimeline";
export type { RenderTimelineOptions } from "./report/renderTimeline";
