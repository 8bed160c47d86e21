/**
 * `npm run bench`: classifications per second for a typical five-trial history, on this machine.
 * Speed is measured here, never in a unit test.
 */
import { classifyTrd, parseTreatmentHistory } from "../../src/index";
import { typicalHistory } from "./typicalHistory";

function measure(label: string, n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(2000, n); i++) fn(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const perSecond = n / seconds;
  console.log(`${label.padEnd(34)} ${Math.round(perSecond).toLocaleString("en-US").padStart(10)} /s   (${n} in ${seconds.toFixed(2)} s)`);
  return perSecond;
}

const N = Number(process.env.BENCH_N ?? 20000);
const inputs = Array.from({ length: 500 }, (_, i) => typicalHistory(i));
const texts = inputs.map((x) => JSON.stringify(x));
const parsed = inputs.map((x) => {
  const r = parseTreatmentHistory(x);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
});
const sample = classifyTrd(parsed[0]!, { asOf: "2022-12-31" });
console.log(`node ${process.version}; typical history: ${parsed[0]!.trials.length} trials, ${parsed[0]!.assessments.length} scores, ${texts[0]!.length} bytes of JSON; status of the first: ${sample.status}\n`);

measure("JSON.parse (floor)", N, (i) => JSON.parse(texts[i % texts.length]!));
measure("parseTreatmentHistory (validate)", N, (i) => parseTreatmentHistory(inputs[i % inputs.length]));
const classify = measure("classifyTrd (classify)", N, (i) => classifyTrd(parsed[i % parsed.length]!, { asOf: "2022-12-31" }));
measure("JSON.parse + validate + classify", N, (i) => {
  const r = parseTreatmentHistory(JSON.parse(texts[i % texts.length]!));
  if (r.success) classifyTrd(r.data, { asOf: "2022-12-31" });
});
console.log(`\nclassifications per second (typical five-trial history): ${Math.round(classify).toLocaleString("en-US")}`);
