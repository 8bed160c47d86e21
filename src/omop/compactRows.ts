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

/** The rows' cells, as JSON gives them. */
type Cells = readonly unknown[];
/** A concept id's entry, or none. */
type Lookup = (id: unknown) => ConceptEntry | undefined;

const cell = (cells: Cells, i: number): never => (cells[i] ?? null) as never;

/**
 * Each domain's reader: the full row from the compact cells, in {@link COMPACT_CELLS}' order
 * (cell `i` of the list is `cells[i + 1]`), as one object literal per domain so that every row of
 * a domain has the same shape (absent values are `null`, as the full extraction gives them).
 */
const READERS: Readonly<Record<Exclude<OmopDomain, "drug">, (personId: string, c: Cells, concept: Lookup) => OmopRow>> = {
  person: (person_id, c) => ({ person_id, domain: "person", year_of_birth: cell(c, 1), month_of_birth: cell(c, 2), day_of_birth: cell(c, 3) }),
  observation_period: (person_id, c) => ({ person_id, domain: "observation_period", record_id: cell(c, 1), start_date: cell(c, 2), end_date: cell(c, 3) }),
  condition: (person_id, c, concept) => {
    const [standard, source] = [concept(c[4]), concept(c[5])];
    return { person_id, domain: "condition", record_id: cell(c, 1), start_date: cell(c, 2), end_date: cell(c, 3), vocabulary_id: standard?.vocabularyId ?? null, concept_code: standard?.conceptCode ?? null, source_vocabulary_id: source?.vocabularyId ?? null, source_code: source?.conceptCode ?? null, source_value: cell(c, 6) };
  },
  measurement: (person_id, c, concept) => scoreRow(person_id, "measurement", c, concept),
  observation: (person_id, c, concept) => scoreRow(person_id, "observation", c, concept),
  procedure: (person_id, c, concept) => {
    const [standard, source] = [concept(c[3]), concept(c[4])];
    return { person_id, domain: "procedure", record_id: cell(c, 1), start_date: cell(c, 2), vocabulary_id: standard?.vocabularyId ?? null, concept_code: standard?.conceptCode ?? null, source_vocabulary_id: source?.vocabularyId ?? null, source_code: source?.conceptCode ?? null, source_value: cell(c, 5) };
  },
};

/** A measurement or observation row (the same cells). */
function scoreRow(person_id: string, domain: "measurement" | "observation", c: Cells, concept: Lookup): OmopRow {
  const [standard, source] = [concept(c[3]), concept(c[4])];
  return { person_id, domain, record_id: cell(c, 1), start_date: cell(c, 2), vocabulary_id: standard?.vocabularyId ?? null, concept_code: standard?.conceptCode ?? null, source_vocabulary_id: source?.vocabularyId ?? null, source_code: source?.conceptCode ?? null, source_value: cell(c, 5), value_as_number: cell(c, 6) };
}

/** A drug exposure's rows: one per relevant ingredient of its concept (none when it has none). */
function drugRows(person_id: string, c: Cells, ingredients: readonly DrugConceptEntry["row"][], type: ConceptEntry | undefined, out: OmopRow[]): void {
  for (const i of ingredients) {
    out.push({
      person_id,
      domain: "drug",
      record_id: cell(c, 1),
      start_date: cell(c, 2),
      end_date: cell(c, 3),
      vocabulary_id: i.vocabulary_id ?? null,
      concept_code: i.concept_code ?? null,
      type_name: type?.conceptName ?? null,
      quantity: cell(c, 6),
      days_supply: cell(c, 7),
      sig: cell(c, 8),
      stop_reason: cell(c, 9),
      ingredient_count: i.ingredient_count ?? null,
      amount_value: i.amount_value ?? null,
      amount_unit: i.amount_unit ?? null,
      numerator_value: i.numerator_value ?? null,
      numerator_unit: i.numerator_unit ?? null,
      denominator_value: i.denominator_value ?? null,
      denominator_unit: i.denominator_unit ?? null,
    });
  }
}

/**
 * A reader of compact rows with a vocabulary: `(personId, rows)` to the person's
 * {@link OmopRow}s, the rows the full extraction gives (a missing value is `null`). A drug row
 * becomes one row per relevant ingredient of its concept. Entries that are not compact rows (not
 * an array, an unknown domain index) are skipped.
 *
 * @example
 * const read = compactRowReader({ drugs: [], concepts: [{ conceptId: 7, vocabularyId: "CPT4", conceptCode: "90870", conceptName: "ECT" }] });
 * read("12", [[6, "3", "2024-01-02", 7, null, "90870"]])[0];
 * //=> { person_id: "12", domain: "procedure", record_id: "3", start_date: "2024-01-02", vocabulary_id: "CPT4", concept_code: "90870", source_vocabulary_id: null, source_code: null, source_value: "90870" }
 */
export function compactRowReader(vocabulary: OmopVocabulary): (personId: string, rows: unknown) => OmopRow[] {
  const ingredientsOf = new Map<unknown, DrugConceptEntry["row"][]>();
  for (const d of vocabulary.drugs) {
    const known = ingredientsOf.get(d.drugConceptId);
    if (known === undefined) ingredientsOf.set(d.drugConceptId, [d.row]);
    else known.push(d.row);
  }
  const concepts = new Map<unknown, ConceptEntry>(vocabulary.concepts.map((c) => [c.conceptId, c]));
  const concept: Lookup = (id) => (id === null ? undefined : concepts.get(id));
  const drug = OMOP_DOMAINS.indexOf("drug");
  return (personId, rows) => {
    const out: OmopRow[] = [];
    if (!Array.isArray(rows)) return out;
    for (const cells of rows as unknown[]) {
      if (!Array.isArray(cells)) continue;
      const index = cells[0] as number;
      if (index === drug) drugRows(personId, cells, ingredientsOf.get(cells[4]) ?? [], concept(cells[5]), out);
      else {
        const domain = OMOP_DOMAINS[index];
        if (domain !== undefined && domain !== "drug") out.push(READERS[domain](personId, cells, concept));
      }
    }
    return out;
  };
}
