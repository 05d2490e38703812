/**
 * Where a tier's history of lead counts begins selling: the index of its first month with activity,
 * when the months before it would be improbable had the tier sold all along, else 0 (fit every month).
 *
 * Every tier gives every month, so a tier launched within the history opens with months of 0s: those
 * are no volume yet, not a volume of 0. The test is Poisson at the level the whole history would have
 * had the tier sold all along (its mean over every month, the null hypothesis's estimate): `started`
 * months all 0 with probability e^(-started x level) below `p`. Testing at the later months' mean
 * instead (which begins, by its choice, with a month of activity) read a steady tier of 0.1 leads a
 * month as launched in 7.8% of 24-month histories and fitted it 5 times too high. The later months
 * must number at least `minMonths` to fit a level from; a tier launched later is fitted over the whole
 * history (`tooRecent` says so).
 *
 * O(n).
 */
export interface SellingFrom {
  /** The first month index fitted from (0: all). */
  readonly from: number;
  /** The tier began selling `months` before the history's end: too few months to fit from. */
  readonly tooRecent?: { readonly months: number };
}

export function sellingFrom(leads: ArrayLike<number>, started: number, p: number, minMonths: number): SellingFrom {
  const n = leads.length;
  if (!(started > 0) || started >= n) return { from: 0 };
  let total = 0;
  for (let i = 0; i < n; i++) total += leads[i]!;
  const improbable = Math.exp(-started * (total / n)) < p;
  if (!improbable) return { from: 0 };
  if (n - started < minMonths) return { from: 0, tooRecent: { months: n - started } };
  return { from: started };
}
