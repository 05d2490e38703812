import { createStream } from '../../../src/random/source.js';
import { standardNormal } from '../../../src/random/normal.js';

/**
 * Known-truth data: Y = a U1 + b U2² + 0 U3 + sigma eps with U_i ~ U(0, 1) independent and
 * eps ~ N(0, 1). Var(U) = 1/12, Var(U²) = E[U⁴] - E[U²]² = 1/5 - 1/9 = 4/45, so the first-order
 * shares are a²/12 / V, b² 4/45 / V and 0, with V = a²/12 + b² 4/45 + sigma².
 */
export interface Synthetic {
  readonly u: readonly [Float64Array, Float64Array, Float64Array];
  readonly y: Float64Array;
  readonly truth: readonly [number, number, number];
  readonly unexplained: number;
}

export function synthetic(n: number, seed: string, a = 2, b = 1, sigma = 0.3): Synthetic {
  const s = createStream(`synthetic-${seed}`);
  const z = standardNormal(s);
  const u = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u1 = s();
    const u2 = s();
    const u3 = s();
    u[0][i] = u1;
    u[1][i] = u2;
    u[2][i] = u3;
    y[i] = a * u1 + b * u2 * u2 + sigma * z();
  }
  const v1 = (a * a) / 12;
  const v2 = (b * b * 4) / 45;
  const v = v1 + v2 + sigma * sigma;
  return { u, y, truth: [v1 / v, v2 / v, 0], unexplained: (sigma * sigma) / v };
}
