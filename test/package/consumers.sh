#!/usr/bin/env bash
# The package as a new user gets it: `npm pack`, then install the tarball into four fresh projects
# under .tmp/consumers/ and, in each, type-check a file that uses `trd-classifier` and
# `trd-classifier/fhir` (functions and named types) and `trd-classifier/omop` and run it:
#   esm       "type": "module", TypeScript module/moduleResolution nodenext, run by node
#   bundler   TypeScript moduleResolution bundler, bundled by esbuild, run by node
#   cjs       "type": "commonjs", TypeScript module/moduleResolution node16 (require), run by node
#   node10    TypeScript module commonjs, moduleResolution node10 (typesVersions), run by node;
#             with esModuleInterop, as `tsc --init` sets it (zod's own declarations need it there)
# The ESM project also runs the installed command line (`trd-classifier generate | classify
# --workers 2`), which starts its worker threads from the installed files.
#
# zod, date-fns and @types/fhir are installed from npm's cache where `npm ci` left them
# (--prefer-offline); TypeScript and esbuild are the repository's own. Needs dist/
# (`npm run test:consumers` builds first).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/.tmp/consumers"
tsc="$root/node_modules/.bin/tsc"
esbuild="$root/node_modules/.bin/esbuild"
[ -f "$root/dist/index.js" ] || { echo "run \`npm run build\` first (npm run test:consumers does)" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
tarball="$work/$(cd "$root" && npm pack --silent --pack-destination "$work")"
echo "packed $(basename "$tarball") ($(wc -c <"$tarball") bytes)"

# The consumer's code, the same in all four projects. A type error in it, or a type that resolves
# to `any` (the @ts-expect-error lines then fail), fails the check.
main_ts='import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
import type { TreatmentHistory, TrdAssessment, TrdIssue } from "trd-classifier";
import { fromFhir, toCdsHooksCards } from "trd-classifier/fhir";
import type { CdsCard, FhirInput, FromFhirResult } from "trd-classifier/fhir";
import { OMOP_DOMAINS } from "trd-classifier/omop";
import type { OmopDomain } from "trd-classifier/omop";

declare const KIND: string;
const input: unknown = {
  episode: { onset: "2024-01-08" },
  trials: [
    { id: "rx-1", agent: { name: "fluoxetine" }, start: "2024-01-15", end: "2024-03-25", mgPerDay: 20, adherence: "good", stopReason: "ineffective" },
    { id: "rx-2", agent: { name: "sertraline" }, start: "2024-03-28", mgPerDay: 100, adherence: 0.85 },
  ],
};
const parsed = parseTreatmentHistory(input);
if (!parsed.success) throw new Error(parsed.issues.map((i: TrdIssue) => i.code).join(", "));
const history: TreatmentHistory = parsed.data;
const assessment: TrdAssessment = classifyTrd(history, { asOf: "2024-05-20" });
const cards: CdsCard[] = toCdsHooksCards(assessment);
const bundle: FhirInput = { resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Patient", id: "p1" } }] };
const mapped: FromFhirResult = fromFhir(bundle, { asOf: "2024-05-20" });

// Never called: these lines only have to be type errors.
export function typed(): unknown[] {
  return [
    // @ts-expect-error asOf is an ISO date string
    classifyTrd(history, { asOf: 20240520 }),
    // @ts-expect-error a CDS card is made from an assessment
    toCdsHooksCards(history),
  ];
}

const domain: OmopDomain | undefined = OMOP_DOMAINS[0];
if (history.trials.length !== 2 || cards.length === 0 || mapped.summary.resources !== 1 || domain === undefined) throw new Error("unexpected results");
console.log(`${KIND}: status ${assessment.status}, ${assessment.trials.length} trials, ${cards.length} CDS card(s); fromFhir read ${mapped.summary.resources} resource(s)`);
'

# project <name> <package.json type> <tsconfig compilerOptions (JSON, without the braces)>
project() {
  local dir="$work/$1"
  mkdir -p "$dir/src"
  printf '{ "name": "consumer-%s", "private": true, "type": "%s" }\n' "$1" "$2" >"$dir/package.json"
  printf '{ "compilerOptions": { %s, "target": "ES2022", "lib": ["ES2022", "DOM"], "types": [], "strict": true, "skipLibCheck": false, "rootDir": "src", "outDir": "dist" }, "include": ["src"] }\n' "$3" >"$dir/tsconfig.json"
  printf 'const KIND = "%s";\n%s' "$1" "${main_ts/declare const KIND: string;/}" >"$dir/src/main.ts"
}
project esm module '"module": "nodenext", "moduleResolution": "nodenext"'
project bundler module '"module": "preserve", "moduleResolution": "bundler", "noEmit": true'
project cjs commonjs '"module": "node16", "moduleResolution": "node16"'
project node10 commonjs '"module": "commonjs", "moduleResolution": "node10", "esModuleInterop": true'

# Four fresh installs of the tarball, side by side.
pids=()
for p in esm bundler cjs node10; do
  (cd "$work/$p" && npm install --silent --no-audit --no-fund --prefer-offline --no-package-lock "$tarball" >"$work/$p.install.log" 2>&1) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || { cat "$work"/*.install.log >&2; exit 1; }; done
echo "installed the tarball into 4 fresh projects (${SECONDS} s so far)"

for p in esm cjs node10; do
  (cd "$work/$p" && "$tsc" -p tsconfig.json && node dist/main.js)
done
(cd "$work/bundler" && "$tsc" -p tsconfig.json && "$esbuild" src/main.ts --bundle --platform=node --format=esm --log-level=warning --outfile=dist/main.mjs && node dist/main.mjs)

# The installed command line, with two worker threads.
lines=$(cd "$work/esm" && ./node_modules/.bin/trd-classifier generate --patients 2000 --seed 1 |
  ./node_modules/.bin/trd-classifier classify - --as-of 2024-06-30 --workers 2 --no-progress 2>"$work/cli.log" | wc -l)
[ "$lines" -eq 2000 ] || { echo "installed CLI wrote $lines lines for 2000 records" >&2; cat "$work/cli.log" >&2; exit 1; }
echo "installed CLI: 2000 records in, $lines lines out ($(tail -n 1 "$work/cli.log"))"
echo "consumers: all 4 projects compiled and ran (${SECONDS} s)"
