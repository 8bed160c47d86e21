// @ts-check
/**
 * Groups the API reference by concept. The source is laid out one concept per folder (see the
 * layers in eslint.config.js), so each export is put in its folder's group (CDS Hooks and the FHIR
 * Observation by file) unless its comment names a group itself with `@group`.
 *
 * Also names a parameter's type as its declaration does when that is a type alias of a union
 * (`condition?: Condition`): typedoc shows the checker's type, and a union that zod built before
 * the alias was declared has lost the alias's name, so it would be expanded into its members.
 */
import { Comment, CommentTag, Converter, ReflectionKind, UnionType } from "typedoc";
import ts from "typescript";

/** Group by source path: the first prefix that matches wins. */
const GROUPS = [
  ["src/rules/resolveRuleSet.ts", "Classify"],
  ["src/classify/", "Classify"],
  ["src/schema/", "Input contract"],
  ["src/staging/", "Staging"],
  ["src/fills/", "Fills"],
  ["src/catalogue/", "Catalogue"],
  ["src/rules/", "Rule sets"],
  ["src/report/", "Report"],
  ["src/fhir/cards.ts", "CDS Hooks"],
  ["src/fhir/cdsService.ts", "CDS Hooks"],
  ["src/fhir/cardId.ts", "CDS Hooks"],
  ["src/fhir/observation.ts", "FHIR out"],
  ["src/fhir/", "FHIR in"],
  ["src/omop/sql.ts", "OMOP SQL"],
  ["src/omop/cohortTables.ts", "OMOP SQL"],
  ["src/omop/", "OMOP in"],
];

/** The group order on each module page and in the navigation. */
export const GROUP_ORDER = ["Classify", "Input contract", "Staging", "Fills", "Catalogue", "Rule sets", "Report", "FHIR in", "CDS Hooks", "FHIR out", "OMOP in", "OMOP SQL", "*"];

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_SIGNATURE, (context, signature, declaration) => {
    if (declaration === undefined || !("parameters" in declaration) || signature.parameters?.length !== declaration.parameters.length) return;
    signature.parameters.forEach((parameter, i) => {
      const node = declaration.parameters[i]?.type;
      if (node === undefined || !ts.isTypeReferenceNode(node) || node.typeArguments !== undefined || !(parameter.type instanceof UnionType)) return;
      const symbol = context.getSymbolAtLocation(node.typeName);
      const target = symbol === undefined ? undefined : context.resolveAliasedSymbol(symbol);
      if (target === undefined || (target.flags & ts.SymbolFlags.TypeAlias) === 0) return;
      parameter.type = context.createSymbolReference(target, context, node.typeName.getText());
    });
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      if (!reflection.isDeclaration() || !reflection.parent?.kindOf(ReflectionKind.Module)) continue;
      const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName.replace(/\\/g, "/");
      const group = GROUPS.find(([prefix]) => file?.includes(`/${prefix}`))?.[1];
      if (group === undefined) continue;
      const comments = [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)];
      if (comments.some((c) => c?.blockTags.some((t) => t.tag === "@group"))) continue;
      const signatures = reflection.signatures ?? [];
      if (signatures.length > 0) for (const s of signatures) (s.comment ??= new Comment()).blockTags.push(new CommentTag("@group", [{ kind: "text", text: group }]));
      else (reflection.comment ??= new Comment()).blockTags.push(new CommentTag("@group", [{ kind: "text", text: group }]));
    }
  });
}
