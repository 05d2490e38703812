import { visible } from './terminal-text.js';

/**
 * Characters an XML 1.0 document cannot hold at all, even escaped: C0 controls but tab, line feed
 * and carriage return; U+FFFE and U+FFFF; lone surrogates (XML 1.0, production 2, Char).
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * An XML document (a chart's SVG) with every character XML 1.0 cannot hold written visibly as
 * `\u{hex}`, as the terminal shows it (terminal-text.ts). A name may hold such a character (a tier
 * named with a control character from a copied cell): vega writes it into the SVG as it is, and a
 * viewer then refuses the whole image as not well-formed. Text without them is returned unchanged.
 *
 * @example xmlSafe('<text>A\x01B</text>') // => '<text>A\\u{1}B</text>'
 */
export function xmlSafe(xml: string): string {
  return xml.replace(NOT_XML, visible);
}
