/**
 * Writing XML by hand, safely: every text and attribute value is escaped, numbers are written with
 * at most one decimal (so the same input gives the same bytes), and elements are plain strings.
 *
 * @module
 */

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Escapes a string for XML text or a quoted attribute value. Characters XML 1.0 does not allow
 * (control characters other than tab, line feed and carriage return, lone surrogates) become U+FFFD.
 *
 * @example
 * escapeXml(`<b> & "q" 'a'`); //=> "&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos;"
 */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/**
 * A coordinate or size as text: one decimal at most, no "-0".
 *
 * @example
 * num(12.345); //=> "12.3"
 * num(-0.01); //=> "0"
 */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? "0" : String(rounded);
}

/** Attribute values: strings are escaped, numbers formatted by {@link num}; undefined and false are left out. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * One element as a string. `children` is already-escaped markup (use {@link text} for text).
 *
 * @example
 * el("line", { x1: 0, y1: 1.25, class: "a&b" }); //=> '<line x1="0" y1="1.3" class="a&amp;b"/>'
 * el("g", { "data-id": "t1" }, [el("rect", { width: 2 })]); //=> '<g data-id="t1"><rect width="2"/></g>'
 */
export function el(name: string, attributes: Attributes = {}, children?: readonly string[] | string): string {
  let open = `<${name}`;
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined || value === false) continue;
    open += ` ${key}="${value === true ? key : typeof value === "number" ? num(value) : escapeXml(value)}"`;
  }
  if (children === undefined || children.length === 0) return `${open}/>`;
  return `${open}>${typeof children === "string" ? children : children.join("")}</${name}>`;
}

/**
 * A text node, escaped.
 *
 * @example
 * text("a < b"); //=> "a &lt; b"
 */
export function text(value: string): string {
  return escapeXml(value);
}
