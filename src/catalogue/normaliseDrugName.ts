/**
 * Spelling-insensitive normal form of a drug name.
 *
 * @module
 */

/** Salt and ester words that name the same active moiety ("sertraline hydrochloride"). */
const SALT_WORDS = new Set([
  "hydrochloride",
  "hcl",
  "hydrobromide",
  "hbr",
  "oxalate",
  "maleate",
  "sulfate",
  "sulphate",
  "succinate",
  "fumarate",
  "mesylate",
  "tartrate",
  "carbonate",
  "citrate",
  "sodium",
  "besylate",
  "mesilate",
  "dihydrate",
]);

/** Release-form abbreviations that do not change the agent ("venlafaxine XR"). */
const RELEASE_WORDS = new Set(["er", "xr", "xl", "sr", "cr", "ir", "la", "odt", "extended", "release", "prolonged", "modified"]);

/**
 * Normalises a drug name for matching: lower case, accents removed, punctuation and separators
 * (`-`, `/`, `+`, `&`) folded to single spaces, and trailing salt or release-form words dropped.
 * Matching is then by whole normalised name, so `escitalopram` never matches `citalopram`.
 *
 * @param name - A generic or brand name as written in a record.
 * @returns The normal form, or `""` when nothing is left.
 * @example
 * normaliseDrugName("Sertraline Hydrochloride"); //=> "sertraline"
 * normaliseDrugName("Olanzapine/Fluoxetine"); //=> "olanzapine fluoxetine"
 */
export function normaliseDrugName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[®™]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "" && w !== "and");
  while (words.length > 1 && (SALT_WORDS.has(words.at(-1) ?? "") || RELEASE_WORDS.has(words.at(-1) ?? ""))) words.pop();
  return words.join(" ");
}
