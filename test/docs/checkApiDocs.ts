/**
 * Checks the API reference that `typedoc` wrote to docs/api (run by `npm run docs`, after
 * typedoc): it opens on the README, the modules are named as users import them, signatures show
 * named types rather than expansions (classifyTrd's page gives its description before any type
 * detail), every export sits in a concept group, and the README's links lead to pages that exist.
 *
 * Usage: `tsx test/docs/checkApiDocs.ts [dir]` (default docs/api). Prints each failure and exits 1.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const root = resolve(process.argv[2] ?? join(repo, "docs/api"));
const failures: string[] = [];
const check = (ok: boolean, message: string): void => {
  if (!ok) failures.push(message);
};

const read = (path: string): string => (existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : "");
/** The main column of a page as plain text. */
function contentText(page: string): string {
  const start = page.indexOf('<div class="col-content">');
  const end = page.indexOf('<div class="col-sidebar">');
  const html = start < 0 ? "" : page.slice(start, end < 0 ? undefined : end);
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => entities[e] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}
/** The text of each signature block on a page. */
const signatures = (page: string): string[] => [...page.matchAll(/<div class="tsd-signature[^"]*"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => contentText(`<div class="col-content">${m[1] ?? ""}`));

// The landing page is the README.
const landing = read("index.html");
const readme = readFileSync(join(repo, "README.md"), "utf8");
const firstParagraph = readme.split("\n").find((line) => /^[A-Z]/.test(line))?.slice(0, 40) ?? "?";
check(landing !== "", `no ${root}/index.html: run typedoc first`);
check(contentText(landing).includes(firstParagraph), `the landing page does not show the README (its first paragraph, "${firstParagraph}…")`);
check(contentText(landing).length > 2000, "the landing page is (almost) empty");

// Every relative link of the landing page leads to a file that exists.
for (const [, href] of landing.matchAll(/<a href="([^"#:]+)(?:#[^"]*)?"/g)) {
  if (href !== undefined && href !== "") check(existsSync(join(root, href)), `the landing page links to ${href}, which typedoc did not write`);
}

// Modules are named as users import them.
const modules = readdirSync(join(root, "modules")).sort();
check(JSON.stringify(modules) === JSON.stringify(["trd-classifier.html", "trd-classifier_fhir.html", "trd-classifier_omop.html"]), `modules are ${modules.join(", ")}; expected trd-classifier, trd-classifier/fhir and trd-classifier/omop`);
check(read("modules/trd-classifier.html").includes("<h1>Module trd-classifier<"), "the main module is not titled trd-classifier");
check(read("modules/trd-classifier_fhir.html").includes("<h1>Module trd-classifier/fhir<"), "the FHIR module is not titled trd-classifier/fhir");
check(read("modules/trd-classifier_omop.html").includes("<h1>Module trd-classifier/omop<"), "the OMOP module is not titled trd-classifier/omop");

// Exports are grouped by concept, not by kind.
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  "modules/trd-classifier.html": ["Classify", "Input contract", "Staging", "Fills", "Catalogue", "Rule sets", "Report"],
  "modules/trd-classifier_fhir.html": ["FHIR in", "CDS Hooks", "FHIR out"],
  "modules/trd-classifier_omop.html": ["OMOP in", "OMOP SQL"],
};
for (const [page, expected] of Object.entries(GROUPS)) {
  const groups = [...read(page).matchAll(/<h2 class="tsd-anchor-link" id="[^"]*">([^<]+)</g)].map((m) => m[1]);
  check(JSON.stringify(groups) === JSON.stringify(expected), `${page} has groups ${groups.join(", ")}; expected ${expected.join(", ")}`);
}

// classifyTrd: a one-line signature with named types, then the description, before any type detail.
const classify = read("functions/trd-classifier.classifyTrd.html");
const text = contentText(classify);
const [signature = ""] = signatures(classify);
check(/classifyTrd\s*\(\s*history\s*:\s*TreatmentHistory\s*,\s*options\s*:\s*ClassifyTrdOptions\s*,?\s*\)\s*:\s*TrdAssessment/.test(signature), `classifyTrd's signature does not name its types: ${signature.slice(0, 120)}…`);
const description = text.indexOf("Classifies a validated treatment history");
check(description >= 0, "classifyTrd's page has no description");
check(description < text.indexOf("Parameters"), "classifyTrd's description does not come before its parameters");
check(text.indexOf("Example") > description, "classifyTrd's page has no example after its description");
check(!/birthDate|previousEpisodes/.test(text), "classifyTrd's page expands the history type inline");

// No function signature anywhere is an inline expansion of a schema type.
for (const file of readdirSync(join(root, "functions"))) {
  for (const s of signatures(read(`functions/${file}`))) check(s.length <= 300, `${file}: a signature of ${s.length} characters (an inline type expansion?): ${s.slice(0, 100)}…`);
}

if (failures.length > 0) {
  console.error(`docs/api check failed:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log(`docs/api check: landing page, modules, groups and signatures ok (${root})`);
