import { describe, expect, it } from "vitest";
import { historyFromLongFormat, parseTreatmentHistory, readLongFormat } from "trd-classifier";
import { parseCsv } from "../../src/fills/longFormat";

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, CRLF, a byte-order mark and blank lines", () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\n"x, ""y""",2\n\nlast,')).toStrictEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ['x, "y"', "2"] },
      { line: 5, fields: ["last", ""] },
    ]);
    expect(parseCsv('a\n"multi\nline",b\nc')).toStrictEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: ["multi\nline", "b"] },
      { line: 4, fields: ["c"] },
    ]);
  });
});

describe("readLongFormat", () => {
  const header = "patient_id,record_type,date,drug,days_supply,mg_per_day,scale,total,condition";

  it("gathers each patient's rows, adjacent or not", () => {
    const { patients, issues } = readLongFormat(
      [header, "p1,dispense,2024-01-01,sertraline,30,50,,,", "p2,score,2024-01-01,,,,PHQ-9,12,", "p1,score,2023-12-30,,,,PHQ-9,20,", "p1,diagnosis,2023-12-01,,,,,,bipolar-disorder"].join("\n"),
    );
    expect(issues).toStrictEqual([]);
    expect(patients.map((p) => p.patientId)).toStrictEqual(["p1", "p2"]);
    expect(patients[0]).toMatchObject({ records: [{ agent: { name: "sertraline" }, date: "2024-01-01", daysSupply: 30, mgPerDay: 50 }], assessments: [{ scale: "PHQ-9", total: 20 }], diagnoses: [{ condition: "bipolar-disorder" }] });
  });

  it("turns unreadable rows into issues with line and column, never exceptions", () => {
    const { patients } = readLongFormat(
      [header, "p1,dispense,2024-13-01,sertraline,30,50,,,", "p1,dispense,2024-01-01,sertraline,thirty,50,,,", "p1,score,2024-01-01,,,,HADS,3,", "p1,lab,2024-01-01,,,,,,", "p1,diagnosis,2024-01-01,,,,,,depression"].join("\n"),
    );
    expect(patients[0]?.issues.map((i) => i.path)).toStrictEqual(["line 2.date", "line 3.days_supply", "line 4.scale", "line 5.record_type", "line 6.condition"]);
    expect(patients[0]?.records).toStrictEqual([]);
  });

  it("reports a missing required column", () => {
    expect(readLongFormat("patient,date\np1,2024-01-01").issues.map((i) => i.path)).toStrictEqual(["header.patient_id", "header.record_type"]);
  });

  it("assembles a valid history, taking an explicit episode onset over the built one", () => {
    const text = [header + ",", "p1,episode_onset,2023-11-01,,,,,,", "p1,dispense,2024-01-01,sertraline,30,50,,,"].join("\n");
    const [patient] = readLongFormat(text).patients;
    if (patient === undefined) throw new Error("no patient");
    const { history } = historyFromLongFormat(patient);
    expect(history.episode).toStrictEqual({ onset: "2023-11-01" });
    expect(parseTreatmentHistory(history).success).toBe(true);
  });
});

describe("readLongFormat on what is not text (never throws)", () => {
  it("gives no patients and one issue at `text`", () => {
    for (const bad of [null, undefined, 5, {}, Buffer.from("patient_id,record_type,date\n")]) {
      expect(readLongFormat(bad as never)).toStrictEqual({ patients: [], issues: [{ code: "invalid_type", path: "text", message: "text: expected the CSV text as a string", expected: "the CSV text as a string" }] });
    }
  });
});
