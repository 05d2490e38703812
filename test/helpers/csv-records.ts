/**
 * The records of CSV text as RFC 4180 writes them (the one reader the tests share): quoted fields,
 * "" for a quote inside them, commas and line breaks inside quotes; a record ends at LF or CRLF, and a
 * bare CR outside quotes stays in its field (so a check for a CR that starts a cell still sees it).
 *
 * @example csvRecords('a,"b,""c"""\n1,2\n') // => [['a', 'b,"c"'], ['1', '2']]
 * Complexity: O(text length).
 */
export function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (!(ch === '\r' && text[i + 1] === '\n')) field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
