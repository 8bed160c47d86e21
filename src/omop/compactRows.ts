/**
 * The command line's compact form of the extraction's rows, and the vocabulary that reads them
 * back into {@link OmopRow}s. A compact row is a JSON array: the domain's index in
 * {@link OMOP_DOMAINS}, then the cells {@link COMPACT_CELLS} lists for that domain, with concept
 * ids where the full row has vocabulary codes. The vocabulary (the two small tables
 * `renderVocabularySql` makes, read once per run) turns the ids back into codes, names and
 * strengths. A person's rows travel as about a quarter of the text of full rows, and the database
 * neither joins the vocabulary per row nor writes the same codes again and again.
 *
 * Internal to the command line and its workers: not part of `trd-classifier/omop`'s public API.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";
import { OMOP_DOMAINS } from "./rows";
import type { OmopDomain, OmopRow } from "./rows";

/** A cell that holds a concept id, read back through the vocabulary. */
export const CONCEPT_CELLS = deepFreeze(["drug_concept", "type_concept", "concept", "source_concept"] as const);

/** One of {@link CONCEPT_CELLS}. */
export type ConceptCell = (typeof CONCEPT_CELLS)[number];

/** A cell of a compact row: a column of the full row, or a concept id. */
export type CompactCell = keyof OmopRow | ConceptCell;

/**
 * The cells of each domain's compact row, after the domain's index (`person_id` is the person's,
 * given once per person).
 *
 * @example
 * COMPACT_CELLS.procedure; //=> ["record_id", "start_date", "concept", "source_concept", "source_value"]
 */
export const COMPACT_CELLS: Readonly<Record<OmopDomain, readonly CompactCell[]>> = deepFreeze({
  person: ["year_of_birth", "month_of_birth", "day_of_birth"],
  observation_period: ["record_id", "start_date", "end_date"],
  drug: ["record_id", "start_date", "end_date", "drug_concept", "type_concept", "quantity", "days_supply", "sig", "stop_reason"],
  condition: ["record_id", "start_date", "end_date", "concept", "source_concept", "source_value"],
  measurement: ["record_id", "start_date", "concept", "source_concept", "source_value", "value_as_number"],
  observation: ["record_id", "start_date", "concept", "source_concept", "source_value", "value_as_number"],
  procedure: ["record_id", "start_date", "concept", "source_concept", "source_value"],
});

/** A relevant ingredient of a drug concept, with the drug's strength of it (a row of `trd_drug_concepts`). */
export interface DrugConceptEntry {
  readonly drugConceptId: number;
  readonly row: Pick<OmopRow, "vocabulary_id" | "concept_code" | "ingredient_count" | "amount_value" | "amount_unit" | "numerator_value" | "numerator_unit" | "denominator_value" | "denominator_unit">;
}

/** A concept's vocabulary, code and name (a row of `trd_concepts`). */
export interface ConceptEntry {
  readonly conceptId: number;
  readonly vocabularyId: string | null;
  readonly conceptCode: string | null;
  readonly conceptName: string | null;
}

/** The vocabulary tables' rows, as plain data (sent once to each worker). */
export interface OmopVocabulary {
  readonly drugs: readonly DrugConceptEntry[];
  readonly concepts: readonly ConceptEntry[];
}

const text = (x: unknown): string | null => (x === null || x === undefined ? null : String(x));
const number = (x: unknown): number | null => {
  if (x === null || x === undefined) return null;
  const n = Number(x);
  return Number.isFinite(n) ? n : null;
};

/**
 * The vocabulary from the two tables' rows as a database driver returns them (numbers may come as
 * text or `bigint`, codes as any value): everything made plain numbers and text.
 *
 * @example
 * const v = vocabularyFromRows([{ drug_concept_id: 5n, vocabulary_id: "RxNorm", concept_code: "36437", ingredient_count: 1n, amount_value: "50" }], [{ concept_id: 9, vocabulary_id: "LOINC", concept_code: "44261-6", concept_name: "PHQ-9" }]);
 * [v.drugs[0]?.drugConceptId, v.drugs[0]?.row.amount_value, v.concepts[0]?.conceptCode]; //=> [5, 50, "44261-6"]
 */
export function vocabularyFromRows(drugs: readonly Record<string, unknown>[], concepts: readonly Record<string, unknown>[]): OmopVocabulary {
  return {
    drugs: drugs.flatMap((d) => {
      const id = number(d["drug_concept_id"]);
      if (id === null) return [];
      const row = {
        vocabulary_id: text(d["vocabulary_id"]),
        concept_code: text(d["concept_code"]),
        ingredient_count: number(d["ingredient_count"]),
        amount_value: number(d["amount_value"]),
        amount_unit: text(d["amount_unit"]),
        numerator_value: number(d["numerator_value"]),
        numerator_unit: text(d["numerator_unit"]),
        denominator_value: number(d["denominator_value"]),
        denominator_unit: text(d["denominator_unit"]),
      };
      return [{ drugConceptId: id, row }];
    }),
    concepts: concepts.flatMap((c) => {
      const id = number(c["concept_id"]);
      return id === null ? [] : [{ conceptId: id, vocabularyId: text(c["vocabulary_id"]), conceptCode: text(c["concept_code"]), conceptName: text(c["concept_name"]) }];
    }),
  };
}

type Cells = Record<string, unknown>;

/** The non-null `[column, value]` pairs of a vocabulary row, to copy onto rows. */
function present(pairs: readonly (readonly [string, unknown])[]): readonly (readonly [string, unknown])[] {
  return pairs.filter(([, v]) => v !== null && v !== undefined);
}

/** Copies pairs onto a row. */
function put(row: Cells, pairs: readonly (readonly [string, unknown])[]): void {
  for (const [key, value] of pairs) row[key] = value;
}

/**
 * A reader of compact rows with a vocabulary: `(personId, rows)` to the person's
 * {@link OmopRow}s, the same rows (null columns left out) that the full extraction gives. A drug
 * row becomes one row per relevant ingredient of its concept. Entries that are not compact rows
 * (not an array, an unknown domain index) are skipped.
 *
 * @example
 * const read = compactRowReader({ drugs: [], concepts: [{ conceptId: 7, vocabularyId: "CPT4", conceptCode: "90870", conceptName: "ECT" }] });
 * read("12", [[6, "3", "2024-01-02", 7, null, "90870"]]);
 * //=> [{ person_id: "12", domain: "procedure", record_id: "3", start_date: "2024-01-02", vocabulary_id: "CPT4", concept_code: "90870", source_value: "90870" }]
 */
export function compactRowReader(vocabulary: OmopVocabulary): (personId: string, rows: unknown) => OmopRow[] {
  // Everything a concept id stands for is worked out once: the pairs each kind of cell copies.
  const ingredientsOf = new Map<number, (readonly (readonly [string, unknown])[])[]>();
  for (const d of vocabulary.drugs) ingredientsOf.set(d.drugConceptId, [...(ingredientsOf.get(d.drugConceptId) ?? []), present(Object.entries(d.row))]);
  const codeOf = new Map(vocabulary.concepts.map((c) => [c.conceptId, c]));
  const lookups: Readonly<Record<Exclude<ConceptCell, "drug_concept">, (id: number) => readonly (readonly [string, unknown])[]>> = {
    type_concept: (id) => present([["type_name", codeOf.get(id)?.conceptName]]),
    concept: (id) => present([["vocabulary_id", codeOf.get(id)?.vocabularyId], ["concept_code", codeOf.get(id)?.conceptCode]]),
    source_concept: (id) => present([["source_vocabulary_id", codeOf.get(id)?.vocabularyId], ["source_code", codeOf.get(id)?.conceptCode]]),
  };
  const cache = new Map<string, readonly (readonly [string, unknown])[]>();
  const pairsOf = (cell: Exclude<ConceptCell, "drug_concept">, id: number): readonly (readonly [string, unknown])[] => {
    const key = `${cell}:${id}`;
    let pairs = cache.get(key);
    if (pairs === undefined) cache.set(key, (pairs = lookups[cell](id)));
    return pairs;
  };
  const plans = OMOP_DOMAINS.map((domain) => COMPACT_CELLS[domain]);
  return (personId, rows) => {
    const out: OmopRow[] = [];
    if (!Array.isArray(rows)) return out;
    for (const cells of rows as unknown[]) {
      if (!Array.isArray(cells)) continue;
      const index = cells[0] as number;
      const plan = plans[index];
      const domain = OMOP_DOMAINS[index];
      if (plan === undefined || domain === undefined) continue;
      const row: Cells = { person_id: personId, domain };
      let ingredients: readonly (readonly (readonly [string, unknown])[])[] | undefined;
      for (let i = 0; i < plan.length; i++) {
        const value: unknown = cells[i + 1];
        if (value === null || value === undefined) continue;
        const cell = plan[i] as CompactCell;
        if (cell === "drug_concept") ingredients = ingredientsOf.get(value as number) ?? [];
        else if (cell === "type_concept" || cell === "concept" || cell === "source_concept") put(row, pairsOf(cell, value as number));
        else row[cell] = value;
      }
      if (domain !== "drug") out.push(row as unknown as OmopRow);
      else
        for (const pairs of ingredients ?? []) {
          // One ingredient (the usual case) completes the row itself; more each complete a copy.
          const copy = ingredients?.length === 1 ? row : { ...row };
          put(copy, pairs);
          out.push(copy as unknown as OmopRow);
        }
    }
    return out;
  };
}
