import { describe, expect, it } from "vitest";
import { parseTreatmentHistory } from "trd-classifier";
import type { TrdIssueCode } from "trd-classifier";
import { validHistory } from "../helpers/histories";

/** Test inputs are deliberately malformed, so they are untyped JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = any;

interface Case {
  readonly name: string;
  readonly mutate: (h: Mutable) => unknown;
  readonly code: TrdIssueCode;
  readonly path: string;
}

const cases: readonly Case[] = [
  // Root and shape
  { name: "the history is not an object", mutate: () => "not a history", code: "invalid_type", path: "" },
  { name: "the history is null", mutate: () => null, code: "invalid_type", path: "" },
  { name: "the episode is missing", mutate: (h) => (delete h.episode, h), code: "required", path: "episode" },
  { name: "an unknown top-level field", mutate: (h) => ({ ...h, trails: [] }), code: "unrecognized_key", path: "trails" },
  { name: "trials is not a list", mutate: (h) => ({ ...h, trials: {} }), code: "invalid_type", path: "trials" },
  // Dates
  { name: "a timestamp instead of a date", mutate: (h) => ((h.episode.onset = "2023-01-10T00:00:00Z"), h), code: "invalid_date_format", path: "episode.onset" },
  { name: "an impossible calendar date", mutate: (h) => ((h.trials[1].start = "2023-02-30"), h), code: "impossible_date", path: "trials[1].start" },
  { name: "29 February in a common year", mutate: (h) => ((h.assessments[0].date = "2023-02-29"), h), code: "impossible_date", path: "assessments[0].date" },
  { name: "a date as a number", mutate: (h) => ((h.trials[0].end = 20230430), h), code: "invalid_type", path: "trials[0].end" },
  // Trials
  { name: "a trial ending before it starts", mutate: (h) => ((h.trials[0].end = "2023-01-15"), h), code: "trial_end_before_start", path: "trials[0].end" },
  { name: "a trial without id", mutate: (h) => (delete h.trials[0].id, h), code: "required", path: "trials[0].id" },
  { name: "an empty trial id", mutate: (h) => ((h.trials[0].id = ""), h), code: "empty_string", path: "trials[0].id" },
  { name: "a trial without agent", mutate: (h) => (delete h.trials[1].agent, h), code: "required", path: "trials[1].agent" },
  { name: "an agent with no name or code", mutate: (h) => ((h.trials[1].agent = {}), h), code: "agent_missing", path: "trials[1].agent" },
  { name: "a non-numeric RxNorm code", mutate: (h) => ((h.trials[0].agent.rxnorm = "RX36437"), h), code: "invalid_code", path: "trials[0].agent.rxnorm" },
  { name: "a malformed ATC code", mutate: (h) => ((h.trials[1].agent.atc = "n06ax16"), h), code: "invalid_code", path: "trials[1].agent.atc" },
  { name: "a trial with no dose", mutate: (h) => (delete h.trials[1].mgPerDay, h), code: "dose_missing", path: "trials[1].doses" },
  { name: "a trial with both dose forms", mutate: (h) => ((h.trials[0].mgPerDay = 100), h), code: "dose_conflict", path: "trials[0].doses" },
  { name: "doseUnknown beside a dose", mutate: (h) => ((h.trials[1].doseUnknown = true), h), code: "dose_conflict", path: "trials[1].doses" },
  { name: "doseUnknown set to false", mutate: (h) => (delete h.trials[1].mgPerDay, (h.trials[1].doseUnknown = false), h), code: "invalid_value", path: "trials[1].doseUnknown" },
  { name: "a negative dose change", mutate: (h) => ((h.trials[0].doses[0].mgPerDay = -50), h), code: "too_small", path: "trials[0].doses[0].mgPerDay" },
  { name: "a zero single dose", mutate: (h) => ((h.trials[1].mgPerDay = 0), h), code: "too_small", path: "trials[1].mgPerDay" },
  { name: "an absurd dose", mutate: (h) => ((h.trials[1].mgPerDay = 50_000), h), code: "too_big", path: "trials[1].mgPerDay" },
  { name: "a dose as a string", mutate: (h) => ((h.trials[0].doses[1].mgPerDay = "100mg"), h), code: "invalid_type", path: "trials[0].doses[1].mgPerDay" },
  { name: "an empty dose list", mutate: (h) => ((h.trials[0].doses = []), h), code: "too_small", path: "trials[0].doses" },
  { name: "a dose change before the trial", mutate: (h) => ((h.trials[0].doses[0].from = "2023-01-20"), h), code: "dose_change_outside_trial", path: "trials[0].doses[0].from" },
  { name: "a dose change after the trial", mutate: (h) => ((h.trials[0].doses[1].from = "2023-05-20"), h), code: "dose_change_outside_trial", path: "trials[0].doses[1].from" },
  { name: "dose changes out of order", mutate: (h) => (h.trials[0].doses.push({ from: "2023-02-10", mgPerDay: 150 }), h), code: "dose_changes_out_of_order", path: "trials[0].doses[2].from" },
  { name: "two dose changes on one date", mutate: (h) => ((h.trials[0].doses[1].from = "2023-02-01"), h), code: "dose_change_duplicate_date", path: "trials[0].doses[1].from" },
  { name: "an unknown trial role", mutate: (h) => ((h.trials[1].role = "adjunct"), h), code: "invalid_value", path: "trials[1].role" },
  { name: "augments a trial that does not exist", mutate: (h) => ((h.trials[1].role = "augmentation"), (h.trials[1].augments = "t9"), h), code: "unknown_trial_reference", path: "trials[1].augments" },
  { name: "a trial augmenting itself", mutate: (h) => ((h.trials[1].augments = "t2"), h), code: "unknown_trial_reference", path: "trials[1].augments" },
  { name: "adherence above 1", mutate: (h) => ((h.trials[1].adherence = 1.5), h), code: "too_big", path: "trials[1].adherence" },
  { name: "an unknown adherence word", mutate: (h) => ((h.trials[1].adherence = "excellent"), h), code: "invalid_value", path: "trials[1].adherence" },
  { name: "an unknown stop reason", mutate: (h) => ((h.trials[0].stopReason = "side effects"), h), code: "invalid_value", path: "trials[0].stopReason" },
  { name: "a CGI-I outside 1-7", mutate: (h) => ((h.trials[0].outcome = { cgiI: 8 }), h), code: "too_big", path: "trials[0].outcome.cgiI" },
  { name: "an outcome with no value", mutate: (h) => ((h.trials[0].outcome = { assessedOn: "2023-04-30" }), h), code: "outcome_missing_value", path: "trials[0].outcome" },
  { name: "improvement above 100%", mutate: (h) => ((h.trials[0].outcome = { percentImprovement: 120 }), h), code: "too_big", path: "trials[0].outcome.percentImprovement" },
  { name: "a misspelt trial field", mutate: (h) => ((h.trials[0].mgPerday = 100), h), code: "unrecognized_key", path: "trials[0].mgPerday" },
  { name: "duplicate trial ids", mutate: (h) => ((h.trials[1].id = "t1"), h), code: "duplicate_id", path: "trials[1].id" },
  { name: "a treatment course reusing a trial id", mutate: (h) => ((h.otherTreatments[0].id = "t2"), h), code: "duplicate_id", path: "otherTreatments[0].id" },
  // Assessments
  { name: "a PHQ-9 above 27", mutate: (h) => ((h.assessments[1].total = 28), h), code: "score_out_of_range", path: "assessments[1].total" },
  { name: "a negative MADRS", mutate: (h) => ((h.assessments[0] = { date: "2023-01-30", scale: "MADRS", total: -1 }), h), code: "score_out_of_range", path: "assessments[0].total" },
  { name: "a fractional total", mutate: (h) => ((h.assessments[0].total = 12.5), h), code: "not_integer", path: "assessments[0].total" },
  { name: "an unknown scale", mutate: (h) => ((h.assessments[0].scale = "HADS"), h), code: "invalid_value", path: "assessments[0].scale" },
  // Episodes
  { name: "an episode ending before onset", mutate: (h) => ((h.episode.end = "2022-12-31"), h), code: "episode_end_before_onset", path: "episode.end" },
  { name: "a previous episode after the current one", mutate: (h) => ((h.previousEpisodes[0] = { onset: "2023-06-01" }), h), code: "previous_episode_after_current", path: "previousEpisodes[0].onset" },
  { name: "a previous episode overlapping the current one", mutate: (h) => ((h.previousEpisodes[0].end = "2023-02-01"), h), code: "episode_overlap", path: "previousEpisodes[0].end" },
  { name: "an unknown severity", mutate: (h) => ((h.episode.severity = "extreme"), h), code: "invalid_value", path: "episode.severity" },
  // Patient
  { name: "both birth date and age", mutate: (h) => ((h.patient.age = { years: 52, on: "2023-01-10" }), h), code: "age_conflict", path: "patient.age" },
  { name: "a birth date after the episode", mutate: (h) => ((h.patient.birthDate = "2024-01-01"), h), code: "birth_date_after_event", path: "patient.birthDate" },
  { name: "an impossible age", mutate: (h) => (delete h.patient.birthDate, (h.patient.age = { years: 140, on: "2023-01-10" }), h), code: "too_big", path: "patient.age.years" },
  { name: "an unknown diagnosis", mutate: (h) => ((h.patient.diagnoses[0].condition = "depression"), h), code: "invalid_value", path: "patient.diagnoses[0].condition" },
  // Other treatments
  { name: "an unknown treatment kind", mutate: (h) => ((h.otherTreatments[0].kind = "tms"), h), code: "invalid_value", path: "otherTreatments[0].kind" },
  { name: "ECT without laterality", mutate: (h) => ((h.otherTreatments[0] = { kind: "ect", id: "e1", start: "2023-06-01" }), h), code: "required", path: "otherTreatments[0].laterality" },
  { name: "a course ending before it starts", mutate: (h) => ((h.otherTreatments[0].end = "2023-02-01"), h), code: "intervention_end_before_start", path: "otherTreatments[0].end" },
  { name: "negative sessions", mutate: (h) => ((h.otherTreatments[0].sessions = -2), h), code: "too_small", path: "otherTreatments[0].sessions" },
];

describe("parseTreatmentHistory", () => {
  it("accepts the valid base history and fills defaults", () => {
    const result = parseTreatmentHistory(validHistory());
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.trials[0]?.role).toBe("monotherapy");
      expect(result.data.otherTreatments).toHaveLength(1);
    }
  });

  it("fills empty lists for a minimal history", () => {
    const result = parseTreatmentHistory({ episode: { onset: "2024-01-01" } });
    expect(result).toStrictEqual({
      success: true,
      data: { patient: { diagnoses: [] }, episode: { onset: "2024-01-01" }, previousEpisodes: [], trials: [], assessments: [], otherTreatments: [] },
    });
  });

  it("covers at least 30 distinct kinds of malformed history", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.code)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)("rejects $name with $code at '$path'", ({ mutate, code, path }) => {
    const result = parseTreatmentHistory(mutate(validHistory() as Mutable));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toContainEqual(expect.objectContaining({ code, path }));
    for (const issue of result.issues) {
      expect(issue.message.startsWith(issue.path === "" ? "history" : issue.path)).toBe(true);
    }
  });

  it("never echoes identifiers or free text in issues", () => {
    const secret = "SMITH-John-MRN-99812";
    const h = validHistory() as Mutable;
    h.id = secret;
    h.trials[0].id = secret;
    h.trials[0].agent = { name: secret, rxnorm: secret };
    h.trials[1].id = secret; // duplicate
    h.trials[1].stopReason = secret;
    h.episode.onset = secret;
    h[secret] = secret;
    const result = parseTreatmentHistory(h);
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = JSON.stringify(result.issues);
    expect(text).not.toContain("SMITH");
    expect(text).not.toContain("99812");
  });

  it("names a misspelt field and suggests the real one", () => {
    const h = validHistory() as Mutable;
    h.trials[0].mgPerday = 100;
    const result = parseTreatmentHistory(h);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "unrecognized_key", path: "trials[0].mgPerday", message: expect.stringContaining('did you mean "mgPerDay"?') }),
    );
  });

  it("does not name an unknown field that is not a near-miss of a real one", () => {
    const h = validHistory() as Mutable;
    h.trials[0]["Jane Doe"] = "x";
    const result = parseTreatmentHistory(h);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toStrictEqual([expect.objectContaining({ code: "unrecognized_key", path: "trials[0]" })]);
    expect(JSON.stringify(result.issues)).not.toContain("Jane");
  });

  it("reports the received JSON type, not the value", () => {
    const h = validHistory() as Mutable;
    h.trials[1].mgPerDay = "one hundred";
    const result = parseTreatmentHistory(h);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]).toStrictEqual({
      code: "invalid_type",
      path: "trials[1].mgPerDay",
      message: "trials[1].mgPerDay: expected a number, received string",
      expected: "a number",
      received: "string",
    });
  });

  it("does not throw on inputs whose getters throw", () => {
    const hostile = { get episode(): never { throw new Error("boom"); } };
    const result = parseTreatmentHistory(hostile);
    expect(result.success).toBe(false);
  });

  it("does not mutate its input", () => {
    const h = validHistory();
    const before = structuredClone(h);
    parseTreatmentHistory(h);
    expect(h).toStrictEqual(before);
  });
});
