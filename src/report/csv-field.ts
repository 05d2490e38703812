/**
 * A CSV field per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.
 *
 * @example csvField('Größe, EU') // => '"Größe, EU"'
 */
export function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * A number as a spreadsheet reads it: rounded to `decimals` places, trailing zeros dropped, no
 * exponent for money-sized values; empty for a non-finite value.
 *
 * @example csvNumber(132162418.3456, 2) // => '132162418.35'
 */
export function csvNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
