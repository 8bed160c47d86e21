/**
 * Text measured without fonts: every character is taken to be a fixed fraction of the font size
 * wide, a generous average (wide enough for DejaVu Sans, Verdana and Arial lower case), so laid-out
 * labels do not collide in any of the fonts a reader is likely to have.
 *
 * @module
 */

/** Width of one character, as a fraction of the font size: regular and bold. */
export const CHAR_WIDTH_EM = { regular: 0.64, bold: 0.7 } as const;

/**
 * The estimated width of a line of text, in pixels.
 *
 * @example
 * textWidth("sertraline", 10); //=> 64
 * textWidth("ab", 10, true); //=> 14
 */
export function textWidth(value: string, fontSize: number, bold = false): number {
  return [...value].length * fontSize * (bold ? CHAR_WIDTH_EM.bold : CHAR_WIDTH_EM.regular);
}

/**
 * Breaks text into lines no wider than `maxWidth`: first at the given separators (kept at the end
 * of a line), then at spaces; a single word longer than a line is cut.
 *
 * @example
 * wrapText("dose 100 mg/day · 8 weeks · adherence good", 120, 10); //=> ["dose 100 mg/day ·", "8 weeks ·", "adherence good"]
 */
export function wrapText(value: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const perLine = Math.max(4, Math.floor(maxWidth / (fontSize * (bold ? CHAR_WIDTH_EM.bold : CHAR_WIDTH_EM.regular))));
  const lines: string[] = [];
  let current = "";
  for (const word of value.split(" ")) {
    if (word === "") continue;
    let rest = word;
    while ([...rest].length > perLine) {
      if (current !== "") lines.push(current);
      current = "";
      const chars = [...rest];
      lines.push(chars.slice(0, perLine).join(""));
      rest = chars.slice(perLine).join("");
    }
    const candidate = current === "" ? rest : `${current} ${rest}`;
    if ([...candidate].length <= perLine) current = candidate;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/**
 * The text, cut with an ellipsis if it is wider than `maxWidth`.
 *
 * @example
 * fitText("response trial-with-a-long-id ≤15", 100, 10); //=> "response trial…"
 * fitText("remission ≤10", 100, 10); //=> "remission ≤10"
 */
export function fitText(value: string, maxWidth: number, fontSize: number, bold = false): string {
  const chars = [...value];
  const fits = Math.max(1, Math.floor(maxWidth / (fontSize * (bold ? CHAR_WIDTH_EM.bold : CHAR_WIDTH_EM.regular))));
  return chars.length <= fits ? value : `${chars.slice(0, fits - 1).join("")}…`;
}
