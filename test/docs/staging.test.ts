import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const page = (name: string): string => readFileSync(fileURLToPath(new URL(`../../docs/staging/${name}`, import.meta.url)), "utf8");

describe("docs/staging", () => {
  it.each([
    ["thase-rush.md", ["sequential", "tca-at-stage-ii-counts"]],
    ["european.md", ["trial-count", "duration", "minWeeks"]],
    ["mgh-s.md", ["with-recalled-items", "meetsRegisterThreshold"]],
    ["maudsley.md", ["durationReading", "whole-months", "severityFrom", "clinician-then-first-score", "highest-score", "incomplete"]],
  ])("%s documents every option and reading the code offers", (file, names) => {
    const text = page(file);
    for (const name of names) expect(text, name).toContain(name);
  });

  it("explains why DM-TRD is absent", () => {
    expect(page("dm-trd.md")).toContain("were not");
  });
});
