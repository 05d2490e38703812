import { z } from 'zod';
import { humanNumber } from './human-number-schema.js';
import { percentHint, UNIT_INTERVAL } from './percent-hint.js';
import { indefiniteArticle } from './indefinite-article.js';

/** One contract length new deals are signed on, with its share of deals. */
export const contractTermSchema = z
  .strictObject({
    months: humanNumber(
      z
        .number()
        .int({ error: 'must be a whole number of months' })
        .min(12, { error: 'a contract term is 12 to 60 months' })
        .max(60, { error: 'a contract term is 12 to 60 months' })
        .refine((m) => m % 12 === 0, { error: (iss) => `a contract term is a whole number of years (12, 24, 36, 48 or 60 months), got ${iss.input}` }),
    ),
    share: humanNumber(z.number().finite().min(0, { error: (iss) => `a share is in [0, 1]${percentHint(iss.input, UNIT_INTERVAL)}` }).max(1, { error: (iss) => `a share is in [0, 1]${percentHint(iss.input, UNIT_INTERVAL)}` })),
    escalator: humanNumber(
      z
        .number()
        .finite()
        .min(0, { error: 'an escalator is in [0, 0.5]' })
        .max(0.5, { error: (iss) => `an escalator is in [0, 0.5]${percentHint(iss.input, { min: 0, max: 0.5 })}` }),
    )
      .default(0)
      .describe('Yearly step-up of the ACV over a multi-year term (0.05 = +5% each contract year).'),
  })
  .describe('A contract term and the share of new deals signed on it.');

/** The term mix of new deals: shares add up to 1. */
export const contractTermsSchema = z
  .array(contractTermSchema)
  .min(1, { error: 'give at least one term' })
  .max(5, { error: 'at most 5 terms' })
  .superRefine(
    (terms, ctx) => {
      if (!Array.isArray(terms) || !terms.every((t) => typeof t?.share === 'number' && typeof t.months === 'number')) return;
      const total = terms.reduce((a, t) => a + t.share, 0);
      if (Math.abs(total - 1) > 1e-9) ctx.addIssue({ code: 'custom', message: `term shares add up to ${total.toFixed(4)}; they must add up to 1` });
      const seen = new Set<number>();
      terms.forEach((t, i) => {
        if (seen.has(t.months)) ctx.addIssue({ code: 'custom', message: `${indefiniteArticle(String(t.months))} ${t.months}-month term is listed twice`, path: [i, 'months'] });
        seen.add(t.months);
        if (t.months === 12 && (t.escalator ?? 0) > 0)
          ctx.addIssue({ code: 'custom', message: 'an annual contract has no escalator (it steps up at renewal: priceUplift)', path: [i, 'escalator'] });
      });
    },
    { when: () => true },
  )
  .describe(
    "New deals' contract terms. Bookings count the first year's ACV at signing; the total contract value (with escalators) is reported as new TCV. Within the year no new contract reaches its first anniversary, so escalators do not change this year's ARR of new deals.",
  );

export type ContractTerm = z.output<typeof contractTermSchema>;
