/**
 * `npm run size`: what an integrator pays for the package, checked in CI (never in a unit test).
 *
 * 1. `npm pack`: the tarball's packed and unpacked size (fails above 250 kB packed).
 * 2. The tarball is unpacked into `.tmp/size/node_modules/trd-classifier`, as an install would,
 *    and an integrator's browser entry is bundled from it with esbuild (minified, platform
 *    browser, ESM), exactly:
 *      import { parseTreatmentHistory, classifyTrd } from "trd-classifier";
 *      import { fromFhir, toCdsHooksCards } from "trd-classifier/fhir";
 *    zod and date-fns come from the repository's node_modules (the versions in the lockfile).
 *    Prints the minified and gzip sizes and what they are made of; fails above 80 kB gzip.
 *
 * kB here is 1,000 bytes (as npm prints), so the limits are 80,000 and 250,000 bytes.
 * Needs `dist/` (run `npm run build` first; `npm run size` does).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { BuildOptions } from "esbuild";

const GZIP_LIMIT = 80_000;
const PACKED_LIMIT = 250_000;

const root = fileURLToPath(new URL("../../", import.meta.url));
const work = fileURLToPath(new URL("../../.tmp/size/", import.meta.url));
if (!existsSync(`${root}dist/index.js`)) throw new Error("run `npm run build` first (npm run size does)");
rmSync(work, { recursive: true, force: true });
mkdirSync(`${work}node_modules/trd-classifier`, { recursive: true });

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const failures: string[] = [];
const check = (ok: boolean, text: string): void => {
  console.log(`  ${ok ? "OK  " : "FAIL"} ${text}`);
  if (!ok) failures.push(text);
};

// 1. The tarball.
interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}
const [pack] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8" })) as PackResult[];
if (pack === undefined) throw new Error("npm pack printed no result");
console.log(`Tarball (npm pack): ${pack.filename}, ${pack.entryCount} files`);
console.log(`  packed   ${kB(pack.size).padStart(10)}   (${pack.size.toLocaleString("en-US")} bytes)`);
console.log(`  unpacked ${kB(pack.unpackedSize).padStart(10)}   (${pack.unpackedSize.toLocaleString("en-US")} bytes)`);
const maps = pack.files.filter((f) => f.path.endsWith(".map"));
console.log(`  source maps in the tarball: ${maps.length}${maps.length > 0 ? ` (${kB(maps.reduce((s, f) => s + f.size, 0))})` : ""}`);
check(pack.size <= PACKED_LIMIT, `tarball ${kB(pack.size)} packed, limit ${kB(PACKED_LIMIT)}`);

// 2. An integrator's browser bundle, built from the unpacked tarball.
execFileSync("tar", ["-xzf", `${work}${pack.filename}`, "-C", `${work}node_modules/trd-classifier`, "--strip-components=1"]);
const entry = `${work}entry.js`;
writeFileSync(
  entry,
  [
    'import { parseTreatmentHistory, classifyTrd } from "trd-classifier";',
    'import { fromFhir, toCdsHooksCards } from "trd-classifier/fhir";',
    "export { parseTreatmentHistory, classifyTrd, fromFhir, toCdsHooksCards };",
    "",
  ].join("\n"),
);
// An integrator's own package.json and (empty) tsconfig: without them esbuild would find the
// repository's, resolve "trd-classifier" to the repository itself (a package importing its own
// name) and follow tsconfig's `paths` to the TypeScript sources, rather than the tarball.
writeFileSync(`${work}package.json`, `${JSON.stringify({ name: "size-check", private: true, type: "module" })}\n`);
writeFileSync(`${work}tsconfig.json`, "{}\n");
const options = {
  tsconfig: `${work}tsconfig.json`,
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  write: false,
  metafile: true,
  logLevel: "error",
  // zod and date-fns are found in the repository's node_modules (up from .tmp/size).
  nodePaths: [`${root}node_modules`],
} satisfies BuildOptions;
const result = await build(options);
const output = result.outputFiles[0];
if (output === undefined) throw new Error("esbuild wrote no output");
const minified = output.contents.byteLength;
const gzipped = gzipSync(output.contents).byteLength;
console.log("\nBrowser bundle (esbuild, --bundle --minify --platform=browser --format=esm) of");
console.log("  parseTreatmentHistory, classifyTrd (trd-classifier) + fromFhir, toCdsHooksCards (trd-classifier/fhir):");
console.log(`  minified ${kB(minified).padStart(10)}   (${minified.toLocaleString("en-US")} bytes)`);
console.log(`  gzip     ${kB(gzipped).padStart(10)}   (${gzipped.toLocaleString("en-US")} bytes, zlib default level)`);
const byPackage = new Map<string, number>();
for (const [file, info] of Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(file);
  const name = m === null ? "(entry)" : m[1] === "zod" && /\/locales\//.test(m[2] ?? "") ? "zod (locales)" : (m[1] ?? "?");
  byPackage.set(name, (byPackage.get(name) ?? 0) + info.bytesInOutput);
}
console.log("  made of (minified bytes in the output):");
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) console.log(`    ${name.padEnd(16)} ${kB(bytes).padStart(10)}`);
// The same bundle with zod and date-fns left out: the package's own share, for whoever works on
// the limit.
const own = await build({ ...options, metafile: false, external: ["zod", "date-fns", "date-fns/*"] });
const ownBytes = own.outputFiles[0]?.contents ?? new Uint8Array();
console.log(`  trd-classifier's own code alone (zod and date-fns left out): ${kB(ownBytes.byteLength)} minified, ${kB(gzipSync(ownBytes).byteLength)} gzip`);
check(gzipped <= GZIP_LIMIT, `browser bundle ${kB(gzipped)} gzip, limit ${kB(GZIP_LIMIT)}`);

if (failures.length > 0) {
  console.error(`\nsize check failed: ${failures.join("; ")}`);
  process.exit(1);
}
