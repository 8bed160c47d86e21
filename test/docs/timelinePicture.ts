/**
 * The README's timeline picture: `npm run docs:timeline` writes docs/images/timeline.svg from a
 * patient of the bundled cohort (examples/data/cohort/demo-01.json, as of 2023-12-31, under the
 * default rule set). test/docs/timelinePicture.test.ts checks that the committed picture is what
 * this gives.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { classifyTrd, parseTreatmentHistory, renderTimeline } from "../../src/index";

export const PICTURE_PATH = fileURLToPath(new URL("../../docs/images/timeline.svg", import.meta.url));
const PATIENT = fileURLToPath(new URL("../../examples/data/cohort/demo-01.json", import.meta.url));

/** The picture, as the README shows it. */
export function timelinePicture(): string {
  const parsed = parseTreatmentHistory(JSON.parse(readFileSync(PATIENT, "utf8")));
  if (!parsed.success) throw new Error("examples/data/cohort/demo-01.json is no longer a valid history");
  const assessment = classifyTrd(parsed.data, { asOf: "2023-12-31", countedSpans: true, resistantSince: true });
  return `${renderTimeline(parsed.data, assessment, { title: "Treatment timeline: demo-01 (bundled example cohort)" })}\n`;
}

if (process.argv.includes("--write")) {
  writeFileSync(PICTURE_PATH, timelinePicture());
  console.log(`wrote ${PICTURE_PATH}`);
}
