/**
 * renderTimeline's structure, vignette by vignette: a lane per trial and course, the adequate-dose
 * line at the threshold's y-position, the counted span's dates, the verdicts and labels, the
 * ratings panel, and the text alternative. The SVG is parsed by a real XML parser.
 */
import { describe, expect, it } from "vitest";
import { classifyTrd, parseTreatmentHistory, renderTimeline } from "trd-classifier";
import type { ClassifyTrdOptions, TrdAssessment, TreatmentHistory, TreatmentHistoryInput } from "trd-classifier";
import { allNodes, byClass, parseXml, textOf } from "./svgTree";
import type { XmlNode } from "./svgTree";

function render(input: TreatmentHistoryInput, options: Omit<ClassifyTrdOptions, "asOf"> & { asOf: string }): { svg: string; root: XmlNode; history: TreatmentHistory; assessment: TrdAssessment } {
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  const assessment = classifyTrd(parsed.data, { countedSpans: true, ...options });
  const svg = renderTimeline(parsed.data, assessment);
  return { svg, root: parseXml(svg), history: parsed.data, assessment };
}

function lanes(root: XmlNode): XmlNode[] {
  return byClass(root, "lane");
}

function laneOf(root: XmlNode, trialId: string): XmlNode {
  const found = lanes(root).filter((l) => l.attrs["data-trial-id"] === trialId || l.attrs["data-course-id"] === trialId);
  expect(found, `one lane for ${trialId}`).toHaveLength(1);
  return found[0] as XmlNode;
}

const one = (node: XmlNode, cls: string): XmlNode => {
  const found = byClass(node, cls);
  expect(found, `one .${cls}`).toHaveLength(1);
  return found[0] as XmlNode;
};

/** The y the lane's dose scale gives a dose, from the lane's own data attributes. */
function doseY(lane: XmlNode, mg: number): number {
  const top = Number(lane.attrs["data-band-top"]);
  const height = Number(lane.attrs["data-band-height"]);
  const max = Number(lane.attrs["data-dose-max"]);
  return top + height - 2 - (mg / max) * (height - 4);
}

/** The x of a date on the timeline's axis, from the root's data attributes. */
function dateX(root: XmlNode, date: string): number {
  const from = Date.parse(root.attrs["data-domain-from"] ?? "");
  const to = Date.parse(root.attrs["data-domain-to"] ?? "");
  const left = Number(root.attrs["data-plot-left"]);
  const right = Number(root.attrs["data-plot-right"]);
  const days = (to - from) / 86_400_000 + 1;
  return left + ((Date.parse(date) - from) / 86_400_000) * ((right - left) / days);
}

const titration: TreatmentHistoryInput = {
  id: "titration",
  episode: { onset: "2024-01-01" },
  trials: [
    {
      id: "t1",
      agent: { name: "sertraline" },
      start: "2024-01-10",
      end: "2024-04-10",
      doses: [
        { from: "2024-01-10", mgPerDay: 25 },
        { from: "2024-01-24", mgPerDay: 50 },
        { from: "2024-02-21", mgPerDay: 100 },
      ],
      adherence: "good",
      stopReason: "ineffective",
    },
  ],
  assessments: [
    { date: "2024-01-08", scale: "MADRS", total: 32 },
    { date: "2024-02-20", scale: "MADRS", total: 29 },
    { date: "2024-04-08", scale: "MADRS", total: 28 },
  ],
};

describe("renderTimeline: titration", () => {
  const { svg, root, assessment } = render(titration, { asOf: "2024-06-30" });
  const t1 = assessment.trials[0];

  it("is an SVG document with a title and a text alternative", () => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(root.name).toBe("svg");
    expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(root.attrs.role).toBe("img");
    const title = allNodes(root).find((n) => n.name === "title" && n.attrs.id === "trd-timeline-title");
    const desc = allNodes(root).find((n) => n.name === "desc");
    expect(title?.text).toBe("Treatment timeline: titration");
    expect(root.attrs["aria-labelledby"]).toBe("trd-timeline-title trd-timeline-desc");
    expect(desc?.text).toContain("t1 · sertraline · monotherapy, 2024-01-10 to 2024-04-10: failed");
    expect(desc?.text).toContain("MADRS 32 on 2024-01-08");
  });

  it("draws one lane, with the adequate-dose line at the threshold's y-position", () => {
    expect(lanes(root)).toHaveLength(1);
    const lane = laneOf(root, "t1");
    expect(t1?.dose.status).toBe("adequate");
    const threshold = t1?.dose.status === "adequate" && !("basis" in t1.dose) ? t1.dose.thresholdMgPerDay : NaN;
    expect(threshold).toBe(50);
    const line = one(lane, "adequate-line");
    expect(line.attrs["data-mg-per-day"]).toBe("50");
    expect(Number(line.attrs.y1)).toBeCloseTo(doseY(lane, 50), 0);
    expect(line.attrs.y1).toBe(line.attrs.y2);
    // The line spans the trial, from its first day to the end of its last.
    expect(Number(line.attrs.x1)).toBeCloseTo(dateX(root, "2024-01-10"), 0);
    expect(Number(line.attrs.x2)).toBeCloseTo(dateX(root, "2024-04-11"), 0);
    const gutter = byClass(lane, "gutter-label").map(textOf);
    expect(gutter).toStrictEqual(["adequate ≥50"]);
  });

  it("draws the dose as steps and shades the span counted at the adequate dose, from the assessment's dates", () => {
    const lane = laneOf(root, "t1");
    expect(one(lane, "dose-line").attrs["data-doses"]).toBe("2024-01-10:25 2024-01-24:50 2024-02-21:100");
    const spans = byClass(lane, "counted-span");
    expect(t1?.duration.countedSpans).toStrictEqual([{ from: "2024-01-24", to: "2024-04-10" }]);
    expect(spans.map((s) => [s.attrs["data-from"], s.attrs["data-to"]])).toStrictEqual([["2024-01-24", "2024-04-10"]]);
    const span = spans[0] as XmlNode;
    expect(Number(span.attrs.x)).toBeCloseTo(dateX(root, "2024-01-24"), 0);
    expect(Number(span.attrs.x) + Number(span.attrs.width)).toBeCloseTo(dateX(root, "2024-04-11"), 0);
  });

  it("marks the stop with its reason and says the verdict, adherence and weeks in words", () => {
    const lane = laneOf(root, "t1");
    expect(one(lane, "stop-marker").attrs["data-stop-reason"]).toBe("ineffective");
    expect(byClass(lane, "ongoing-marker")).toHaveLength(0);
    const verdict = one(lane, "verdict");
    expect(textOf(verdict)).toBe("FAILED");
    expect(lane.attrs["data-verdict"]).toBe("failed");
    // Right-aligned at the lane's end.
    expect(verdict.attrs["text-anchor"]).toBe("end");
    expect(Number(verdict.attrs.x)).toBeCloseTo(dateX(root, "2024-04-11"), 0);
    expect(byClass(lane, "verdict-text").map(textOf).join(" ")).toBe("a failed adequate trial (non-response)");
    const detail = byClass(lane, "lane-detail").map(textOf).join(" ");
    expect(detail).toContain("doses: 25 mg/day from 2024-01-10, 50 mg/day from 2024-01-24, 100 mg/day from 2024-02-21");
    expect(detail).toContain("adherence good");
    expect(detail).toContain("stopped: ineffective");
    expect(detail).toContain(`${t1?.duration.weeksAtAdequateDose} of 4 weeks counted`);
  });

  it("plots the ratings with the remission cut-off and the trial's response line", () => {
    const panel = one(root, "score-panel");
    expect(panel.attrs["data-scale"]).toBe("MADRS");
    const top = Number(panel.attrs["data-panel-top"]);
    const height = Number(panel.attrs["data-panel-height"]);
    const y = (total: number): number => top + height - (total / 60) * height;
    const remission = one(panel, "remission-line");
    expect(remission.attrs["data-total"]).toBe("10");
    expect(Number(remission.attrs.y1)).toBeCloseTo(y(10), 0);
    const response = one(panel, "response-line");
    // EU-PEARL: response is a 50% improvement from the trial's baseline (32), so 16.
    expect(t1?.outcome.basis).toBe("scores");
    expect(response.attrs["data-total"]).toBe("16");
    expect(Number(response.attrs.y1)).toBeCloseTo(y(16), 0);
    const points = byClass(panel, "score-point").map((p) => [p.attrs["data-date"], p.attrs["data-total"]]);
    expect(points).toStrictEqual([["2024-01-08", "32"], ["2024-02-20", "29"], ["2024-04-08", "28"]]);
    expect(one(panel, "baseline-mark").attrs["data-date"]).toBe("2024-01-08");
    expect(one(panel, "endpoint-mark").attrs["data-date"]).toBe("2024-04-08");
    expect(byClass(panel, "gutter-label").map(textOf).sort()).toStrictEqual(["remission ≤10", "response t1 ≤16"]);
  });

  it("marks the episode onset and the as-of date, with labels", () => {
    const onset = byClass(root, "episode-boundary");
    expect(onset.map((l) => [l.attrs["data-boundary"], l.attrs["data-date"]])).toStrictEqual([["onset", "2024-01-01"]]);
    // Drawn as a segment in each band and panel, not across the text between them.
    const segments = onset[0]?.children ?? [];
    expect(segments.length).toBe(byClass(root, "band").length + byClass(root, "panel").length);
    for (const segment of segments) expect(Number(segment.attrs.x1)).toBeCloseTo(dateX(root, "2024-01-01"), 0);
    expect(one(root, "as-of-line").attrs["data-date"]).toBe("2024-06-30");
    const markers = byClass(root, "marker-label").map(textOf);
    expect(markers).toContain("episode onset 2024-01-01");
    expect(markers).toContain("as of 2024-06-30");
    expect(textOf(one(root, "status"))).toBe("Status: no-response under EU-PEARL Delphi consensus (Sforzini et al. 2022)".replace("no-response", assessment.status));
  });

  it("gives the same bytes for the same input", () => {
    expect(render(titration, { asOf: "2024-06-30" }).svg).toBe(svg);
  });
});

describe("renderTimeline: augmentation, ECT and an ongoing trial", () => {
  const { root, assessment } = render(
    {
      episode: { onset: "2023-01-01" },
      trials: [
        { id: "t1", agent: { name: "sertraline" }, start: "2023-01-10", end: "2023-03-31", mgPerDay: 100, adherence: "good", stopReason: "ineffective", outcome: { percentImprovement: 10 } },
        { id: "t2", agent: { name: "venlafaxine" }, start: "2023-04-05", end: "2023-06-30", mgPerDay: 150, adherence: "good", stopReason: "ineffective", outcome: { percentImprovement: 15 } },
        { id: "t3", agent: { name: "aripiprazole" }, role: "augmentation", augments: "t2", start: "2023-05-15", end: "2023-06-30", mgPerDay: 5, stopReason: "intolerance" },
        { id: "t4", agent: { name: "mirtazapine" }, start: "2024-05-01", mgPerDay: 30 },
      ],
      otherTreatments: [{ kind: "ect", id: "e1", start: "2023-08-01", end: "2023-09-15", laterality: "bilateral", sessions: 12, outcome: { percentImprovement: 40 } }],
    },
    { asOf: "2024-06-30", resistantSince: true },
  );

  it("draws a lane per trial and per course, in the history's order", () => {
    expect(lanes(root).map((l) => l.attrs["data-trial-id"] ?? l.attrs["data-course-id"])).toStrictEqual(["t1", "t2", "t3", "t4", "e1"]);
    expect(lanes(root).map((l) => l.attrs["data-lane-kind"])).toStrictEqual(["trial", "trial", "trial", "trial", "ect"]);
  });

  it("names the augmentation and the trial it augments, with its own verdict from the assessment", () => {
    const lane = laneOf(root, "t3");
    expect(lane.attrs["data-role"]).toBe("augmentation");
    expect(textOf(one(lane, "lane-heading"))).toBe("t3 · aripiprazole · augmentation of t2");
    const t3 = assessment.trials.find((t) => t.trialId === "t3");
    expect(t3?.countsTowardResistance).toBe(false);
    // Not counted under EU-PEARL (augmentation), whatever its adequacy.
    expect(t3?.reasons.map((r) => r.code)).toContain("augmentation_not_counted");
    expect(lane.attrs["data-verdict"]).toBe("does not count");
    const message = t3?.reasons.find((r) => r.code === "trial_not_failed")?.message ?? "";
    expect(byClass(lane, "verdict-text").map(textOf).join(" ")).toBe(message.slice(message.indexOf("(t3): ") + 6));
    expect(one(lane, "stop-marker").attrs["data-stop-reason"]).toBe("intolerance");
  });

  it("draws the ECT course with its dates, sessions and recorded outcome, and says the rule sets do not assess it", () => {
    const lane = laneOf(root, "e1");
    const span = one(lane, "course-span");
    expect([span.attrs["data-start"], span.attrs["data-end"]]).toStrictEqual(["2023-08-01", "2023-09-15"]);
    expect(textOf(one(lane, "lane-heading"))).toBe("e1 · ECT (bilateral)");
    expect(byClass(lane, "lane-detail").map(textOf).join(" ")).toBe("12 sessions · ended 2023-09-15 · 40% improvement recorded");
    expect(textOf(one(lane, "verdict"))).toBe("COURSE");
  });

  it("ends the ongoing trial at the as-of date with an arrow, its counted span up to that date", () => {
    const lane = laneOf(root, "t4");
    expect(lane.attrs["data-ongoing"]).toBe("true");
    expect(lane.attrs["data-end"]).toBe("2024-06-30");
    expect(byClass(lane, "ongoing-marker")).toHaveLength(1);
    expect(byClass(lane, "stop-marker")).toHaveLength(0);
    expect(byClass(lane, "counted-span").map((s) => [s.attrs["data-from"], s.attrs["data-to"]])).toStrictEqual([["2024-05-01", "2024-06-30"]]);
    expect(byClass(lane, "lane-detail").map(textOf).join(" ")).toContain("ongoing");
  });

  it("shows the status with the date it was first met", () => {
    expect(assessment.status).toBe("no-response");
    expect(assessment.resistantSince?.date).toBeDefined();
    const since = one(root, "resistant-since-line");
    expect(since.attrs["data-date"]).toBe(assessment.resistantSince?.date);
    expect(byClass(root, "status-detail").map(textOf)).toContain(`Resistant since ${assessment.resistantSince?.date} (${assessment.resistantSince?.trialId}: ${assessment.resistantSince?.event.replace(/-/g, " ")})`);
    expect(byClass(root, "marker-label").map(textOf)).toContain(`resistant since ${assessment.resistantSince?.date}`);
  });

  it("says there are no ratings, and draws no ratings panel", () => {
    expect(byClass(root, "score-panel")).toHaveLength(0);
    expect(textOf(one(root, "no-scores"))).toContain("No ratings on record");
  });
});

describe("renderTimeline: a bipolar patient under a definition that excludes bipolar depression", () => {
  const { root, assessment } = render(
    {
      patient: { diagnoses: [{ condition: "bipolar-disorder" }] },
      episode: { onset: "2024-01-01" },
      trials: [
        { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
        { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
      ],
    },
    { asOf: "2024-06-01" },
  );

  it("leads with not applicable, and still shows the trials", () => {
    expect(assessment.displayStatus).toBe("not-applicable");
    expect(root.attrs["data-display-status"]).toBe("not-applicable");
    const status = one(root, "status");
    expect(textOf(status)).toBe(`Result: not applicable under EU-PEARL Delphi consensus (Sforzini et al. 2022); the trials alone give ${assessment.status}`);
    expect(byClass(root, "status-detail").map(textOf).join(" ")).toContain("Bipolar disorder on record");
    expect(lanes(root).map((l) => l.attrs["data-trial-id"])).toStrictEqual(["t1", "t2"]);
  });
});

describe("renderTimeline: text is escaped, and options apply", () => {
  it("escapes ids, names and titles", () => {
    const { root, svg } = render(
      { id: `<p&"1'>`, episode: { onset: "2024-01-01" }, trials: [{ id: "t<1>", agent: { name: "a & b <drug>" }, start: "2024-01-10", mgPerDay: 10 }] },
      { asOf: "2024-03-01" },
    );
    expect(svg).not.toContain("<p&");
    expect(allNodes(root).find((n) => n.name === "title")?.text).toBe(`Treatment timeline: <p&"1'>`);
    expect(laneOf(root, "t<1>").attrs["data-trial-id"]).toBe("t<1>");
    expect(textOf(one(root, "lane-heading"))).toBe("t<1> · a & b <drug> · monotherapy");
  });

  it("takes a width, a title and an id prefix", () => {
    const parsed = parseTreatmentHistory(titration);
    if (!parsed.success) throw new Error("invalid");
    const svg = renderTimeline(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-30" }), { width: 900, title: "Mine", idPrefix: "p 7" });
    const root = parseXml(svg);
    expect(root.attrs.width).toBe("900");
    expect(root.attrs["aria-labelledby"]).toBe("p_7-title p_7-desc");
    expect(allNodes(root).find((n) => n.name === "title")?.text).toBe("Mine");
    // Without countedSpans the assessment has no spans, and none is drawn (nothing is recomputed).
    expect(byClass(root, "counted-span")).toHaveLength(0);
  });
});
