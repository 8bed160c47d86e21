import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTrials, classifyTrd, getBuildPreset, listBuildPresets, parseTreatmentHistory, SOURCES } from "trd-classifier";
import type { BuildPresetId, FillRecordInput } from "trd-classifier";
import { addDays } from "../helpers/build";

const fill = (date: string, daysSupply: number, mgPerDay: number | undefined, drug = "sertraline", id?: string): FillRecordInput => ({
  ...(id === undefined ? {} : { id }),
  agent: { name: drug },
  date,
  daysSupply,
  ...(mgPerDay === undefined ? {} : { mgPerDay }),
});
const codes = (r: ReturnType<typeof buildTrials>) => r.decisions.map((d) => d.code);

describe("build presets", () => {
  it("cite a known source for every parameter", () => {
    for (const preset of listBuildPresets()) {
      expect(Object.keys(preset.provenance).sort()).toStrictEqual(Object.keys(preset.parameters).sort());
      for (const cite of Object.values(preset.provenance)) expect(Object.hasOwn(SOURCES, cite.source)).toBe(true);
    }
    expect(getBuildPreset("ohdsi-drug-era").parameters).toMatchObject({ persistenceWindowDays: 30, earlyRefill: "no-stockpiling" });
    expect(getBuildPreset("claims-line-of-therapy").parameters.persistenceWindowDays).toBe(42);
    expect(getBuildPreset("fabbri-2021").parameters).toMatchObject({ persistenceWindowDays: 182, coverage: "until-next-issue" });
  });
});

describe.each(["ohdsi-drug-era", "claims-line-of-therapy"] as BuildPresetId[])("buildTrials boundaries (%s)", (preset) => {
  const p = getBuildPreset(preset).parameters;
  const gapOf = (gap: number) => buildTrials([fill("2024-01-01", 30, 100), fill(addDays("2024-01-30", gap + 1), 30, 100)], { preset });

  it(`persistence window: a gap of ${p.persistenceWindowDays - 1} or ${p.persistenceWindowDays} days continues the course, ${p.persistenceWindowDays + 1} ends it`, () => {
    expect(gapOf(p.persistenceWindowDays - 1).trials).toHaveLength(1);
    const atGap = gapOf(p.persistenceWindowDays);
    expect(atGap.trials).toHaveLength(1);
    expect(atGap.decisions).toContainEqual(expect.objectContaining({ code: "merged", compared: expect.objectContaining({ value: p.persistenceWindowDays, met: true }) }));
    const beyond = gapOf(p.persistenceWindowDays + 1);
    expect(beyond.trials).toHaveLength(2);
    expect(beyond.decisions).toContainEqual(expect.objectContaining({ code: "gap_ends_course", compared: expect.objectContaining({ value: p.persistenceWindowDays + 1, met: false }) }));
    expect(gapOf(p.persistenceWindowDays).trials[0]?.adherence).toBe(Math.round((60 / (60 + p.persistenceWindowDays)) * 1000) / 1000);
  });

  it(`episode gap: ${p.episodeGapDays - 1} days without an antidepressant stay in one episode, ${p.episodeGapDays} start a new one`, () => {
    const episodes = (gap: number) => buildTrials([fill("2024-01-01", 30, 100), fill(addDays("2024-01-30", gap + 1), 30, 150, "venlafaxine")], { preset });
    expect(episodes(p.episodeGapDays - 1)).toMatchObject({ episode: { onset: "2024-01-01" }, previousEpisodes: [] });
    const split = episodes(p.episodeGapDays);
    expect(split.episode?.onset).toBe(addDays("2024-01-30", p.episodeGapDays + 1));
    expect(split.previousEpisodes).toStrictEqual([{ onset: "2024-01-01", end: "2024-01-30" }]);
    expect(codes(split)).toContain("episode_gap");
  });

  it(`cross-taper: ${p.crossTaperMaxOverlapDays} days of overlap is a switch, ${p.crossTaperMaxOverlapDays + 1} a combination`, () => {
    const overlapOf = (days: number) => buildTrials([fill("2024-01-01", 90, 100), fill(addDays("2024-03-30", 1 - days), 90, 150, "venlafaxine")], { preset });
    const taper = overlapOf(p.crossTaperMaxOverlapDays);
    expect(taper.trials.find((t) => t.agent.name === "venlafaxine")).not.toHaveProperty("role");
    expect(codes(taper)).toContain("cross_taper_switch");
    const combined = overlapOf(p.crossTaperMaxOverlapDays + 1);
    expect(combined.trials.find((t) => t.agent.name === "venlafaxine")).toMatchObject({ role: "combination", augments: "sertraline-2024-01-01" });
    const plainSwitch = buildTrials([fill("2024-01-01", 30, 100), fill("2024-02-10", 30, 150, "venlafaxine")], { preset });
    expect(codes(plainSwitch)).toContain("switch");
  });

  it(`augmentation: an augmenting agent overlapping an antidepressant by ${p.augmentationMinOverlapDays} days augments it, by one day less it does not`, () => {
    const aug = (days: number) => buildTrials([fill("2024-01-01", 90, 100), fill(addDays("2024-03-30", 1 - days), 60, 5, "aripiprazole")], { preset });
    expect(aug(p.augmentationMinOverlapDays).trials.find((t) => t.agent.name === "aripiprazole")).toMatchObject({ role: "augmentation", augments: "sertraline-2024-01-01" });
    const short = aug(p.augmentationMinOverlapDays - 1);
    expect(short.trials.find((t) => t.agent.name === "aripiprazole")).not.toHaveProperty("role");
    expect(codes(short)).toContain("augmentation_without_antidepressant");
  });

  it(`drops a supply over ${p.maxPlausibleDaysSupply} days as implausible, keeps ${p.maxPlausibleDaysSupply}`, () => {
    expect(buildTrials([fill("2024-01-01", p.maxPlausibleDaysSupply, 100)], { preset }).trials).toHaveLength(1);
    const dropped = buildTrials([fill("2024-01-01", p.maxPlausibleDaysSupply + 1, 100)], { preset });
    expect(dropped.trials).toHaveLength(0);
    expect(codes(dropped)).toStrictEqual(["dropped_implausible"]);
  });
});

describe("buildTrials", () => {
  it("rolls an early refill forward (carry-over) or abandons the remaining supply (no stockpiling)", () => {
    const records = [fill("2024-01-01", 30, 100), fill("2024-01-21", 30, 100)];
    const carried = buildTrials(records, { preset: "claims-line-of-therapy" });
    expect(carried.trials[0]).toMatchObject({ start: "2024-01-01", end: "2024-02-29", adherence: 1 });
    expect(carried.decisions).toContainEqual(expect.objectContaining({ code: "early_refill", message: expect.stringContaining("starts after the old one") }));
    const abandoned = buildTrials(records, { preset: "ohdsi-drug-era" });
    expect(abandoned.trials[0]).toMatchObject({ start: "2024-01-01", end: "2024-02-19" });
    expect(abandoned.decisions).toContainEqual(expect.objectContaining({ code: "early_refill", message: expect.stringContaining("abandoned") }));
  });

  it("merges overlapping fills of the same drug by any name into one course", () => {
    const r = buildTrials([fill("2024-01-01", 30, 100), fill("2024-01-15", 30, 100, "Zoloft"), fill("2024-02-10", 30, 100, "sertraline hydrochloride")]);
    expect(r.trials).toHaveLength(1);
    expect(r.trials[0]?.id).toBe("sertraline-2024-01-01");
  });

  it("assumes the default days' supply when a record has none, and says so", () => {
    const r = buildTrials([{ agent: { name: "sertraline" }, date: "2024-01-01", mgPerDay: 50 }]);
    expect(r.trials[0]).toMatchObject({ end: "2024-01-30" });
    expect(r.decisions).toContainEqual(expect.objectContaining({ code: "default_days_supply", rule: "defaultDaysSupply", verification: "unverified" }));
  });

  it("takes the daily dose from strength x quantity / days' supply, and follows dose changes across fills", () => {
    const r = buildTrials([
      { agent: { name: "sertraline" }, date: "2024-01-01", daysSupply: 30, strengthMg: 50, quantity: 30 },
      { agent: { name: "sertraline" }, date: "2024-01-31", daysSupply: 30, strengthMg: 50, quantity: 45 },
      { agent: { name: "sertraline" }, date: "2024-03-01", daysSupply: 30, strengthMg: 100, quantity: 30 },
      { agent: { name: "sertraline" }, date: "2024-03-31", daysSupply: 30, strengthMg: 100, quantity: 30 },
    ]);
    expect(r.trials[0]?.doses).toStrictEqual([
      { from: "2024-01-01", mgPerDay: 50 },
      { from: "2024-01-31", mgPerDay: 75 },
      { from: "2024-03-01", mgPerDay: 100 },
    ]);
    expect(codes(r).filter((c) => c === "dose_change")).toHaveLength(2);
  });

  it("adds up fills of one drug dispensed the same day", () => {
    const r = buildTrials([fill("2024-01-01", 30, 100), fill("2024-01-01", 30, 50)]);
    expect(r.trials[0]?.doses).toStrictEqual([{ from: "2024-01-01", mgPerDay: 150 }]);
    expect(codes(r)).toContain("same_day_fills_combined");
  });

  it("builds a dose-unknown trial rather than dropping it, and the classifier reports the dose as unknown", () => {
    const r = buildTrials([{ agent: { name: "sertraline" }, date: "2024-01-01", daysSupply: 90 }]);
    expect(r.trials[0]).toMatchObject({ doseUnknown: true });
    const parsed = parseTreatmentHistory({ episode: r.episode, trials: r.trials });
    if (!parsed.success) throw new Error("invalid");
    const t = classifyTrd(parsed.data, { asOf: "2024-06-01" }).trials[0];
    expect(t?.dose.status).toBe("unknown");
    expect(t?.reasons.map((x) => x.code)).toContain("dose_not_recorded");
    expect(t?.reasons.map((x) => x.code)).not.toContain("dose_inadequate");
  });

  it("uses issue intervals under the Fabbri preset: each issue lasts until the next, within 26 weeks", () => {
    const issues = ["2024-01-01", "2024-02-15", "2024-04-20"].map((date) => ({ agent: { name: "fluoxetine" }, date, mgPerDay: 20 }));
    const r = buildTrials(issues, { preset: "fabbri-2021" });
    expect(r.trials[0]).toMatchObject({ start: "2024-01-01", end: "2024-05-17", adherence: 1 });
    const broken = buildTrials([...issues, { agent: { name: "fluoxetine" }, date: addDays("2024-04-20", 183), mgPerDay: 20 }], { preset: "fabbri-2021" });
    expect(broken.trials).toHaveLength(2);
  });

  it("leaves an ongoing course without an end when asOf falls inside its supply", () => {
    expect(buildTrials([fill("2024-01-01", 30, 100)], { asOf: "2024-01-15" }).trials[0]).not.toHaveProperty("end");
    expect(buildTrials([fill("2024-01-01", 30, 100)], { asOf: "2024-02-15" }).trials[0]).toHaveProperty("end", "2024-01-30");
  });

  it("reports invalid records with their path and keeps the rest", () => {
    const r = buildTrials([fill("2024-01-01", 30, 100), { agent: { name: "sertraline" }, date: "2024-02-30", daysSupply: 30 }, { agent: {}, date: "2024-01-01" }, "junk"]);
    expect(r.trials).toHaveLength(1);
    expect(r.issues).toStrictEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "impossible_date", path: "records[1].date" }),
        expect.objectContaining({ code: "agent_missing", path: "records[2].agent" }),
        expect.objectContaining({ code: "invalid_type", path: "records[3]" }),
      ]),
    );
  });

  it("refuses records of more than one patient", () => {
    const r = buildTrials([{ ...fill("2024-01-01", 30, 100), patientId: "p1" }, { ...fill("2024-02-01", 30, 100), patientId: "p2" }]);
    expect(r.trials).toHaveLength(0);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: "mixed_patients", path: "records[1].patientId" }));
  });
});

describe("buildTrials (properties)", () => {
  const drugs = ["sertraline", "venlafaxine", "aripiprazole", "mirtazapine", "lithium"];
  const recordsArb = fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 700 }), supply: fc.integer({ min: 7, max: 90 }), mg: fc.constantFrom(25, 50, 100, 150, 5), drug: fc.constantFrom(...drugs) }),
    { maxLength: 25 },
  );
  const toRecords = (xs: { day: number; supply: number; mg: number; drug: string }[]) => xs.map((x, i) => fill(addDays("2023-01-01", x.day), x.supply, x.mg, x.drug, `r${i}`));

  it("does not depend on the order of records", () => {
    fc.assert(
      fc.property(recordsArb, fc.constantFrom<BuildPresetId>("ohdsi-drug-era", "claims-line-of-therapy", "fabbri-2021"), (xs, preset) => {
        const records = toRecords(xs);
        const a = buildTrials(records, { preset });
        const b = buildTrials([...records].reverse(), { preset });
        expect(b.trials).toStrictEqual(a.trials);
        expect(b.episode).toStrictEqual(a.episode);
        expect(b.previousEpisodes).toStrictEqual(a.previousEpisodes);
      }),
      { numRuns: 300 },
    );
  });

  it("changes no trial when one fill is split into two back-to-back fills of the same total", () => {
    fc.assert(
      fc.property(recordsArb, fc.nat(), fc.constantFrom<BuildPresetId>("ohdsi-drug-era", "claims-line-of-therapy"), (xs, pick, preset) => {
        const chosen = xs.length === 0 ? undefined : xs[pick % xs.length];
        if (chosen === undefined || chosen.supply < 2) return;
        const others = xs.filter((x) => x !== chosen);
        // A lone fill: no other record of the same drug dated within its period (a fill dated inside
        // it, at another dose, makes "where the split falls" change the dose timeline by design).
        const half = Math.floor(chosen.supply / 2);
        if (others.some((x) => x.drug === chosen.drug && x.day >= chosen.day && x.day < chosen.day + chosen.supply)) return;
        const whole = buildTrials(toRecords([chosen, ...others]), { preset });
        const split = buildTrials(toRecords([{ ...chosen, supply: half }, { ...chosen, day: chosen.day + half, supply: chosen.supply - half }, ...others]), { preset });
        expect(split.trials).toStrictEqual(whole.trials);
      }),
      { numRuns: 300 },
    );
  });

  it("always builds trials that form a valid history", () => {
    fc.assert(
      fc.property(recordsArb, (xs) => {
        const built = buildTrials(toRecords(xs), { asOf: "2025-01-01" });
        const parsed = parseTreatmentHistory({ episode: built.episode ?? { onset: "2023-01-01" }, previousEpisodes: built.previousEpisodes, trials: built.trials });
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
        expect(parsed.success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("buildTrials: evidence of taking, and indications", () => {
  const order = (date: string, id: string, indication?: FillRecordInput["indication"]): FillRecordInput => ({
    id,
    kind: "prescription",
    agent: { name: "sertraline" },
    date,
    daysSupply: 30,
    mgPerDay: 100,
    ...(indication === undefined ? {} : { indication }),
  });

  it("gives no adherence to a course of orders, and says why", () => {
    const built = buildTrials([order("2024-01-01", "o1"), order("2024-01-31", "o2")]);
    expect(built.trials).toHaveLength(1);
    expect(built.trials[0]).not.toHaveProperty("adherence");
    expect(built.decisions).toContainEqual(expect.objectContaining({ code: "adherence_not_documented", trialId: built.trials[0]?.id }));
  });

  it("gives no adherence when one record of a course is an order, a proportion of days covered when all are dispenses", () => {
    const mixed = buildTrials([fill("2024-01-01", 30, 100), order("2024-01-31", "o2")]);
    expect(mixed.trials[0]).not.toHaveProperty("adherence");
    const dispensed = buildTrials([fill("2024-01-01", 30, 100), fill("2024-01-31", 30, 100)]);
    expect(dispensed.trials[0]?.adherence).toBe(1);
  });

  it("carries the indication: depression wins over another, another over not-recorded", () => {
    expect(buildTrials([order("2024-01-01", "o1", "post-traumatic-stress-disorder")]).trials[0]?.indication).toBe("post-traumatic-stress-disorder");
    expect(buildTrials([order("2024-01-01", "o1", "not-recorded"), order("2024-01-31", "o2", "pain")]).trials[0]?.indication).toBe("pain");
    const mixed = buildTrials([order("2024-01-01", "o1", "pain"), order("2024-01-31", "o2", "depression")]);
    expect(mixed.trials[0]?.indication).toBe("depression");
    expect(mixed.decisions).toContainEqual(expect.objectContaining({ code: "indication" }));
    expect(buildTrials([order("2024-01-01", "o1")]).trials[0]).not.toHaveProperty("indication");
  });
});

describe("buildTrials: episodes come from courses given for depression", () => {
  it("does not start an episode from a course recorded as given for another condition", () => {
    const built = buildTrials([{ id: "o1", kind: "prescription", agent: { name: "sertraline" }, date: "2024-01-01", daysSupply: 30, mgPerDay: 100, indication: "post-traumatic-stress-disorder" }]);
    expect(built.trials).toHaveLength(1);
    expect(built.episode).toBeUndefined();
    const unknown = buildTrials([{ id: "o1", kind: "prescription", agent: { name: "sertraline" }, date: "2024-01-01", daysSupply: 30, mgPerDay: 100, indication: "not-recorded" }]);
    expect(unknown.episode).toStrictEqual({ onset: "2024-01-01" });
  });
});

describe("buildTrials on invalid input (never throws)", () => {
  const nothingBuilt = (r: ReturnType<typeof buildTrials>) => [r.trials.length, r.decisions.length, r.preset];

  it("reports records that are not an array at `records`, and builds nothing", () => {
    for (const records of [{}, null, undefined, "rx1", 5]) {
      const r = buildTrials(records as never);
      expect(nothingBuilt(r)).toStrictEqual([0, 0, "claims-line-of-therapy"]);
      expect(r.issues.map((i) => [i.code, i.path])).toStrictEqual([["invalid_type", "records"]]);
    }
  });

  it("refuses more than a million records (a sparse array of length 2^32 - 1 would take minutes hole by hole) with one issue", () => {
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    const r = buildTrials(huge);
    expect(nothingBuilt(r)).toStrictEqual([0, 0, "claims-line-of-therapy"]);
    expect(r.issues.map((i) => [i.code, i.path])).toStrictEqual([["too_big", "records"]]);
  });

  it("reports each invalid option at its path and builds nothing from options it could not read", () => {
    const r = buildTrials([fill("2024-01-01", 30, 100)], { preset: "drug-era", overrides: { persistenceWindowDays: -1, episodeGapDays: 1.5, earlyRefill: "sometimes", windowDays: 3 }, asOf: "2024-02-30", extra: 1 } as never);
    expect(nothingBuilt(r)).toStrictEqual([0, 0, "claims-line-of-therapy"]);
    expect(r.issues.map((i) => `${i.code} at ${i.path}`)).toStrictEqual([
      "unrecognized_key at options.extra",
      "invalid_value at options.preset",
      "impossible_date at options.asOf",
      "too_small at options.overrides.persistenceWindowDays",
      "not_integer at options.overrides.episodeGapDays",
      "invalid_value at options.overrides.earlyRefill",
      "unrecognized_key at options.overrides.windowDays",
    ]);
    for (const options of [null, 5, [], { overrides: [] }, { preset: "constructor" }, { asOf: 20240101 }]) {
      const bad = buildTrials([fill("2024-01-01", 30, 100)], options as never);
      expect(nothingBuilt(bad)).toStrictEqual([0, 0, "claims-line-of-therapy"]);
      expect(bad.issues.length).toBe(1);
    }
  });

  it("drops a record it cannot read (a getter that throws) with an issue at its path, and builds the others", () => {
    const exotic = Object.defineProperty({}, "agent", { get: () => { throw new Error("no"); }, enumerable: true });
    const r = buildTrials([fill("2024-01-01", 30, 100), exotic]);
    expect(r.trials).toHaveLength(1);
    expect(r.issues.map((i) => `${i.code} at ${i.path}`)).toStrictEqual(["invalid_type at records[1]"]);
    // A hole in a sparse array is a missing record, not a skipped one.
    const sparse: unknown[] = [fill("2024-01-01", 30, 100)];
    sparse[2] = fill("2024-03-01", 30, 100);
    expect(buildTrials(sparse).issues.map((i) => i.path)).toStrictEqual(["records[1]"]);
  });
});
