/**
 * A decimal's digits with its whole part's thousands grouped by commas, its fraction as it is: THE
 * grouping of every formatter that writes digits it rounded itself (exactAmount, unitText's trillions,
 * score's amounts), where toLocaleString would round them again.
 *
 * @example groupThousands('1234567.891') // => '1,234,567.891'
 * Complexity: O(digits).
 */
export function groupThousands(digits: string): string {
  const point = digits.indexOf('.');
  const whole = point < 0 ? digits : digits.slice(0, point);
  return whole.replace(/\B(?=(\d{3})+$)/g, ',') + (point < 0 ? '' : digits.slice(point));
}
