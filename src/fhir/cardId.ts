/**
 * Card ids that are unique per hook call and still pure: a 128-bit hash of the hook instance,
 * the patient and the card's content, written as a UUID (version 8, "custom").
 *
 * @module
 */

/** cyrb128: four 32-bit lanes of a multiply-xorshift hash (public domain). Not cryptographic. */
function hash128(text: string): readonly [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A UUID derived from its parts: the same parts give the same id, different hook instances or
 * patients give different ids.
 *
 * @example
 * cardUuid(["hook-1", "Patient/1", "status", "…"]) === cardUuid(["hook-1", "Patient/1", "status", "…"]); //=> true
 * cardUuid(["hook-1", "Patient/1", "status", "…"]) === cardUuid(["hook-2", "Patient/1", "status", "…"]); //=> false
 */
export function cardUuid(parts: readonly string[]): string {
  const hex = hash128(parts.map((p) => `${p.length}:${p}`).join("|"))
    .map((h) => h.toString(16).padStart(8, "0"))
    .join("");
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
