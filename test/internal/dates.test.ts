import { differenceInYears, format, parseISO } from "date-fns";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { addDays, compareDates, daysBetween, isCalendarDate, wholeYearsBetween } from "../../src/internal/dates";

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Apia", "America/Sao_Paulo"])("calendar dates in %s", (tz) => {
  it("counts calendar days and adds days across daylight-saving changes", () => {
    process.env.TZ = tz;
    expect(daysBetween("2023-03-01", "2023-04-01")).toBe(31);
    expect(daysBetween("2023-10-01", "2023-11-30")).toBe(60);
    expect(daysBetween("2024-12-31", "2024-01-01")).toBe(-365);
    expect(addDays("2023-03-25", 7)).toBe("2023-04-01");
    expect(addDays("2023-10-28", 2)).toBe("2023-10-30");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    for (let d = 0; d < 800; d += 1) expect(daysBetween("2022-01-01", addDays("2022-01-01", d))).toBe(d);
  });

  it("recognises real calendar dates only", () => {
    process.env.TZ = tz;
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("2023-04-31")).toBe(false);
    expect(isCalendarDate("2023-00-10")).toBe(false);
    expect(isCalendarDate("2023-12-00")).toBe(false);
    expect(isCalendarDate("0050-06-15")).toBe(true);
    expect(addDays("0050-12-31", 1)).toBe("0051-01-01");
    expect(isCalendarDate("2023-1-01")).toBe(false);
    expect(isCalendarDate("2023-01-01T00:00:00Z")).toBe(false);
  });
});

describe("isCalendarDate", () => {
  /** The definition, written plainly: the ISO shape, then a day that the UTC calendar has. */
  const reference = (value: string): boolean => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(2000, m - 1, d));
    date.setUTCFullYear(y);
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  };

  it("agrees with the plain definition on date-like and arbitrary strings", () => {
    const dateLike = fc.stringMatching(/^[0-9x٣\- ]{4}-[0-9 ]{1,3}-[0-9\n]{1,3}$/);
    const realish = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(fc.oneof(dateLike, realish, fc.string()), (value) => {
        expect(isCalendarDate(value)).toBe(reference(value));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("wholeYearsBetween", () => {
  it("counts a birthday only once it has passed", () => {
    expect(wholeYearsBetween("1960-05-10", "2020-05-09")).toBe(59);
    expect(wholeYearsBetween("1960-05-10", "2020-05-10")).toBe(60);
    expect(wholeYearsBetween("1960-02-29", "2021-02-28")).toBe(60);
    expect(wholeYearsBetween("1960-02-29", "2021-03-01")).toBe(61);
  });

  it("agrees with date-fns' differenceInYears on any two dates (it is read digit by digit for speed)", () => {
    process.env.TZ = "America/Sao_Paulo";
    expect(wholeYearsBetween("2008-10-19", "2047-10-19")).toBe(39);
    expect(differenceInYears(parseISO("2047-10-19T12:00:00"), parseISO("2008-10-19T12:00:00"))).toBe(39);
    const day = fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }).map((d) => format(d, "yyyy-MM-dd"));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        // At noon: in a zone whose daylight-saving change happens at midnight (São Paulo until
        // 2019), local midnight of that day does not exist and date-fns would start an hour late,
        // shortening a span that crosses it by a day (seen: 2008-10-19 to 2047-10-19).
        expect(wholeYearsBetween(birth, on)).toBe(differenceInYears(parseISO(`${on}T12:00:00`), parseISO(`${birth}T12:00:00`)));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("compareDates", () => {
  const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  const near = fc.oneof(date, fc.stringMatching(/^[0-9a-zA-Z|+ ]{4}-[0-9a-z]{2}-[0-9٣]{2}$/), fc.string({ maxLength: 12 }), fc.constant("10000-01-01"));

  it("orders as localeCompare does (the same sign) dates, near-dates and any text", () => {
    fc.assert(
      fc.property(near, near, (a, b) => {
        expect(Math.sign(compareDates(a, b))).toBe(Math.sign(a.localeCompare(b)));
        expect(Math.sign(compareDates(a, a))).toBe(0);
      }),
      { numRuns: 20_000 },
    );
  });

  it("decides by the date alone a comparison of texts that begin with different dates (the trial builder's sort keys)", () => {
    const tail = fc.string({ maxLength: 20 });
    fc.assert(
      fc.property(date, tail, date, tail, (d1, t1, d2, t2) => {
        const [a, b] = [`${d1}|${t1}`, `${d2}|${t2}`];
        expect(Math.sign(compareDates(d1, d2) || a.localeCompare(b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 20_000 },
    );
  });
});
