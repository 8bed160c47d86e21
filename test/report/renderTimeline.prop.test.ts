/**
 * A property of renderTimeline: for random valid histories (with their courses, ratings and
 * episodes), under every rule set, the SVG is well-formed XML (checked by a real XML parser) and
 * every assessed trial and every course up to the as-of date has exactly one lane.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyTrd, listRuleSets, parseTreatmentHistory, renderTimeline } from "trd-classifier";
import { validHistoryArb } from "../helpers/histories";
import { byClass, parseXml } from "./svgTree";

const courseArb = fc.array(
  fc.record({
    kind: fc.constantFrom("ect" as const, "rtms" as const, "psychotherapy" as const),
    offset: fc.integer({ min: -100, max: 900 }),
    length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    sessions: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  }),
  { maxLength: 3 },
);

describe("renderTimeline (property)", () => {
  it("gives well-formed XML with one lane per trial and per course", () => {
    fc.assert(
      fc.property(validHistoryArb, courseArb, fc.integer({ min: -50, max: 1500 }), fc.constantFrom(...listRuleSets().map((r) => r.id)), fc.boolean(), (input, courses, asOfOffset, ruleSet, since) => {
        const onset = input.episode.onset;
        const at = (days: number): string => new Date(Date.parse(onset) + days * 86_400_000).toISOString().slice(0, 10);
        const otherTreatments = courses.map((c, i) => {
          const base = { id: `c${i}`, start: at(c.offset), ...(c.length === undefined ? {} : { end: at(c.offset + c.length) }), ...(c.sessions === undefined ? {} : { sessions: c.sessions }) };
          return c.kind === "ect" ? { ...base, kind: c.kind, laterality: "unknown" as const } : c.kind === "psychotherapy" ? { ...base, kind: c.kind, type: "cbt" as const } : { ...base, kind: c.kind };
        });
        const parsed = parseTreatmentHistory({ ...input, otherTreatments });
        if (!parsed.success) throw new Error(`the arbitrary made an invalid history: ${JSON.stringify(parsed.issues)}`);
        const asOf = at(asOfOffset);
        const assessment = classifyTrd(parsed.data, { asOf, ruleSet, countedSpans: true, resistantSince: since });
        const root = parseXml(renderTimeline(parsed.data, assessment));
        const lanes = byClass(root, "lane");
        const trialLanes = lanes.map((l) => l.attrs["data-trial-id"]).filter((id) => id !== undefined);
        expect(trialLanes).toStrictEqual(assessment.trials.map((t) => t.trialId));
        expect(new Set(trialLanes).size).toBe(trialLanes.length);
        const courseLanes = lanes.map((l) => l.attrs["data-course-id"]).filter((id) => id !== undefined);
        expect(courseLanes).toStrictEqual(parsed.data.otherTreatments.filter((c) => c.start <= asOf).map((c) => c.id));
        for (const t of assessment.trials) {
          const spans = byClass(lanes.find((l) => l.attrs["data-trial-id"] === t.trialId) ?? root, "counted-span");
          expect(spans.map((s) => `${s.attrs["data-from"]}..${s.attrs["data-to"]}`)).toStrictEqual((t.duration.countedSpans ?? []).map((s) => `${s.from}..${s.to}`));
        }
      }),
      { numRuns: 150 },
    );
  });
});
