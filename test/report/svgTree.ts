/**
 * Test helper: an SVG (or any XML) string parsed by a real XML parser (fast-xml-parser, after its
 * validator) into a small tree that tests can search by element name, class and attribute.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** The text directly inside the element (not its children's). */
  readonly text: string;
}

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

function toNode(entry: Ordered): XmlNode | undefined {
  const name = Object.keys(entry).find((k) => k !== ":@");
  if (name === undefined || name === "#text") return undefined;
  const raw = (entry[name] as Ordered[]) ?? [];
  const children: XmlNode[] = [];
  let text = "";
  for (const child of raw) {
    if ("#text" in child) text += String(child["#text"]);
    const node = toNode(child);
    if (node !== undefined) children.push(node);
  }
  return { name, attrs: entry[":@"] ?? {}, children, text };
}

/** Validates and parses; throws with the validator's message when the XML is not well formed. */
export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, col ${valid.err.col})`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, parseAttributeValue: false, parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: false });
  const parsed = parser.parse(xml) as Ordered[];
  const root = parsed.map(toNode).find((n) => n !== undefined);
  if (root === undefined) throw new Error("no root element");
  return root;
}

/** Every node under (and including) `node`, depth first. */
export function allNodes(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/** Nodes whose class list includes `cls`. */
export function byClass(node: XmlNode, cls: string): XmlNode[] {
  return allNodes(node).filter((n) => (n.attrs.class ?? "").split(" ").includes(cls));
}

/** All text inside a node, its children's included; the lines of a wrapped text (its `<tspan>`s) joined by a space. */
export function textOf(node: XmlNode): string {
  return [node.text, ...node.children.map(textOf)].filter((t) => t !== "").join(node.children.some((c) => c.name === "tspan") ? " " : "");
}
