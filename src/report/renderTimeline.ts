/**
 * A patient's treatment timeline as an SVG string: a lane per trial and per course, the daily
 * dose against the adequate dose, the days counted, the verdicts, the ratings against the
 * response and remission lines, the episode and the as-of date.
 *
 * @module
 */
import type { TrdAssessment, TrialAssessment } from "../classify/types";
import { addDays, daysBetween, maxDate, minDate } from "../internal/dates";
import { REMISSION_THRESHOLDS } from "../rules/scaleThresholds";
import type { TreatmentHistory } from "../schema/history";
import type { OtherTreatment } from "../schema/otherTreatment";
import { SCALES, SCALE_IDS } from "../schema/scales";
import type { ScaleId } from "../schema/scales";
import type { Trial } from "../schema/trial";
import { TIMELINE_COLOURS as C } from "./palette";
import { fitText, textWidth, wrapText } from "./textWidth";
import { courseDetails, courseHeading, statusLines, trialDetails, trialHeading, trialVerdict } from "./timelineText";
import { timeScale, timeTicks } from "./timeScale";
import type { TimeScale } from "./timeScale";
import { el, escapeXml, num, text } from "./xml";
import type { Attributes } from "./xml";

/**
 * Options of {@link renderTimeline}.
 *
 * @example
 * const options: RenderTimelineOptions = { width: 800, title: "Timeline of patient 17", idPrefix: "p17" };
 */
export interface RenderTimelineOptions {
  /** Width in pixels (default 640; at least 480). The height follows from the content. */
  readonly width?: number;
  /** The heading (default "Treatment timeline", followed by the history's id when it has one). */
  readonly title?: string;
  /** Prefix of the ids inside the SVG, to keep them unique when several timelines share a page (default "trd-timeline"). */
  readonly idPrefix?: string;
}

const FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";
const SIZE = { title: 16, text: 12, small: 11, tiny: 10 } as const;
const LINE = { title: 21, text: 16, small: 14, tiny: 13 } as const;
const PAD = 8;
const PLOT_LEFT = 40;
const GUTTER = 120;
const BAND_HEIGHT = 36;
const PANEL_HEIGHT = 112;

/** A laid-out text box, to keep optional labels from overlapping. */
interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The box of a text at (x, baseline y). */
function boxOf(x: number, y: number, value: string, size: number, anchor: "start" | "middle" | "end", bold = false): Box {
  const w = textWidth(value, size, bold);
  const x0 = anchor === "start" ? x : anchor === "middle" ? x - w / 2 : x - w;
  return { x0, x1: x0 + w, y0: y - size, y1: y + size * 0.3 };
}

interface TextOptions {
  readonly size?: number;
  readonly bold?: boolean;
  readonly anchor?: "start" | "middle" | "end";
  readonly fill?: string;
  readonly cls?: string;
  readonly data?: Attributes;
}

/** A `<text>` element. */
function label(x: number, y: number, value: string, o: TextOptions = {}): string {
  return el(
    "text",
    {
      x,
      y,
      "font-size": o.size ?? SIZE.text,
      "font-weight": o.bold === true ? "bold" : undefined,
      "text-anchor": o.anchor === undefined || o.anchor === "start" ? undefined : o.anchor,
      fill: o.fill ?? C.text,
      class: o.cls ?? "label",
      ...o.data,
    },
    text(value),
  );
}

/** The drawing in progress: the next free y, the layers, and the ids. */
class Canvas {
  y = PAD;
  readonly background: string[] = [];
  readonly body: string[] = [];
  /** The vertical extents of the bands and panels, where the date markers are drawn (not across text). */
  readonly strips: { readonly top: number; readonly bottom: number }[] = [];
  constructor(
    readonly width: number,
    readonly prefix: string,
  ) {}

  /** Text wrapped from x = PAD: one `<text>`, a `<tspan>` per line. */
  paragraph(value: string, o: TextOptions & { readonly line?: number } = {}): void {
    const size = o.size ?? SIZE.text;
    const lines = wrapText(value, this.width - 2 * PAD, size, o.bold);
    if (lines.length === 0) return;
    const first = this.y + (o.line ?? LINE.text) - 4;
    const spans = lines.map((line, i) => {
      this.y += o.line ?? LINE.text;
      return i === 0 ? text(line) : el("tspan", { x: PAD, y: this.y - 4 }, text(line));
    });
    this.body.push(
      el("text", { x: PAD, y: first, "font-size": size, "font-weight": o.bold === true ? "bold" : undefined, fill: o.fill ?? C.text, class: o.cls ?? "label", ...o.data }, spans),
    );
  }
}

/** The first and last day shown: the episode, every trial, course and rating, and the as-of date, with a margin. */
function domainOf(history: TreatmentHistory, assessment: TrdAssessment, courses: readonly OtherTreatment[], ratings: TreatmentHistory["assessments"]): { from: string; to: string } {
  let from = minDate(history.episode.onset, assessment.asOf);
  for (const t of assessment.trials) from = minDate(from, t.start);
  for (const c of courses) from = minDate(from, c.start);
  for (const r of ratings) from = minDate(from, r.date);
  const to = maxDate(assessment.asOf, history.episode.onset);
  const margin = Math.max(7, Math.round((daysBetween(from, to) + 1) * 0.03));
  return { from: addDays(from, -margin), to: addDays(to, margin) };
}

/** The legend: each mark with its line style or pattern and its name. */
function drawLegend(canvas: Canvas, hasCourses: boolean, hasRatings: boolean): void {
  const p = canvas.prefix;
  const swatch: Record<string, (x: number, y: number) => string> = {
    "daily dose": (x, y) => el("path", { d: `M${num(x)} ${num(y + 2)}H${num(x + 8)}V${num(y - 4)}H${num(x + 18)}`, fill: "none", stroke: C.dose, "stroke-width": 2 }),
    "adequate dose": (x, y) => el("line", { x1: x, y1: y - 1, x2: x + 18, y2: y - 1, stroke: C.adequateLine, "stroke-width": 2, "stroke-dasharray": "5 3" }),
    "days counted at the adequate dose": (x, y) => el("rect", { x, y: y - 7, width: 18, height: 10, fill: `url(#${p}-counted)`, stroke: C.counted }),
    ...(hasCourses ? { "course (ECT, rTMS, psychotherapy...)": (x: number, y: number) => el("rect", { x, y: y - 7, width: 18, height: 10, fill: `url(#${p}-course)`, stroke: C.course, "stroke-dasharray": "2 2" }) } : {}),
    ...(hasRatings
      ? {
          "rating (square: baseline, diamond: endpoint)": (x: number, y: number) => el("circle", { cx: x + 9, cy: y - 2, r: 3, fill: C.score }),
          remission: (x: number, y: number) => el("line", { x1: x, y1: y - 1, x2: x + 18, y2: y - 1, stroke: C.remission, "stroke-width": 2, "stroke-dasharray": "8 2 2 2" }),
          "response (from the trial's baseline)": (x: number, y: number) => el("line", { x1: x, y1: y - 1, x2: x + 18, y2: y - 1, stroke: C.response, "stroke-width": 2, "stroke-dasharray": "2 2" }),
        }
      : {}),
    "as-of date": (x, y) => el("line", { x1: x + 9, y1: y - 8, x2: x + 9, y2: y + 3, stroke: C.asOf, "stroke-width": 2, "stroke-dasharray": "3 2" }),
    "episode onset and end": (x, y) => el("line", { x1: x + 9, y1: y - 8, x2: x + 9, y2: y + 3, stroke: C.episode, "stroke-width": 2 }),
  };
  let x = PAD;
  canvas.y += LINE.small;
  const items: string[] = [];
  for (const [name, draw] of Object.entries(swatch)) {
    const w = 24 + textWidth(name, SIZE.small) + 14;
    if (x + w > canvas.width - PAD && x > PAD) {
      x = PAD;
      canvas.y += LINE.small;
    }
    const y = canvas.y - 4;
    items.push(draw(x, y), label(x + 24, y, name, { size: SIZE.small, cls: "legend-label" }));
    x += w;
  }
  canvas.body.push(el("g", { class: "legend" }, items));
  canvas.y += 6;
}

interface Marker {
  readonly x: number;
  readonly text: string;
  readonly anchor: "start" | "middle" | "end";
  readonly cls: string;
  readonly data: Attributes;
}

/** The axis: month or year ticks, then the labels of the vertical markers in as many rows as they need. */
function drawAxis(canvas: Canvas, scale: TimeScale, markers: readonly Marker[]): void {
  canvas.y += LINE.small;
  const tickY = canvas.y - 4;
  for (const tick of timeTicks(scale, SIZE.small)) {
    const x = scale.x(tick.date);
    canvas.body.push(label(x, tickY, tick.label, { size: SIZE.small, anchor: "middle", fill: C.muted, cls: "tick-label", data: { "data-date": tick.date } }));
    canvas.background.push(el("line", { x1: x, x2: x, y1: tickY + 4, y2: "__BOTTOM__", stroke: C.grid, "stroke-width": 1, class: "tick-line" }));
  }
  const rows: number[] = [];
  const placed: string[] = [];
  for (const m of [...markers].sort((a, b) => a.x - b.x)) {
    const w = textWidth(m.text, SIZE.small);
    let x0 = m.anchor === "start" ? m.x : m.anchor === "middle" ? m.x - w / 2 : m.x - w;
    x0 = Math.min(Math.max(x0, PAD), canvas.width - PAD - w);
    let row = rows.findIndex((end) => end + 8 <= x0);
    if (row === -1) {
      rows.push(0);
      row = rows.length - 1;
    }
    rows[row] = x0 + w;
    placed.push(label(x0, canvas.y + (row + 1) * LINE.small - 4, m.text, { size: SIZE.small, cls: m.cls, data: m.data }));
  }
  canvas.body.push(...placed);
  canvas.y += rows.length * LINE.small + 4;
}

/** The recorded doses of a trial from its start to `end`: each step from its date until the next. */
function doseSteps(trial: Trial | undefined, end: string): { from: string; to: string; mgPerDay: number }[] {
  if (trial === undefined) return [];
  const changes = trial.doses ?? (trial.mgPerDay === undefined ? [] : [{ from: trial.start, mgPerDay: trial.mgPerDay }]);
  const steps: { from: string; to: string; mgPerDay: number }[] = [];
  changes.forEach((c, i) => {
    if (c.from > end) return;
    const next = changes[i + 1];
    steps.push({ from: c.from, to: next === undefined || next.from > end ? end : addDays(next.from, -1), mgPerDay: c.mgPerDay });
  });
  return steps;
}

/** The end marker of a lane: an arrow for an ongoing trial or course, a bar with the stop reason for a stopped one. */
function endMarker(x: number, top: number, ongoing: boolean, stopReason: string | undefined): string {
  if (ongoing) return el("path", { d: `M${num(x)} ${num(top + 8)}L${num(x + 8)} ${num(top + BAND_HEIGHT / 2)}L${num(x)} ${num(top + BAND_HEIGHT - 8)}Z`, fill: C.text, class: "ongoing-marker" }, el("title", {}, text("ongoing")));
  return el("rect", { x: x - 1.5, y: top + 4, width: 3, height: BAND_HEIGHT - 8, fill: C.text, class: "stop-marker", "data-stop-reason": stopReason ?? "not-recorded" }, el("title", {}, text(`stopped: ${stopReason ?? "reason not recorded"}`)));
}

/** The verdict at the lane's end: its tag right-aligned to the lane's last day, then the assessment's sentence. */
function drawVerdict(canvas: Canvas, endX: number, tag: string, sentence: string, data: Attributes): void {
  const tagText = tag.toUpperCase();
  const right = Math.min(Math.max(endX, PAD + textWidth(tagText, SIZE.text, true)), canvas.width - PAD);
  canvas.y += LINE.text;
  canvas.body.push(label(right, canvas.y - 4, tagText, { bold: true, anchor: "end", cls: "verdict", data }));
  canvas.paragraph(sentence, { cls: "verdict-text" });
}

/** One drug trial's lane. */
function drawTrial(canvas: Canvas, scale: TimeScale, t: TrialAssessment, recorded: Trial | undefined): void {
  const p = canvas.prefix;
  const group: string[] = [];
  const laneTop = canvas.y;
  const body = canvas.body;
  const mark = body.length;
  canvas.paragraph(trialHeading(t, recorded), { bold: true, cls: "lane-heading" });
  const top = canvas.y + 2;
  const x0 = scale.x(t.start);
  const x1 = scale.xAfter(t.end);
  const steps = doseSteps(recorded, t.end);
  const threshold = t.dose.status !== "unknown" && !("basis" in t.dose) ? t.dose.thresholdMgPerDay : undefined;
  const doseMax = Math.max(threshold ?? 0, ...steps.map((s) => s.mgPerDay), 1) * 1.15;
  const yOf = (mg: number): number => top + BAND_HEIGHT - 2 - (mg / doseMax) * (BAND_HEIGHT - 4);
  canvas.strips.push({ top, bottom: top + BAND_HEIGHT });
  group.push(el("rect", { x: scale.left, y: top, width: scale.right - scale.left, height: BAND_HEIGHT, fill: C.laneBackground, class: "band" }));
  group.push(el("rect", { x: x0, y: top, width: Math.max(1, x1 - x0), height: BAND_HEIGHT, fill: "#ffffff", stroke: C.muted, "stroke-width": 1, class: "trial-span", "data-start": t.start, "data-end": t.end }));
  for (const span of t.duration.countedSpans ?? []) {
    group.push(
      el(
        "rect",
        { x: scale.x(span.from), y: top, width: Math.max(1, scale.xAfter(span.to) - scale.x(span.from)), height: BAND_HEIGHT, fill: `url(#${p}-counted)`, stroke: C.counted, "stroke-width": 1, class: "counted-span", "data-from": span.from, "data-to": span.to },
        el("title", {}, text(`counted at the adequate dose: ${span.from} to ${span.to}`)),
      ),
    );
  }
  if (threshold !== undefined) {
    const y = yOf(threshold);
    group.push(el("line", { x1: x0, x2: x1, y1: y, y2: y, stroke: C.adequateLine, "stroke-width": 2, "stroke-dasharray": "5 3", class: "adequate-line", "data-mg-per-day": String(threshold) }));
    const ly = Math.min(Math.max(y + 4, top + SIZE.small), top + BAND_HEIGHT);
    group.push(label(scale.right + 6, ly, fitText(`adequate ≥${threshold}`, GUTTER - 8, SIZE.tiny), { size: SIZE.tiny, fill: C.adequateLine, cls: "gutter-label" }));
  }
  if (steps.length > 0) {
    let d = "";
    steps.forEach((s, i) => {
      const y = yOf(s.mgPerDay);
      const previous = steps[i - 1];
      d += previous !== undefined && addDays(previous.to, 1) === s.from ? `V${num(y)}H${num(scale.xAfter(s.to))}` : `M${num(scale.x(s.from))} ${num(y)}H${num(scale.xAfter(s.to))}`;
    });
    group.push(el("path", { d, fill: "none", stroke: C.dose, "stroke-width": 2.5, class: "dose-line", "data-doses": steps.map((s) => `${s.from}:${s.mgPerDay}`).join(" ") }));
  }
  for (const change of recorded?.adherenceChanges ?? []) {
    if (change.from > t.end) continue;
    const x = scale.x(change.from);
    group.push(el("path", { d: `M${num(x)} ${num(top + BAND_HEIGHT)}l-4 6h8z`, fill: C.text, class: "adherence-change", "data-date": change.from, "data-adherence": String(change.adherence) }, el("title", {}, text(`adherence ${change.adherence} from ${change.from}`))));
  }
  group.push(endMarker(x1, top, t.ongoing, recorded?.stopReason));
  body.push(...group);
  canvas.y = top + BAND_HEIGHT + 6;
  const verdict = trialVerdict(t);
  drawVerdict(canvas, x1, verdict.tag, verdict.text, { "data-verdict": verdict.tag });
  const doses = steps.length > 1 ? [`doses: ${steps.map((s) => `${s.mgPerDay} mg/day from ${s.from}`).join(", ")}`] : [];
  canvas.paragraph([...doses, ...trialDetails(t, recorded)].join(" · "), { size: SIZE.small, fill: C.muted, line: LINE.small, cls: "lane-detail" });
  canvas.y += 8;
  const lane = el(
    "g",
    {
      class: "lane",
      "data-lane-kind": "trial",
      "data-trial-id": t.trialId,
      "data-role": t.role,
      "data-start": t.start,
      "data-end": t.end,
      "data-ongoing": String(t.ongoing),
      "data-band-top": top,
      "data-band-height": BAND_HEIGHT,
      "data-dose-max": doseMax,
      "data-threshold-mg-per-day": threshold === undefined ? undefined : String(threshold),
      "data-verdict": verdict.tag,
      "data-lane-top": laneTop,
    },
    body.splice(mark),
  );
  body.push(lane);
}

/** One course's lane (ECT, rTMS, psychotherapy, ketamine): the rule sets do not assess it. */
function drawCourse(canvas: Canvas, scale: TimeScale, course: OtherTreatment, asOf: string): void {
  const p = canvas.prefix;
  const body = canvas.body;
  const mark = body.length;
  const laneTop = canvas.y;
  canvas.paragraph(courseHeading(course), { bold: true, cls: "lane-heading" });
  const top = canvas.y + 2;
  const ongoing = course.end === undefined || course.end > asOf;
  const end = ongoing ? asOf : (course.end ?? asOf);
  const x0 = scale.x(course.start);
  const x1 = scale.xAfter(end);
  canvas.strips.push({ top, bottom: top + BAND_HEIGHT });
  body.push(el("rect", { x: scale.left, y: top, width: scale.right - scale.left, height: BAND_HEIGHT, fill: C.laneBackground, class: "band" }));
  body.push(el("rect", { x: x0, y: top, width: Math.max(1, x1 - x0), height: BAND_HEIGHT, fill: `url(#${p}-course)`, stroke: C.course, "stroke-width": 1.5, "stroke-dasharray": "4 2", class: "course-span", "data-start": course.start, "data-end": end }));
  body.push(endMarker(x1, top, ongoing, undefined));
  canvas.y = top + BAND_HEIGHT + 6;
  drawVerdict(canvas, x1, "course", "not assessed by the TRD rule sets, which count drug trials (the staging models count courses)", { "data-verdict": "course" });
  canvas.paragraph(courseDetails(course, asOf).join(" · "), { size: SIZE.small, fill: C.muted, line: LINE.small, cls: "lane-detail" });
  canvas.y += 8;
  body.push(el("g", { class: "lane", "data-lane-kind": course.kind, "data-course-id": course.id, "data-start": course.start, "data-end": end, "data-ongoing": String(ongoing), "data-band-top": top, "data-band-height": BAND_HEIGHT, "data-lane-top": laneTop }, body.splice(mark)));
}

/** Gutter labels of one panel, moved apart vertically so that none overlaps another. */
function spreadLabels(items: { y: number; text: string; fill: string; cls: string; data: Attributes }[], top: number, bottom: number, x: number): string[] {
  const sorted = [...items].sort((a, b) => a.y - b.y);
  const ys = sorted.map((i) => Math.min(Math.max(i.y + 4, top + SIZE.small), bottom));
  for (let i = 1; i < ys.length; i++) ys[i] = Math.max(ys[i] as number, (ys[i - 1] as number) + LINE.small);
  const overflow = (ys[ys.length - 1] ?? 0) - (bottom + LINE.small * 2);
  if (overflow > 0) for (let i = 0; i < ys.length; i++) ys[i] = (ys[i] as number) - overflow;
  return sorted.map((item, i) => label(x, ys[i] as number, fitText(item.text, GUTTER - 8, SIZE.tiny), { size: SIZE.tiny, fill: item.fill, cls: item.cls, data: item.data }));
}

/** One rating scale's panel: the totals over time, the remission cut-off and each scored trial's response line. */
function drawScale(canvas: Canvas, scale: TimeScale, scaleId: ScaleId, ratings: TreatmentHistory["assessments"], assessment: TrdAssessment): void {
  const def = SCALES[scaleId];
  const body = canvas.body;
  const mark = body.length;
  canvas.paragraph(`${scaleId} total score (${def.min}–${def.max}; lower is better)`, { bold: true, cls: "panel-heading" });
  const top = canvas.y + 6;
  const bottom = top + PANEL_HEIGHT;
  const yOf = (total: number): number => bottom - ((total - def.min) / Math.max(1, def.max - def.min)) * PANEL_HEIGHT;
  canvas.strips.push({ top, bottom });
  body.push(el("rect", { x: scale.left, y: top, width: scale.right - scale.left, height: PANEL_HEIGHT, fill: C.laneBackground, class: "panel" }));
  const placed: Box[] = [];
  for (const v of [def.min, Math.round((def.min + def.max) / 2), def.max]) {
    const y = yOf(v);
    body.push(el("line", { x1: scale.left, x2: scale.right, y1: y, y2: y, stroke: C.grid, class: "score-grid" }));
    body.push(label(scale.left - 4, y + 4, String(v), { size: SIZE.tiny, anchor: "end", fill: C.muted, cls: "axis-label" }));
  }
  const gutter: { y: number; text: string; fill: string; cls: string; data: Attributes }[] = [];
  const remission = REMISSION_THRESHOLDS[scaleId].maxTotal;
  const ry = yOf(remission);
  body.push(el("line", { x1: scale.left, x2: scale.right, y1: ry, y2: ry, stroke: C.remission, "stroke-width": 2, "stroke-dasharray": "8 2 2 2", class: "remission-line", "data-total": String(remission) }));
  gutter.push({ y: ry, text: `remission ≤${remission}`, fill: C.text, cls: "gutter-label", data: {} });
  const responsePercent = assessment.ruleSet.parameters.responsePercent;
  const scored = assessment.trials.filter((t) => t.outcome.basis === "scores" && t.outcome.scale === scaleId);
  for (const t of scored) {
    if (t.outcome.basis !== "scores") continue;
    const { baseline, endpoint } = t.outcome;
    const total = Math.round(baseline.total * (1 - responsePercent / 100) * 10) / 10;
    const y = yOf(total);
    body.push(el("line", { x1: scale.x(baseline.date), x2: scale.xAfter(endpoint.date), y1: y, y2: y, stroke: C.response, "stroke-width": 2, "stroke-dasharray": "2 2", class: "response-line", "data-trial-id": t.trialId, "data-total": String(total) }));
    gutter.push({ y, text: `response ${t.trialId} ≤${total}`, fill: C.text, cls: "gutter-label", data: { "data-trial-id": t.trialId } });
  }
  const points = ratings.filter((r) => r.scale === scaleId);
  if (points.length > 1) body.push(el("polyline", { points: points.map((r) => `${num(scale.x(r.date))},${num(yOf(r.total))}`).join(" "), fill: "none", stroke: C.score, "stroke-width": 1.5, class: "score-line" }));
  for (const r of points) {
    const x = scale.x(r.date);
    const y = yOf(r.total);
    body.push(el("circle", { cx: x, cy: y, r: 3, fill: C.score, class: "score-point", "data-date": r.date, "data-total": String(r.total), "data-scale": scaleId }, el("title", {}, text(`${scaleId} ${r.total} on ${r.date}`))));
    const ly = y - 7 < top + SIZE.tiny ? y + 15 : y - 7;
    const box = boxOf(x, ly, String(r.total), SIZE.tiny, "middle");
    if (box.x0 >= scale.left && box.x1 <= scale.right && !placed.some((b) => overlaps(b, box))) {
      placed.push(box);
      body.push(label(x, ly, String(r.total), { size: SIZE.tiny, anchor: "middle", cls: "score-label", data: { "data-date": r.date } }));
    }
  }
  for (const t of scored) {
    if (t.outcome.basis !== "scores") continue;
    const b = t.outcome.baseline;
    const e = t.outcome.endpoint;
    const bx = scale.x(b.date);
    const by = yOf(b.total);
    const ex = scale.x(e.date);
    const ey = yOf(e.total);
    body.push(el("rect", { x: bx - 5, y: by - 5, width: 10, height: 10, fill: "none", stroke: C.response, "stroke-width": 1.5, class: "baseline-mark", "data-trial-id": t.trialId, "data-date": b.date }, el("title", {}, text(`${t.trialId} baseline: ${b.total} on ${b.date}`))));
    body.push(el("path", { d: `M${num(ex)} ${num(ey - 6)}l6 6l-6 6l-6 -6z`, fill: "none", stroke: C.response, "stroke-width": 1.5, class: "endpoint-mark", "data-trial-id": t.trialId, "data-date": e.date }, el("title", {}, text(`${t.trialId} endpoint: ${e.total} on ${e.date}`))));
  }
  body.push(...spreadLabels(gutter, top, bottom, scale.right + 6));
  canvas.y = bottom + 10;
  body.push(el("g", { class: "score-panel", "data-scale": scaleId, "data-panel-top": top, "data-panel-height": PANEL_HEIGHT, "data-min": def.min, "data-max": def.max }, body.splice(mark)));
}

/** The text alternative: the status, each lane's verdict, and the ratings. */
function describe(history: TreatmentHistory, assessment: TrdAssessment, courses: readonly OtherTreatment[], ratings: TreatmentHistory["assessments"]): string {
  const parts = [statusLines(assessment).join(". ")];
  parts.push(`Current episode from ${history.episode.onset}${history.episode.end === undefined ? "" : ` to ${history.episode.end}`}`);
  for (const t of assessment.trials) {
    const v = trialVerdict(t);
    parts.push(`${trialHeading(t, undefined)}, ${t.start} to ${t.end}${t.ongoing ? " (ongoing)" : ""}: ${v.tag}; ${v.text}`);
  }
  for (const c of courses) parts.push(`${courseHeading(c)}, from ${c.start}: ${courseDetails(c, assessment.asOf).join(", ")}`);
  if (ratings.length === 0) parts.push("No ratings on record");
  else parts.push(`Ratings: ${ratings.map((r) => `${r.scale} ${r.total} on ${r.date}`).join(", ")}`);
  return `${parts.join(". ")}.`;
}

function defs(prefix: string): string {
  return el("defs", {}, [
    el("pattern", { id: `${prefix}-counted`, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, [el("rect", { width: 6, height: 6, fill: "#d6f0e8" }), el("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: C.counted, "stroke-width": 2 })]),
    el("pattern", { id: `${prefix}-course`, width: 6, height: 6, patternUnits: "userSpaceOnUse" }, [el("rect", { width: 6, height: 6, fill: "#f7e6f0" }), el("circle", { cx: 3, cy: 3, r: 1.2, fill: C.course })]),
  ]);
}

/**
 * Draws a patient's treatment timeline as an SVG document (a string): one lane per drug trial and
 * per course of ECT, rTMS, psychotherapy or ketamine; each trial's recorded daily dose as a step
 * line against its adequate dose (dashed), the days the classification counted at that dose
 * hatched (classify with `countedSpans: true` to have them), a bar for a stop (with its reason)
 * or an arrow for an ongoing trial, and the verdict at the lane's end; each rating scale's totals
 * on a second axis with its remission cut-off and each scored trial's response line; the
 * episode's onset and end, earlier episodes, the as-of date and, once it exists, the date the
 * status was first met (classify with `resistantSince: true`).
 *
 * Everything it says comes from the assessment (verdicts, thresholds, weeks, outcomes) or from the
 * history as recorded (doses, dates, stop reasons, courses, ratings): nothing is re-derived. It
 * has a `<title>` and a `<desc>` (a text alternative), labels every mark in text as well as in
 * colour (the Okabe–Ito palette, safe for colour-blind readers), and lays text out with a fixed
 * estimate of character width, so it needs no fonts and gives the same bytes for the same input.
 * Pure: no DOM, no clock.
 *
 * @param history - A history returned by {@link parseTreatmentHistory} (`data`).
 * @param assessment - Its classification by {@link classifyTrd} (or {@link classifyAndStage}).
 * @param options - Width, heading and id prefix.
 * @returns The SVG document.
 * @example
 * import { classifyTrd, parseTreatmentHistory, renderTimeline } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   id: "p1",
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", doses: [{ from: "2024-01-10", mgPerDay: 25 }, { from: "2024-01-24", mgPerDay: 100 }], stopReason: "ineffective" }],
 *   assessments: [{ date: "2024-01-08", scale: "PHQ-9", total: 20 }, { date: "2024-03-08", scale: "PHQ-9", total: 18 }],
 * });
 * const svg = parsed.success ? renderTimeline(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-30", countedSpans: true })) : "";
 * svg.startsWith("<svg"); //=> true
 * svg.includes('class="adequate-line" data-mg-per-day="50"'); //=> true
 * svg.includes('data-from="2024-01-24" data-to="2024-03-10"'); //=> true
 */
export function renderTimeline(history: TreatmentHistory, assessment: TrdAssessment, options: RenderTimelineOptions = {}): string {
  const width = Math.max(480, Math.round(options.width ?? 640));
  const prefix = (options.idPrefix ?? "trd-timeline").replace(/[^A-Za-z0-9_-]/g, "_");
  const asOf = assessment.asOf;
  const courses = history.otherTreatments.filter((c) => c.start <= asOf);
  const ratings = history.assessments.filter((r) => r.date <= asOf).map((r, i) => ({ r, i })).sort((a, b) => a.r.date.localeCompare(b.r.date) || a.i - b.i).map((x) => x.r);
  const { from, to } = domainOf(history, assessment, courses, ratings);
  const scale = timeScale(from, to, PLOT_LEFT, width - GUTTER);
  const canvas = new Canvas(width, prefix);
  const title = options.title ?? `Treatment timeline${history.id === undefined ? "" : `: ${history.id}`}`;

  canvas.paragraph(title, { size: SIZE.title, bold: true, line: LINE.title, cls: "title" });
  statusLines(assessment).forEach((line, i) => canvas.paragraph(line, { bold: i === 0, cls: i === 0 ? "status" : "status-detail", data: i === 0 ? { "data-display-status": assessment.displayStatus } : {} }));
  const later = history.trials.length - assessment.trials.length + (history.otherTreatments.length - courses.length);
  if (later > 0) canvas.paragraph(`${later} trial(s) or course(s) start after the as-of date and are not shown`, { size: SIZE.small, fill: C.muted, line: LINE.small, cls: "status-detail" });
  drawLegend(canvas, courses.length > 0, ratings.length > 0);

  const markers: Marker[] = [];
  // Each date marker is a group of segments, one per band and panel, drawn once the strips are known.
  const vertical: ((strips: readonly { top: number; bottom: number }[]) => string)[] = [];
  const line = (date: string, cls: string, stroke: string, dash: string | undefined, data: Attributes): void => {
    const x = scale.x(date);
    vertical.push((strips) => el("g", { class: cls, ...data }, strips.map((st) => el("line", { x1: x, x2: x, y1: st.top, y2: st.bottom, stroke, "stroke-width": 2, "stroke-dasharray": dash }))));
  };
  const episode = history.episode;
  line(episode.onset, "episode-boundary", C.episode, undefined, { "data-boundary": "onset", "data-date": episode.onset });
  markers.push({ x: scale.x(episode.onset), text: `episode onset ${episode.onset}`, anchor: "middle", cls: "marker-label", data: { "data-marker": "onset" } });
  if (episode.end !== undefined && episode.end <= to) {
    line(episode.end, "episode-boundary", C.episode, undefined, { "data-boundary": "end", "data-date": episode.end });
    markers.push({ x: scale.x(episode.end), text: `episode end ${episode.end}`, anchor: "middle", cls: "marker-label", data: { "data-marker": "end" } });
  }
  for (const previous of history.previousEpisodes) {
    const end = previous.end ?? previous.onset;
    if (end < from || previous.onset > to) continue;
    const a = maxDate(previous.onset, from);
    const x0 = scale.x(a);
    const w = Math.max(1, scale.xAfter(minDate(end, to)) - x0);
    vertical.push((strips) => el("g", { class: "previous-episode", "data-onset": previous.onset, "data-end": previous.end, "fill-opacity": 0.5 }, strips.map((st) => el("rect", { x: x0, y: st.top, width: w, height: st.bottom - st.top, fill: "#bdbdbd" }))));
    markers.push({ x: x0, text: `earlier episode ${previous.onset} to ${previous.end ?? "?"}`, anchor: "start", cls: "marker-label", data: { "data-marker": "previous-episode" } });
  }
  line(asOf, "as-of-line", C.asOf, "3 2", { "data-date": asOf });
  markers.push({ x: scale.x(asOf), text: `as of ${asOf}`, anchor: "end", cls: "marker-label", data: { "data-marker": "as-of" } });
  const since = assessment.resistantSince;
  if (since !== undefined && since.date >= from) {
    line(since.date, "resistant-since-line", C.response, "6 3", { "data-date": since.date });
    markers.push({ x: scale.x(since.date), text: `resistant since ${since.date}`, anchor: "middle", cls: "marker-label", data: { "data-marker": "resistant-since" } });
  }
  drawAxis(canvas, scale, markers);

  const recorded = new Map(history.trials.map((t) => [t.id, t]));
  for (const t of assessment.trials) drawTrial(canvas, scale, t, recorded.get(t.trialId));
  for (const c of courses) drawCourse(canvas, scale, c, asOf);
  const scales = SCALE_IDS.filter((id) => ratings.some((r) => r.scale === id));
  if (scales.length === 0) canvas.paragraph("No ratings on record by the as-of date: outcomes rest on recorded improvement, or are unknown.", { cls: "no-scores" });
  for (const id of scales) drawScale(canvas, scale, id, ratings, assessment);
  const plotBottom = canvas.y;
  canvas.paragraph(`Rule set ${assessment.ruleSet.id} ${assessment.ruleSet.version}, catalogue ${assessment.catalogueVersion}. Colours: Okabe–Ito palette; every mark is also named in text or drawn in its own line style.`, {
    size: SIZE.tiny,
    fill: C.muted,
    line: LINE.tiny,
    cls: "footer",
  });
  const height = Math.ceil(canvas.y + PAD);
  const fill = (s: string): string => s.replace('"__BOTTOM__"', `"${num(plotBottom)}"`);
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": `${prefix}-title ${prefix}-desc`,
      "font-family": FONT,
      class: "trd-timeline",
      "data-as-of": asOf,
      "data-status": assessment.status,
      "data-display-status": assessment.displayStatus,
      "data-domain-from": from,
      "data-domain-to": to,
      "data-plot-left": scale.left,
      "data-plot-right": scale.right,
    },
    [
      el("title", { id: `${prefix}-title` }, text(title)),
      el("desc", { id: `${prefix}-desc` }, escapeXml(describe(history, assessment, courses, ratings))),
      defs(prefix),
      el("rect", { x: 0, y: 0, width, height, fill: "#ffffff", class: "background" }),
      el("g", { class: "grid" }, canvas.background.map(fill)),
      el("g", { class: "lanes" }, canvas.body),
      el("g", { class: "markers" }, vertical.map((draw) => draw(canvas.strips))),
    ],
  );
}
