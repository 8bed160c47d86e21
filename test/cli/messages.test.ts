/**
 * The command's own words: error records in both output formats, the progress line, counts.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE_VERSION } from "trd-classifier";
import { commandErrorLine, tooLargeMessage } from "../../src/cli/errorRecords";
import { count, progressLine } from "../../src/cli/progress";
import { csvHeader } from "../../src/cli/records";
import type { RecordOptions } from "../../src/cli/records";

const run = (outputFormat: "csv" | "ndjson"): RecordOptions => ({ asOf: "2024-06-30", ruleSet: "eu-pearl-2022", inputFormat: "ndjson", outputFormat, full: false });

describe("error records the command writes", () => {
  it("is a CSV row with the header's columns, invalid, and the error in its column; an NDJSON record naming no content", () => {
    const columns = csvHeader({}).split(",");
    const row = commandErrorLine(7, "record_too_large", tooLargeMessage(50_000_000), run("csv"));
    const cells = row.split(",");
    expect(cells[columns.indexOf("line")]).toBe("7");
    expect(cells[columns.indexOf("result")]).toBe("invalid");
    expect(cells[columns.indexOf("rule_set_version")]).toBe("1.0.0");
    expect(cells[columns.indexOf("as_of")]).toBe("2024-06-30");
    expect(row).toContain('record_too_large: 50,000,000 bytes, over the maximum record size of 16,777,216 bytes (16 MiB); not read"');
    // The message has commas, quoted in one field: as many fields as columns once it is removed.
    expect(row.replace(/"[^"]*"/, "").split(",")).toHaveLength(columns.length);
    expect(JSON.parse(commandErrorLine(3, "worker_failed", "stopped", run("ndjson")))).toStrictEqual({ line: 3, error: "worker_failed", message: "stopped", issues: [], ruleSet: "eu-pearl-2022", ruleSetVersion: "1.0.0", catalogue: CATALOGUE_VERSION, asOf: "2024-06-30" });
  });
});

describe("counts and progress", () => {
  it("says 1 record and 2 records, and shows percent, rate and time left when the size is known", () => {
    expect(count(1, "record")).toBe("1 record");
    expect(count(1400, "record")).toBe("1,400 records");
    expect(count(1, "worker")).toBe("1 worker");
    expect(progressLine({ records: 5000, bytes: 25, totalBytes: 100 }, 10)).toBe("25.0%, 5,000 records, 500/s, about 30 s left");
    expect(progressLine({ records: 1, bytes: 25 }, 2)).toBe("1 record, 1/s");
  });
});
