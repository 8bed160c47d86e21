/**
 * The command's own words: error records in both output formats, the progress line, counts.
 */
import { describe, expect, it } from "vitest";
import { commandErrorLine, tooLargeMessage } from "../../src/cli/errorRecords";
import { count, progressLine } from "../../src/cli/progress";
import { CSV_HEADER } from "../../src/cli/records";

describe("error records the command writes", () => {
  it("is a CSV row with the header's columns, invalid, and the error in its column; an NDJSON record naming no content", () => {
    const columns = CSV_HEADER.split(",");
    const row = commandErrorLine(7, "record_too_large", tooLargeMessage(50_000_000), { outputFormat: "csv", ruleSet: "eu-pearl-2022" });
    const cells = row.split(",");
    expect(cells[columns.indexOf("line")]).toBe("7");
    expect(cells[columns.indexOf("status")]).toBe("invalid");
    expect(row).toContain('record_too_large: 50,000,000 bytes, over the maximum record size of 16,777,216 bytes (16 MiB); not read"');
    // The message has commas, quoted in one field: as many fields as columns once it is removed.
    expect(row.replace(/"[^"]*"/, "").split(",")).toHaveLength(columns.length);
    expect(JSON.parse(commandErrorLine(3, "worker_failed", "stopped", { outputFormat: "ndjson", ruleSet: "eu-pearl-2022" }))).toStrictEqual({ line: 3, error: "worker_failed", message: "stopped", issues: [] });
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
