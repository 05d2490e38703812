/**
 * Rename every id an SVG document defines (vega's clip paths and gradients), and every
 * reference to one (url(#id), href="#id"), with `rename`. Ids it does not define are left alone.
 *
 * @example renameSvgIds(svg, (id) => `fan-${id}`)
 * Complexity: O(length of the SVG).
 */
export function renameSvgIds(svg: string, rename: (id: string, index: number) => string): string {
  const order = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (!order.has(m[1]!)) order.set(m[1]!, rename(m[1]!, order.size));
  if (order.size === 0) return svg;
  const to = (id: string) => order.get(id) ?? id;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => `${a}${to(id)}${b}`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${to(id)})`)
    .replace(/(\s(?:xlink:)?href=")#([^"]+)(")/g, (_, a: string, id: string, b: string) => `${a}#${to(id)}${b}`);
}

/**
 * Number an SVG's ids from 1 in order of appearance (clip7 -> clip1): vega numbers them from a
 * counter shared by every chart a process renders, which would make an image depend on what was
 * rendered before it.
 *
 * @example renumberSvgIds('<clipPath id="clip7">...url(#clip7)') // clip1
 */
export function renumberSvgIds(svg: string): string {
  return renameSvgIds(svg, (id, index) => `${id.replace(/\d+$/, '')}${index + 1}`);
}
