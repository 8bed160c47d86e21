/**
 * Free-text dosage instructions ("sigs") in the common English forms: "take 1 tablet by mouth
 * twice daily", "1 po qhs", "2 tabs daily", "one and a half tablets in the morning", "take 1
 * tablet (100 mg total) by mouth daily", "10 mL twice a day". The whole text must be understood;
 * anything else (as needed, ranges, tapers, "as directed") gives `undefined`, never a guess.
 *
 * @module
 */

/** One dose and how often, as read from a sig. */
export interface SigDose {
  readonly amount: { readonly kind: "count"; readonly units: number } | { readonly kind: "mass"; readonly mg: number } | { readonly kind: "volume"; readonly ml: number };
  readonly perDay: number;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  "one half": 0.5,
  "a half": 0.5,
  half: 0.5,
  one: 1,
  "one and a half": 1.5,
  "one and one half": 1.5,
  two: 2,
  "two and a half": 2.5,
  three: 3,
  four: 4,
};

const QUANTITY = "(\\d+\\s+\\d+\\s*/\\s*\\d+|\\d+\\s*/\\s*\\d+|\\d+(?:\\.\\d+)?|one and (?:a|one) half|two and a half|one half|a half|half|one|two|three|four)";
const UNIT = "(tablets?|tabs?|capsules?|caps?|mg|mcg|ml|milligrams?|milliliters?)";
const ROUTE = "(?:by mouth|orally|oral|po|p\\.o\\.)";

/** Frequency phrases and administrations per day. Longer phrases come first. */
const FREQUENCIES: readonly (readonly [RegExp, number])[] = [
  [/^(once (a|per) day|once daily|daily|every day|each day|a day|per day|qd|q\.d\.|q day|q24h|every 24 hours)$/, 1],
  [/^(every|each|in the|q) ?(morning|am|a\.m\.)$|^qam$|^in am$/, 1],
  [/^(every|each|in the|at) ?(evening|night|pm|p\.m\.)$|^(nightly|qpm|qhs|hs|at bedtime|every night at bedtime|at night|before bed|before bedtime)$/, 1],
  [/^(twice (a|per) day|twice daily|bid|b\.i\.d\.|two times (a|per) day|2 times (a|per) day|2 times daily|two times daily|every 12 hours|q12h|q 12 h)$/, 2],
  [/^(three times (a|per) day|three times daily|tid|t\.i\.d\.|3 times (a|per) day|3 times daily|every 8 hours|q8h|q 8 h)$/, 3],
  [/^(four times (a|per) day|four times daily|qid|q\.i\.d\.|4 times (a|per) day|4 times daily|every 6 hours|q6h|q 6 h)$/, 4],
  [/^(every other day|qod|q\.o\.d\.|on alternate days)$/, 0.5],
];

function quantityOf(text: string): number | undefined {
  const word = NUMBER_WORDS[text];
  if (word !== undefined) return word;
  const mixed = /^(\d+)\s+(\d+)\s*\/\s*(\d+)$/.exec(text);
  if (mixed !== null) return Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  if (fraction !== null) return Number(fraction[2]) === 0 ? undefined : Number(fraction[1]) / Number(fraction[2]);
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function amountOf(quantity: number, unit: string | undefined): SigDose["amount"] {
  if (unit === undefined || /^(tab|cap)/.test(unit)) return { kind: "count", units: quantity };
  if (unit.startsWith("mcg")) return { kind: "mass", mg: quantity / 1000 };
  if (unit.startsWith("m") && unit.includes("g")) return { kind: "mass", mg: quantity };
  return { kind: "volume", ml: quantity };
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/½/g, " 1/2")
    .replace(/[,;]/g, " ")
    .replace(/\.$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Reads a sig; `undefined` when any part of it is not understood.
 *
 * @example
 * parseSig("Take 1 tablet by mouth twice daily"); //=> { amount: { kind: "count", units: 1 }, perDay: 2 }
 * parseSig("1 po qhs"); //=> { amount: { kind: "count", units: 1 }, perDay: 1 }
 * parseSig("take 1 tablet (100 mg total) by mouth daily"); //=> { amount: { kind: "mass", mg: 100 }, perDay: 1 }
 * parseSig("1-2 tablets at bedtime as needed"); //=> undefined
 */
export function parseSig(text: string): SigDose | undefined {
  if (text.length > 200) return undefined;
  const sig = normalise(text);
  const pattern = new RegExp(`^(?:take |give )?${QUANTITY} ?${UNIT}?(?: \\((\\d+(?:\\.\\d+)?) ?(mg|mcg) total\\))?(?: ${ROUTE})? (.+?)(?: ${ROUTE})?$`);
  const match = pattern.exec(sig);
  if (match === null) return undefined;
  const quantity = quantityOf(match[1] ?? "");
  const frequency = FREQUENCIES.find(([phrase]) => phrase.test(match[5] ?? ""))?.[1];
  if (quantity === undefined || frequency === undefined) return undefined;
  const total = match[3] === undefined ? undefined : Number(match[3]) * (match[4] === "mcg" ? 0.001 : 1);
  return { amount: total === undefined ? amountOf(quantity, match[2]) : { kind: "mass", mg: total }, perDay: frequency };
}
