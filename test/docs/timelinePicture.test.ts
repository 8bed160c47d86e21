/**
 * The README's timeline picture (docs/images/timeline.svg) is what `npm run docs:timeline` makes
 * from the bundled cohort today: regenerate it after changing the renderer or the classification.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PICTURE_PATH, timelinePicture } from "./timelinePicture";

describe("docs/images/timeline.svg", () => {
  it("is up to date (npm run docs:timeline)", () => {
    expect(readFileSync(PICTURE_PATH, "utf8") === timelinePicture(), "docs/images/timeline.svg is out of date: run npm run docs:timeline").toBe(true);
  });

  it("is shown in the README", () => {
    expect(readFileSync(new URL("../../README.md", import.meta.url), "utf8")).toContain("](docs/images/timeline.svg)");
  });
});
