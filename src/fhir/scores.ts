/**
 * Scores from Observations: a total by its LOINC code (value as `valueQuantity`, `valueInteger` or
 * an integer `valueString`), the PHQ-9 panel (its total as a component, a member or an Observation
 * `derivedFrom` it, else the sum of all nine item answers), or, without any LOINC coding, a scale named in the code's text. PHQ-2,
 * PHQ-8 and GAD-7 are never read as PHQ-9.
 *
 * @module
 */
import { SCALES } from "../schema/scales";
import type { ScaleId } from "../schema/scales";
import type { Accounting } from "./accounting";
import { PHQ9_ANSWER_POINTS, PHQ9_ITEM_LOINC, PHQ9_PANEL_LOINC, SCORE_LOINC, SYSTEM, scaleFromText } from "./codes";
import { firstDay } from "./dates";
import { codingsOf, numberAt, objectAt, objectsAt, textAt, textsOf } from "./json";
import type { Entry, ResourceIndex } from "./references";

/** A score in the classifier's form. */
export interface ScoreRead {
  readonly date: string;
  readonly scale: ScaleId;
  readonly total: number;
}

const READ_STATUSES = new Set(["final", "amended", "corrected"]);
const PHQ9_TOTAL = "44261-6";

/** An integer value: `valueQuantity.value`, `valueInteger`, or a `valueString` of digits. */
function integerValue(o: unknown): number | "none" | "not-integer" {
  const quantity = numberAt(objectAt(o, "valueQuantity"), "value") ?? numberAt(o, "valueInteger");
  const text = textAt(o, "valueString");
  const value = quantity ?? (text !== undefined && /^\s*-?\d+\s*$/.test(text) ? Number(text) : undefined);
  if (value === undefined) return text === undefined ? "none" : "not-integer";
  return Number.isInteger(value) ? value : "not-integer";
}

/** A PHQ-9 item's points: an LA answer code, or an integer 0-3. */
function itemPoints(o: unknown): number | undefined {
  for (const c of codingsOf(objectAt(o, "valueCodeableConcept"))) {
    const points = c.code === undefined ? undefined : PHQ9_ANSWER_POINTS[c.code];
    if (points !== undefined) return points;
  }
  const value = integerValue(o);
  return typeof value === "number" && value >= 0 && value <= 3 ? value : undefined;
}

/** A PHQ-9 item: a member Observation, or a component of the panel. */
interface Item {
  readonly resource: unknown;
  readonly entry?: Entry;
}

const loincCodes = (concept: unknown): string[] => codingsOf(concept).flatMap((c) => (c.system === SYSTEM.loinc && c.code !== undefined ? [c.code] : []));

/** Reads the Observations of one patient (internal state: which items panels consumed). */
export class ScoreReader {
  readonly scores: ScoreRead[] = [];
  readonly #consumed = new Set<Entry>();

  constructor(
    readonly index: ResourceIndex,
    readonly ledger: Accounting,
  ) {}

  /** Reads every Observation: panels first (they may consume items), then the rest. */
  readAll(observations: readonly Entry[]): void {
    const isPanel = (e: Entry): boolean => loincCodes(objectAt(e.resource, "code")).includes(PHQ9_PANEL_LOINC);
    for (const o of observations.filter(isPanel)) this.#readPanel(o, observations);
    for (const o of observations.filter((e) => !isPanel(e))) this.#read(o);
  }

  #usable(o: Entry): string | undefined {
    const status = textAt(o.resource, "status");
    if (status === undefined || !READ_STATUSES.has(status)) {
      this.ledger.issue(o, status === "entered-in-error" ? "entered_in_error" : "status_excluded", "not a final, amended or corrected result: not used", status === undefined ? {} : { input: { status } });
      return undefined;
    }
    const day = firstDay(o.resource["effectiveDateTime"], objectAt(o.resource, "effectivePeriod")?.["start"], o.resource["effectiveInstant"], o.resource["issued"]);
    if (day === undefined) this.ledger.issue(o, "no_date", "no whole effective date");
    return day;
  }

  #add(o: Entry, scale: ScaleId, value: number | "none" | "not-integer", date: string): void {
    if (value === "none") return this.ledger.issue(o, "no_value", "no score value");
    if (value === "not-integer") return this.ledger.issue(o, "value_not_an_integer", "the score is not a whole number");
    const range = SCALES[scale];
    if (value < range.min || value > range.max) return this.ledger.issue(o, "score_out_of_range", `outside the scale's range (${range.min} to ${range.max})`);
    this.scores.push({ date, scale, total: value });
    this.ledger.use(o);
  }

  #read(o: Entry): void {
    if (this.#consumed.has(o)) return;
    const code = objectAt(o.resource, "code");
    const loinc = loincCodes(code);
    const known = SCORE_LOINC.find((s) => loinc.includes(s.code));
    const scale = known?.scale ?? (loinc.length === 0 ? scaleFromText(textsOf(code).join(" ")) : undefined);
    if (scale === undefined) {
      const coding = codingsOf(code).find((c) => c.system === SYSTEM.loinc) ?? codingsOf(code)[0];
      return this.ledger.notRelevant(o, "observation-not-a-depression-score", coding);
    }
    const date = this.#usable(o);
    if (date !== undefined) this.#add(o, scale, integerValue(o.resource), date);
  }

  #readPanel(panel: Entry, observations: readonly Entry[]): void {
    const date = this.#usable(panel);
    if (date === undefined) return;
    const total = objectsAt(panel.resource, "component").find((c) => loincCodes(objectAt(c, "code")).includes(PHQ9_TOTAL));
    if (total !== undefined) return this.#add(panel, "PHQ-9", integerValue(total), date);
    const members = objectsAt(panel.resource, "hasMember").map((m) => this.index.resolve(textAt(m, "reference"), panel)).filter((m): m is Entry => m?.type === "Observation");
    // A total that names the panel in `derivedFrom` is the panel's total as much as a member is.
    const derived = observations.filter((o) => objectsAt(o.resource, "derivedFrom").some((d) => this.index.resolve(textAt(d, "reference"), o) === panel));
    if ([...members, ...derived].some((m) => loincCodes(objectAt(m.resource, "code")).includes(PHQ9_TOTAL))) {
      // The total is an Observation of its own: it is read as such; the panel adds nothing.
      this.ledger.decide({ code: "phq9_total_from_panel", message: "the PHQ-9 panel's total is read from its total-score Observation", resource: `Observation/${panel.id ?? ""}`, rule: "phq9Panel", source: "loinc-phq9", verification: "primary" });
      return this.ledger.use(panel);
    }
    const items: Item[] = [...members.map((entry) => ({ resource: entry.resource, entry })), ...objectsAt(panel.resource, "component").map((resource) => ({ resource }))];
    this.#sumItems(panel, items, date);
  }

  #sumItems(panel: Entry, items: readonly Item[], date: string): void {
    const points = PHQ9_ITEM_LOINC.map((code) => {
      const item = items.find((i) => loincCodes(objectAt(i.resource, "code")).includes(code));
      return item === undefined ? undefined : { item, points: itemPoints(item.resource) };
    });
    if (points.some((p) => p?.points === undefined)) {
      return this.ledger.issue(panel, "panel_incomplete", "a PHQ-9 panel without a total or all nine item answers: not used");
    }
    for (const p of points) {
      if (p?.item.entry === undefined) continue;
      this.#consumed.add(p.item.entry);
      this.ledger.use(p.item.entry);
    }
    const total = points.reduce((sum, p) => sum + (p?.points ?? 0), 0);
    this.ledger.decide({ code: "phq9_total_from_items", message: `PHQ-9 total ${total} summed from the nine item answers`, resource: `Observation/${panel.id ?? ""}`, rule: "phq9Items", source: "loinc-phq9", verification: "primary" });
    this.#add(panel, "PHQ-9", total, date);
  }
}
