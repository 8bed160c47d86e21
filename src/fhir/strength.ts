/**
 * A product's strength: milligrams per dose unit (a tablet, a capsule) or per millilitre (a
 * solution), from RxNorm-style names ("sertraline 100 MG Oral Tablet", "fluoxetine 4 MG/ML Oral
 * Solution") or a Medication's `ingredient.strength` ratio.
 *
 * @module
 */
import { objectAt, objectsAt } from "./json";
import { readQuantity } from "./quantity";

/** A strength per dose unit or per millilitre. */
export type Strength = { readonly per: "unit"; readonly mg: number } | { readonly per: "ml"; readonly mg: number };

/** A medication name split into its ingredient name and strength. */
export interface NamedProduct {
  /** The ingredient name as written before the strength ("Sertraline HCl"). */
  readonly name: string;
  readonly strength?: Strength;
  /** More than one ingredient ("A 325 MG / B 5 MG"): the strength is not one number. */
  readonly multiIngredient: boolean;
}

const MG_PER_TEXT_UNIT: Readonly<Record<string, number>> = { mg: 1, mcg: 0.001, ug: 0.001, "µg": 0.001, g: 1000 };
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Splits a medication name into ingredient and strength. A strength per actuation, per hour or
 * per other volume than 1 mL is not read.
 *
 * @example
 * parseProductName("Sertraline 100MG"); //=> { name: "Sertraline", strength: { per: "unit", mg: 100 }, multiIngredient: false }
 * parseProductName("Nizatidine 15 MG/ML Oral Solution"); //=> { name: "Nizatidine", strength: { per: "ml", mg: 15 }, multiIngredient: false }
 * parseProductName("sertraline"); //=> { name: "sertraline", multiIngredient: false }
 */
export function parseProductName(text: string): NamedProduct {
  const trimmed = text.trim().slice(0, 300);
  const multiIngredient = /\d\s*(mg|mcg|ug|g)\b[^/]*\s\/\s+\S/i.test(trimmed);
  const match = /^(.*?)\s*(\d+(?:\.\d+)?)\s*(mg|mcg|ug|µg|g)\b(\s*\/\s*(ml|actuat|hr|24\s*hr|\d+(?:\.\d+)?\s*ml))?/i.exec(trimmed);
  if (match === null || (match[1] ?? "").trim() === "") return { name: trimmed.replace(/\s*\[.*\]\s*$/, ""), multiIngredient };
  const name = (match[1] ?? "").replace(/\s*\(.*\)\s*$/, "").trim();
  const mg = round3(Number(match[2]) * (MG_PER_TEXT_UNIT[(match[3] ?? "").toLowerCase()] ?? Number.NaN));
  const per = match[5]?.toLowerCase();
  if (per === undefined) return { name, strength: { per: "unit", mg }, multiIngredient };
  if (per === "ml") return { name, strength: { per: "ml", mg }, multiIngredient };
  return { name, multiIngredient };
}

/**
 * The strength of a Medication with one ingredient, from its `strength` ratio (mg per dose unit
 * or per mL).
 *
 * @example
 * ingredientStrength({ ingredient: [{ strength: { numerator: { value: 50, code: "mg", system: "http://unitsofmeasure.org" }, denominator: { value: 1, code: "{tbl}", system: "http://unitsofmeasure.org" } } }] });
 * //=> { per: "unit", mg: 50 }
 */
export function ingredientStrength(medication: unknown): Strength | undefined {
  const ingredients = objectsAt(medication, "ingredient");
  if (ingredients.length !== 1) return undefined;
  const ratio = objectAt(ingredients[0], "strength");
  const numerator = readQuantity(objectAt(ratio, "numerator"));
  if (numerator.kind !== "mass") return undefined;
  const denominator = objectAt(ratio, "denominator") === undefined ? ({ kind: "count", units: 1 } as const) : readQuantity(objectAt(ratio, "denominator"));
  if (denominator.kind === "count" && denominator.units > 0) return { per: "unit", mg: round3(numerator.mg / denominator.units) };
  if (denominator.kind === "volume" && denominator.ml > 0) return { per: "ml", mg: round3(numerator.mg / denominator.ml) };
  return undefined;
}
