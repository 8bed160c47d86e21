/**
 * Diagnoses from Conditions (ICD-10-CM, WHO ICD-10, SNOMED CT): the conditions the classifier
 * uses for eligibility and pseudo-resistance flags, and the depressive episodes on record.
 *
 * @module
 */
import type { Condition, Diagnosis } from "../schema/patient";
import type { Accounting } from "./accounting";
import { SYSTEM, diagnosisCode, icd10System } from "./codes";
import { dayOf, firstDay } from "./dates";
import { codingsOf, firstCode, objectAt } from "./json";
import type { Entry } from "./references";

/** A depressive episode on record. */
export interface EpisodeRead {
  readonly onset: string;
  readonly end?: string;
  /** Clinical status active, recurrence or relapse (or none recorded). */
  readonly active: boolean;
}

const EXCLUDED_VERIFICATION = new Set(["entered-in-error", "refuted"]);
const TENTATIVE_VERIFICATION = new Set(["unconfirmed", "provisional", "differential"]);
const ACTIVE_STATUSES = new Set(["active", "recurrence", "relapse"]);

function codeSystemOf(system: string | undefined): NonNullable<Diagnosis["code"]>["system"] {
  if (system === SYSTEM.icd10cm) return "ICD-10-CM";
  if (system === SYSTEM.icd10) return "ICD-10";
  return system === SYSTEM.snomed ? "SNOMED-CT" : "other";
}

/** The conditions of a Condition's codings, with the first coding that gave them. */
function conditionsOf(concept: unknown): { conditions: ReadonlySet<Condition>; code?: Diagnosis["code"] } {
  const conditions = new Set<Condition>();
  let code: Diagnosis["code"];
  for (const coding of codingsOf(concept)) {
    const row = diagnosisCode(coding.system, coding.code);
    if (row === undefined || row.conditions.length === 0) continue;
    for (const c of row.conditions) conditions.add(c);
    if (code === undefined && coding.code !== undefined && coding.code.length <= 64) code = { system: codeSystemOf(coding.system), code: coding.code.trim() };
  }
  return { conditions, ...(code === undefined ? {} : { code }) };
}

/** Reads the Conditions of one patient into diagnoses and depressive episodes. */
export class ConditionReader {
  readonly diagnoses: Diagnosis[] = [];
  readonly episodes: EpisodeRead[] = [];

  constructor(readonly ledger: Accounting) {}

  read(c: Entry): void {
    const verification = firstCode(objectAt(c.resource, "verificationStatus"));
    if (verification !== undefined && EXCLUDED_VERIFICATION.has(verification)) return this.ledger.issue(c, "entered_in_error", "entered in error or refuted: not used", { input: { verificationStatus: verification } });
    const code = objectAt(c.resource, "code");
    const { conditions, code: diagnosisCodeRead } = conditionsOf(code);
    if (conditions.size === 0) {
      const coding = codingsOf(code).find((x) => icd10System(x.system) || x.system === SYSTEM.snomed) ?? codingsOf(code)[0];
      return this.ledger.notRelevant(c, "condition-not-used", coding);
    }
    if (verification !== undefined && TENTATIVE_VERIFICATION.has(verification)) return this.ledger.issue(c, "status_excluded", "a diagnosis not confirmed (unconfirmed, provisional or differential): not used", { input: { verificationStatus: verification } });
    const r = c.resource;
    const onsetValue = r["onsetDateTime"] ?? objectAt(r, "onsetPeriod")?.["start"] ?? r["recordedDate"];
    const onset = firstDay(onsetValue);
    if (onset === undefined && dayOf(onsetValue) !== undefined) this.ledger.issue(undefined, "partial_date", "a diagnosis's onset is a year or month only; it is not used as a date");
    for (const condition of conditions) this.diagnoses.push({ condition, ...(onset === undefined ? {} : { onset }), ...(diagnosisCodeRead === undefined ? {} : { code: diagnosisCodeRead }) });
    this.ledger.use(c);
    if (conditions.has("major-depressive-disorder") && onset !== undefined) {
      const end = firstDay(r["abatementDateTime"], objectAt(r, "abatementPeriod")?.["start"]);
      const status = firstCode(objectAt(r, "clinicalStatus"));
      this.episodes.push({ onset, ...(end === undefined || end < onset ? {} : { end }), active: end === undefined && (status === undefined || ACTIVE_STATUSES.has(status)) });
    }
  }
}
