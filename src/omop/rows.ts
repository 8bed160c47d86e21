/**
 * The one row shape the extraction query returns for every OMOP CDM table it reads: a person's
 * birth, observation periods, drug exposures (one row per relevant ingredient), conditions,
 * measurements, observations and procedures, with the codes already resolved through the
 * vocabulary tables (`vocabulary_id` + `concept_code`, never a `concept_id`).
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";

/**
 * The CDM table a row comes from (`person` and `observation_period` give the birth date and the
 * periods of observation).
 *
 * @example
 * OMOP_DOMAINS.includes("drug"); //=> true
 */
export const OMOP_DOMAINS = deepFreeze(["person", "observation_period", "drug", "condition", "measurement", "observation", "procedure"] as const);

/**
 * One of {@link OMOP_DOMAINS}.
 *
 * @example
 * const domain: OmopDomain = "condition";
 * domain; //=> "condition"
 */
export type OmopDomain = (typeof OMOP_DOMAINS)[number];

/**
 * The columns of an extracted row, in the order the query returns them.
 *
 * @example
 * OMOP_ROW_COLUMNS.slice(0, 3); //=> ["person_id", "domain", "record_id"]
 */
export const OMOP_ROW_COLUMNS = deepFreeze([
  "person_id",
  "domain",
  "record_id",
  "start_date",
  "end_date",
  "vocabulary_id",
  "concept_code",
  "source_vocabulary_id",
  "source_code",
  "source_value",
  "type_name",
  "quantity",
  "days_supply",
  "sig",
  "stop_reason",
  "ingredient_count",
  "amount_value",
  "amount_unit",
  "numerator_value",
  "numerator_unit",
  "denominator_value",
  "denominator_unit",
  "value_as_number",
  "year_of_birth",
  "month_of_birth",
  "day_of_birth",
] as const);

/**
 * One extracted row. Dates are `YYYY-MM-DD` text; a missing value is `null`. What each column holds
 * depends on the domain:
 *
 * - `person`: `year_of_birth`, `month_of_birth`, `day_of_birth`.
 * - `observation_period`: `start_date`, `end_date`.
 * - `drug`: `drug_exposure_id`, start and end dates, the ingredient's RxNorm code
 *   (`vocabulary_id`, `concept_code`), the drug type's concept name (`type_name`), `quantity`,
 *   `days_supply`, `sig`, `stop_reason`, the number of ingredients of the drug concept, and the
 *   `drug_strength` of this ingredient (values and UCUM unit codes).
 * - `condition`, `measurement`, `observation`, `procedure`: the standard concept's vocabulary and
 *   code, the source concept's (`source_vocabulary_id`, `source_code`), the source value text and,
 *   for scores, `value_as_number`.
 *
 * @example
 * const row: OmopRow = { person_id: 7, domain: "person", year_of_birth: 1970, month_of_birth: 5, day_of_birth: 2 };
 * row.domain; //=> "person"
 */
export interface OmopRow {
  readonly person_id: number | string | bigint;
  readonly domain: OmopDomain;
  readonly record_id?: string | number | bigint | null;
  readonly start_date?: string | null;
  readonly end_date?: string | null;
  readonly vocabulary_id?: string | null;
  readonly concept_code?: string | null;
  readonly source_vocabulary_id?: string | null;
  readonly source_code?: string | null;
  readonly source_value?: string | null;
  readonly type_name?: string | null;
  readonly quantity?: number | null;
  readonly days_supply?: number | null;
  readonly sig?: string | null;
  readonly stop_reason?: string | null;
  readonly ingredient_count?: number | bigint | null;
  readonly amount_value?: number | null;
  readonly amount_unit?: string | null;
  readonly numerator_value?: number | null;
  readonly numerator_unit?: string | null;
  readonly denominator_value?: number | null;
  readonly denominator_unit?: string | null;
  readonly value_as_number?: number | null;
  readonly year_of_birth?: number | null;
  readonly month_of_birth?: number | null;
  readonly day_of_birth?: number | null;
}
