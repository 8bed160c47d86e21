/**
 * The titles of the built-in rule sets' own sources (each rule set's `source`): the one title a
 * CDS card prints, kept apart from the other sources' titles (`./sourceTitles`, which joins the
 * two) so that the cards do not carry every title.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";
import type { SourceId } from "./sourceIds";

/**
 * The title of each built-in rule set's source, keyed by {@link SourceId}.
 *
 * @example
 * RULE_SET_SOURCE_TITLES["rybak-2021"].startsWith("Rybak"); //=> true
 */
export const RULE_SET_SOURCE_TITLES = /* @__PURE__ */ deepFreeze({
  "sforzini-2022":
    "Sforzini L, Worrell C, Kose M, Anderson IM, et al., Pariante CM. A Delphi-method-based consensus guideline for definition of treatment-resistant depression for clinical trials. Mol Psychiatry 2022;27:1286-1299 (EU-PEARL)",
  "desseilles-2011":
    "Desseilles M, Witte J, Chang TE, et al., Mischoulon D. Assessing the adequacy of past antidepressant trials: a clinician's guide to the antidepressant treatment response questionnaire. J Clin Psychiatry 2011;72(8)",
  "mcintyre-2023":
    "McIntyre RS, Alsuwaidan M, Baune BT, et al., Maj M. Treatment-resistant depression: definition, prevalence, detection, management, and investigational interventions. World Psychiatry 2023;22(3):394-412",
  "rybak-2021":
    "Rybak YE, Lai KSP, Ramasubbu R, et al. Treatment-resistant major depressive disorder: Canadian expert consensus on definition and assessment. Depress Anxiety 2021;38(4):456-467",
} as const satisfies Partial<Record<SourceId, string>>);

/**
 * A source some built-in rule set names as its own.
 *
 * @example
 * const id: RuleSetSourceId = "sforzini-2022";
 */
export type RuleSetSourceId = keyof typeof RULE_SET_SOURCE_TITLES;

/**
 * True when `id` is the source of a built-in rule set, so that its title is at hand here.
 *
 * @example
 * [isRuleSetSourceId("sforzini-2022"), isRuleSetSourceId("trivedi-2006")]; //=> [true, false]
 */
export function isRuleSetSourceId(id: string): id is RuleSetSourceId {
  return Object.hasOwn(RULE_SET_SOURCE_TITLES, id);
}
