/**
 * trd-classifier: tells whether a patient's depression is treatment-resistant, and exactly why.
 *
 * @packageDocumentation
 */

// Input contract: schemas, inferred types, validation.
export { parseTreatmentHistory, zodIssuesToTrdIssues } from "./schema/parseTreatmentHistory";
export type { ParseResult } from "./schema/parseTreatmentHistory";
export { TreatmentHistorySchema } from "./schema/history";
export type { TreatmentHistory, TreatmentHistoryInput } from "./schema/history";
export { AgentSchema, AdherenceSchema, DoseChangeSchema, StopReasonSchema, TrialRoleSchema, TrialSchema } from "./schema/trial";
export type { Adherence, Agent, DoseChange, StopReason, Trial, TrialRole } from "./schema/trial";
export { AssessmentSchema, ScaleIdSchema } from "./schema/assessment";
export type { Assessment } from "./schema/assessment";
export { EpisodeSchema, SeveritySchema } from "./schema/episode";
export type { Episode, Severity } from "./schema/episode";
export { ConditionSchema, DiagnosisSchema, PatientSchema } from "./schema/patient";
export type { Condition, Diagnosis, Patient } from "./schema/patient";
export { OtherTreatmentSchema } from "./schema/otherTreatment";
export type { OtherTreatment } from "./schema/otherTreatment";
export { AtcCodeSchema, IdSchema, IsoDateSchema, NameSchema, RecordedOutcomeSchema, RxNormCodeSchema } from "./schema/primitives";
export type { IsoDate, RecordedOutcome } from "./schema/primitives";
export { SCALES, SCALE_IDS } from "./schema/scales";
export type { ScaleDefinition, ScaleId } from "./schema/scales";
export { formatPath, jsonTypeOf, makeIssue } from "./schema/issues";
export type { TrdIssue, TrdIssueCode } from "./schema/issues";

// Catalogue: agents, their codes and cited minimum doses.
export { findDrug, listDrugs } from "./catalogue/findDrug";
export { resolveAgent } from "./catalogue/resolveAgent";
export type { ListDrugsOptions } from "./catalogue/findDrug";
export { normaliseDrugName } from "./catalogue/normaliseDrugName";
export { CATALOGUE_VERSION } from "./catalogue/version";
export { SOURCES } from "./catalogue/sources";
export type { Source, SourceId } from "./catalogue/sources";
export type {
  AgeDoseCap,
  Citation,
  CodeValue,
  DoseTableId,
  DoseValue,
  DrugClass,
  DrugEntry,
  DrugRole,
  Verification,
} from "./catalogue/types";

// Rules: named, versioned rule sets and the rules they parameterise.
export { DEFAULT_RULE_SET_ID, getRuleSet, isRuleSetId, listRuleSets } from "./rules/ruleSets";
export type { ParameterName, RuleSet, RuleSetId, RuleSetParameters } from "./rules/types";
export { RuleSetOverridesSchema } from "./rules/ruleSetParametersSchema";
export { REMISSION_THRESHOLDS, percentImprovement } from "./rules/scaleThresholds";
export type { RemissionThreshold } from "./rules/scaleThresholds";
export { categoriseImprovement } from "./rules/categoriseImprovement";
export type { ImprovementBand } from "./rules/categoriseImprovement";
export { adequateDose } from "./rules/adequateDose";
export type { AdequateDoseOptions, DoseThreshold } from "./rules/adequateDose";
export { doseExposure, doseSegments } from "./rules/doseTimeline";
export type { DoseExposure, DoseSegment } from "./rules/doseTimeline";
export { ageOn } from "./rules/ageOn";

// Classification.
export { classifyTrd } from "./classify/classifyTrd";
export { statusTimeline } from "./classify/statusTimeline";
export { neededText, reachedText } from "./classify/wording";
export type { StatusChange } from "./classify/statusTimeline";
export { OPEN_QUESTION_CODES, RESISTANT_SINCE_EVENTS } from "./classify/evidence";
export type { Evidence, OpenQuestion, OpenQuestionCode, ResistantSince } from "./classify/evidence";
export { TrdOptionsError, resolveRuleSet } from "./rules/resolveRuleSet";
export type { ClassifyTrdOptions, ResolvedRuleSet } from "./rules/resolveRuleSet";
export { assessTrial } from "./classify/assessTrial";
export type {
  AdherenceVerdict,
  Comparison,
  DoseVerdict,
  DurationVerdict,
  OutcomeCategory,
  PseudoResistanceFlag,
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
export { stageThaseRush } from "./staging/stageThaseRush";
export type { StageThaseRushOptions } from "./staging/stageThaseRush";
export { stageEuropean } from "./staging/stageEuropean";
export type { StageEuropeanOptions } from "./staging/stageEuropean";
export { scoreMghStaging } from "./staging/scoreMghStaging";
export type { ScoreMghStagingOptions } from "./staging/scoreMghStaging";
export { scoreMaudsley } from "./staging/scoreMaudsley";
export type { ScoreMaudsleyOptions } from "./staging/scoreMaudsley";
export { stageAll } from "./staging/stageAll";
export { classifyAndStage } from "./staging/classifyAndStage";
export type { ClassifyAndStageOptions } from "./staging/classifyAndStage";
export type { StagingOptions } from "./staging/stageAll";
export { stagingClass } from "./staging/modelClass";
export type { StagingClass } from "./staging/modelClass";
export type { EuropeanStage, MaudsleyScore, MghStagingScore, StagedAssessment, StagingItem, StagingModel, StagingResults, ThaseRushStage } from "./staging/types";
export { SEVERITY_BANDS, severityBand } from "./rules/severityBands";
export type { SeverityBands, SeverityCategory } from "./rules/severityBands";

// From prescription records to trials.
export { FillRecordSchema } from "./fills/fillRecord";
export type { FillRecord, FillRecordInput } from "./fills/fillRecord";
export { DEFAULT_BUILD_PRESET_ID, getBuildPreset, listBuildPresets } from "./fills/buildOptions";
export type { BuildPreset, BuildPresetId, BuildTrialsParameters } from "./fills/buildOptions";
export { buildTrials } from "./fills/buildTrials";
export type { BuildDecision, BuildDecisionCode, BuildTrialsOptions, BuildTrialsResult, BuiltTrial } from "./fills/buildTrials";
export { LONG_FORMAT_COLUMNS, historyFromLongFormat, parseCsv, readLongFormat } from "./fills/longFormat";
export type { LongFormatPatient } from "./fills/longFormat";
