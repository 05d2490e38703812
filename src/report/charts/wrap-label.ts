// Apart from tornado.ts, with no Node module: the studio's page bundles it to wrap a chart's subtitle to its column.

/** The widest line of a tornado label, in characters: longer labels wrap at spaces. */
export const TORNADO_LINE_CHARS = 26;

/**
 * A label broken into lines of at most TORNADO_LINE_CHARS characters at spaces (a longer word keeps
 * its line), so a long driver name wraps instead of widening the chart past the page or being cut.
 *
 * @example wrapLabel('Enterprise new-customer expansion probability (3% of variance)') // => ['Enterprise new-customer', 'expansion probability (3%', 'of variance)']
 */
export function wrapLabel(label: string, width = TORNADO_LINE_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
