/// <reference lib="dom" />
/**
 * The report and a timeline in a real browser: the distribution's Chromium (/usr/bin/chromium,
 * installed by .ci/run from Debian's packages), driven by playwright-core. No console errors, the
 * marks where the SVG's data attributes say they are (bounding boxes), no two text labels
 * overlapping, nothing wider than a 640 px window, and screenshots (and a printed PDF) saved as CI
 * artefacts under .tmp/browser/.
 *
 * Locally the test is skipped, with a message, when Chromium is not installed; in CI
 * (CI_REQUIRE_BROWSER=1, set by .ci/run) a missing Chromium fails it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { classifyTrd, parseTreatmentHistory, renderTimeline } from "trd-classifier";
import { classifyCommand } from "../../src/cli/classifyCommand";
import { withReport } from "../../src/cli/reportCommand";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
const required = process.env.CI_REQUIRE_BROWSER === "1";
const root = fileURLToPath(new URL("../..", import.meta.url));
const out = join(root, ".tmp", "browser");

if (!present && !required) console.warn(`browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium; CI requires it)`);

describe("the report and a timeline in Chromium", () => {
  it.runIf(required && !present)("requires Chromium in CI", () => {
    expect.fail(`${CHROMIUM} is missing; .ci/run installs it with apt-get (CI_REQUIRE_BROWSER=1)`);
  });

  describe.runIf(present)("rendered", () => {
    let context: BrowserContext;
    let profile: string;
    const errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(out, { recursive: true });
      profile = mkdtempSync(join(tmpdir(), "trd-chromium-"));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        viewport: { width: 640, height: 900 },
      });
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
    });

    async function open(url: string): Promise<Page> {
      const page = await context.newPage();
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`${url}: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`${url}: ${e.message}`));
      await page.goto(url, { waitUntil: "load" });
      return page;
    }

    /** Pairs of text elements (in each SVG) whose boxes overlap by more than a pixel each way. */
    async function overlappingLabels(page: Page): Promise<string[]> {
      return page.evaluate(() => {
        const found: string[] = [];
        for (const svg of Array.from(document.querySelectorAll("svg"))) {
          const boxes = Array.from(svg.querySelectorAll("text")).map((t) => ({ t: t.textContent ?? "", r: t.getBoundingClientRect() }));
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!.r;
              const b = boxes[j]!.r;
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > 1 && h > 1) found.push(`"${boxes[i]!.t}" / "${boxes[j]!.t}"`);
            }
          }
        }
        return found;
      });
    }

    /** Every mark with a date or a value, where the SVG's own data attributes say it is (in CSS pixels of the rendered SVG). */
    async function misplacedMarks(page: Page): Promise<string[]> {
      return page.evaluate(() => {
        const problems: string[] = [];
        const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
        for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>("svg.trd-timeline"))) {
          const box = svg.getBoundingClientRect();
          const k = box.width / Number(svg.getAttribute("width"));
          const from = day(svg.dataset.domainFrom ?? "");
          const to = day(svg.dataset.domainTo ?? "");
          const left = Number(svg.dataset.plotLeft);
          const right = Number(svg.dataset.plotRight);
          const x = (d: string): number => box.left + k * (left + ((day(d) - from) * (right - left)) / (to - from + 1));
          const near = (a: number, b: number, what: string): void => {
            if (Math.abs(a - b) > 1.5) problems.push(`${what}: ${a.toFixed(1)} vs ${b.toFixed(1)}`);
          };
          for (const lane of Array.from(svg.querySelectorAll<SVGGElement>("g.lane"))) {
            const top = box.top + k * Number(lane.dataset.bandTop);
            const height = k * Number(lane.dataset.bandHeight);
            const id = lane.dataset.trialId ?? lane.dataset.courseId ?? "?";
            const span = lane.querySelector(".trial-span, .course-span")!.getBoundingClientRect();
            near(span.left, x(lane.dataset.start ?? ""), `${id} start`);
            near(span.right, x(lane.dataset.end ?? "") + k * ((right - left) / (to - from + 1)), `${id} end`);
            near(span.top, top, `${id} band top`);
            const line = lane.querySelector(".adequate-line");
            if (line !== null && lane.dataset.thresholdMgPerDay !== undefined) {
              const max = Number(lane.dataset.doseMax);
              const expected = top + height - 2 * k - (Number(lane.dataset.thresholdMgPerDay) / max) * (height - 4 * k);
              const r = line.getBoundingClientRect();
              near((r.top + r.bottom) / 2, expected, `${id} adequate line`);
            }
            for (const counted of Array.from(lane.querySelectorAll<SVGRectElement>(".counted-span"))) {
              const r = counted.getBoundingClientRect();
              near(r.left, x(counted.dataset.from ?? ""), `${id} counted from`);
              near(r.right, x(counted.dataset.to ?? "") + k * ((right - left) / (to - from + 1)), `${id} counted to`);
            }
            const verdict = lane.querySelector(".verdict")!.getBoundingClientRect();
            const end = x(lane.dataset.end ?? "") + k * ((right - left) / (to - from + 1));
            if (verdict.right > end + 1.5 && verdict.left > box.left + 8 * k + 1.5) problems.push(`${id} verdict not at the lane's end`);
          }
          for (const asOf of Array.from(svg.querySelectorAll<SVGLineElement>(".as-of-line, .episode-boundary"))) near(asOf.getBoundingClientRect().left + asOf.getBoundingClientRect().width / 2, x(asOf.dataset.date ?? ""), `${asOf.getAttribute("class")} ${asOf.dataset.date}`);
          for (const t of Array.from(svg.querySelectorAll("text"))) {
            const r = t.getBoundingClientRect();
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`text outside the picture: "${t.textContent}"`);
          }
        }
        return problems;
      });
    }

    it("shows a timeline with every mark in place and no overlapping labels", { timeout: 120_000 }, async () => {
      const parsed = parseTreatmentHistory({
        id: "browser-vignette",
        patient: { diagnoses: [{ condition: "major-depressive-disorder" }] },
        episode: { onset: "2023-01-01" },
        previousEpisodes: [{ onset: "2022-03-01", end: "2022-09-30" }],
        trials: [
          { id: "t1", agent: { name: "sertraline" }, start: "2023-01-10", end: "2023-04-10", doses: [{ from: "2023-01-10", mgPerDay: 25 }, { from: "2023-01-24", mgPerDay: 50 }, { from: "2023-02-21", mgPerDay: 150 }], adherence: "good", stopReason: "ineffective" },
          { id: "t2", agent: { name: "venlafaxine" }, start: "2023-04-15", end: "2023-08-01", mgPerDay: 150, adherence: 0.9, adherenceChanges: [{ from: "2023-04-15", adherence: "good" }, { from: "2023-06-01", adherence: "poor" }], stopReason: "ineffective" },
          { id: "t3", agent: { name: "aripiprazole" }, role: "augmentation", augments: "t2", start: "2023-06-01", end: "2023-08-01", mgPerDay: 5, stopReason: "intolerance" },
          { id: "t4", agent: { name: "mirtazapine" }, start: "2024-03-01", mgPerDay: 30 },
        ],
        assessments: [
          { date: "2023-01-08", scale: "MADRS", total: 34 },
          { date: "2023-02-20", scale: "MADRS", total: 31 },
          { date: "2023-04-08", scale: "MADRS", total: 30 },
          { date: "2023-04-14", scale: "MADRS", total: 30 },
          { date: "2023-07-30", scale: "MADRS", total: 26 },
          { date: "2024-05-30", scale: "PHQ-9", total: 12 },
        ],
        otherTreatments: [{ kind: "ect", id: "e1", start: "2023-09-01", end: "2023-10-15", laterality: "bilateral", sessions: 12, outcome: { percentImprovement: 40 } }],
      });
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      const svg = renderTimeline(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-30", countedSpans: true, resistantSince: true }));
      const file = join(out, "timeline.svg");
      writeFileSync(file, svg);
      const page = await open(pathToFileURL(file).href);
      expect(await page.evaluate(() => document.querySelectorAll("g.lane").length)).toBe(5);
      expect(await misplacedMarks(page)).toStrictEqual([]);
      expect(await overlappingLabels(page)).toStrictEqual([]);
      // An SVG document has no scrolling viewport to stitch: size the window to the picture instead.
      const size = await page.evaluate(() => ({ width: Math.ceil(document.documentElement.getBoundingClientRect().width), height: Math.ceil(document.documentElement.getBoundingClientRect().height) }));
      await page.setViewportSize(size);
      await page.screenshot({ path: join(out, "timeline.png") });
      expect(errors).toStrictEqual([]);
    });

    it("shows the cohort report: tables, timelines in place, no overlap, no horizontal scroll at 640 px, and it prints", { timeout: 180_000 }, async () => {
      const folder = join(root, "examples", "data", "cohort");
      const input = join(out, "cohort.ndjson");
      writeFileSync(input, readdirSync(folder).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.stringify(JSON.parse(readFileSync(join(folder, f), "utf8")))).join("\n") + "\n");
      const report = join(out, "report.html");
      const sink = new Writable({ write: (_c, _e, cb) => cb() });
      await withReport({ path: report, ids: undefined }, classifyCommand)(input, sink, Object.assign(sink, { isTTY: false }), {
        asOf: "2023-12-31",
        ruleSet: "eu-pearl-2022",
        inputFormat: "ndjson",
        outputFormat: "ndjson",
        full: false,
        workers: 1,
        failFast: false,
        progress: false,
      });
      const page = await open(pathToFileURL(report).href);
      expect(await page.locator("table.results tr[data-result]").count()).toBeGreaterThan(2);
      expect(await page.locator("table.comparison").count()).toBe(1);
      expect(await page.locator("table.invalid-records tr[data-line]").count()).toBe(1);
      expect(await page.locator("figure.timeline svg.trd-timeline").count()).toBeGreaterThan(3);
      expect(await misplacedMarks(page)).toStrictEqual([]);
      expect(await overlappingLabels(page)).toStrictEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: join(out, "report-640.png"), fullPage: true });
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.screenshot({ path: join(out, "report-1000.png"), fullPage: true });
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ path: join(out, "report.pdf"), format: "A4" });
      expect(pdf.byteLength).toBeGreaterThan(10_000);
      expect(errors).toStrictEqual([]);
    });
  });
});
