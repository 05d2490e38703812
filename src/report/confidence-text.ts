/**
 * A budget's confidence and its percentile as every output writes them: one decimal at most
 * ('80%', 'P20'; '99.5%', 'P0.5'), and more only where one decimal would round a level inside
 * (0, 1) to 0% or 100%: 0.9999 is '99.99%' and 'P0.01', not '100%' and 'P0' (a budget reached in
 * every trial, which the P0.01 of a run is not).
 *
 * @example confidenceWords(0.9999) // => { share: '99.99%', percentile: 'P0.01' }
 * Complexity: O(1).
 */
export function confidenceWords(confidence: number): { readonly share: string; readonly percentile: string } {
  const round = (v: number, d: number) => Number((v * 100).toFixed(d));
  let d = 1;
  const edge = (v: number) => v === 0 || v === 100;
  while (d < 8 && (edge(round(confidence, d)) || edge(round(1 - confidence, d)))) d++;
  return { share: `${round(confidence, d)}%`, percentile: `P${round(1 - confidence, d)}` };
}
