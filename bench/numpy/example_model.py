#!/usr/bin/env python3
"""A vectorised numpy Monte Carlo of scenarios/example.yaml, written independently of arrcast's code.

It was written from the model's description: README.md ("The model", "Two layers for every driver",
"The scenario format", "Distributions", "Stress cases" for how the market factor moves a driver),
/work/shared/DOMAIN.md and the YAML. It does not read arrcast's TypeScript. It exists to check
issue 12's speed claim against the same model at the same fidelity. The scenario's numbers are
written below as constants (no YAML parser).

What it simulates, per trial (one fiscal year, month by month, three tiers):
  * One market factor Z ~ N(0, 1). Lead volume and ACV are multiplied by exp(bZ - b^2/2). Conversion,
    renewal, expansion and new-customer expansion probabilities become logistic(logit(p) + bZ);
    contraction becomes logistic(logit(p) - bZ), since a good year contracts less.
  * Year-level draws, once per trial: conversion (beta), renewal rate (beta; Mid-market a 3-term
    metalog bounded to [0, 1] through P10/P50/P90), contraction and expansion probabilities (beta),
    price uplift (Enterprise: PERT), new-customer expansion probability (beta).
  * Leads each month: Poisson (SMB) or negative binomial (mean, dispersion k) around
    mean x seasonality (rescaled to average 1) x market. The leads of the L months before the year
    (L = the longest sales-cycle lag; seasonality wraps around) are simulated too, so the year opens
    with a full pipeline.
  * Deals = Binomial(leads, this year's conversion). Every deal draws its own sales-cycle lag (a
    multinomial split of a month's deals over the lags) and closes in lead month + lag. Only closes in
    fiscal months 1..12 count.
  * One lognormal ACV draw per deal (no aggregate shortcut: arrcast, by contrast, draws a month's sum
    of 4 or more deals from tables of the aggregate distribution; README "Reproducibility"). A deal
    closed in month m adds its ACV to bookings and to ending ARR, and ACV x (13 - m) / 12 to
    recognized revenue. The per-deal normals are float32; every sum is taken in float64.
  * New-customer expansion: each new customer won in the year expands with this year's probability,
    monthsAfterClose months after its close (Mid-market: each customer draws 4, 6 or 9), i.e. from
    the start of fiscal month close + monthsAfterClose. If that month is inside the year it adds one
    lognormal draw of the size to bookings and ending ARR, and size x (13 - month) / 12 to revenue.
  * The opening book: the renewal calendar's cumulative shares x customers, rounded, give the
    customers due in each month (uniform: 125 a month for SMB). Every customer carries the tier's
    average ARR a. Each customer due in month m draws one uniform U (float32): it churns if U >= p
    (renewal rate); it renews and contracts if U < p*c; it renews and expands if
    p*c <= U < p*c + p*(1-c)*e (the same uniform, conditioned: the expansion probability applies to
    renewers that did not contract); else it renews flat. Each contracting customer draws its own
    beta share s, each expanding customer its own lognormal share x. The customer's ARR from month m
    on is
        a * (1 - s) * (1 + u)  +  a * x
    (uplift u on the ARR renewed after contraction; expansion a share of the customer's ARR before
    uplift). Its revenue is a * (m - 1) / 12 + new ARR * (13 - m) / 12. Bookings count the renewed
    ARR (after contraction) + uplift + expansion, i.e. the new ARR of every renewing customer.
    Customers of a tier due in the same month are alike (same ARR, same date), so the code sums
    their outcomes by (trial, month) instead of keeping a (trials, customers) array of amounts.
    Customers whose calendar share falls after the year (none in the example) would stay flat.

Choices the documents leave open, taken as above. 1 and 2 are checked against arrcast's output in
bench/numpy/README.md (their alternatives would differ from it by far more than Monte Carlo error);
3 does not move a mean, so the means cannot tell:
  1. Expansion is a share of the customer's ARR before the price uplift (not after).
  2. The `expansion` loading also moves the new-customer expansion probability (the README's stress
     table says the `expansion` stress does; arrcast's sensitivity lists it as a driver).
  3. Mid-market's monthsAfterClose is drawn per new customer (unit randomness, like a sales-cycle
     lag).
Simplifications: none of the example's features is left out. The script does not parse YAML: the
scenario's numbers are written below, so it models this one scenario only. It writes no report:
it prints mean, sd, P10/P50/P90 of the three metrics (and with --json writes them to a file).
"""
import argparse
import json
import math
import time

import numpy as np

T0 = time.perf_counter()

Z90 = 1.2815515655446004  # standard normal P90


# ---------------------------------------------------------------- distribution helpers
def beta_ab(mean, sd):
    nu = mean * (1.0 - mean) / (sd * sd) - 1.0
    return mean * nu, (1.0 - mean) * nu


def lognormal_median_p90(median, p90):
    return math.log(median), math.log(p90 / median) / Z90


def lognormal_mean_sd(mean, sd):
    s2 = math.log(1.0 + (sd / mean) ** 2)
    return math.log(mean) - s2 / 2.0, math.sqrt(s2)


def metalog3_bounded(p10, p50, p90, lower, upper):
    """Coefficients of a 3-term logit-metalog through (0.1, p10), (0.5, p50), (0.9, p90) (Keelin 2016)."""
    ys = np.array([0.1, 0.5, 0.9])
    xs = np.array([p10, p50, p90])
    z = np.log((xs - lower) / (upper - xs))
    lg = np.log(ys / (1 - ys))
    basis = np.stack([np.ones(3), lg, (ys - 0.5) * lg], axis=1)
    return np.linalg.solve(basis, z)


def metalog3_sample(rng, coef, lower, upper, n):
    y = rng.random(n)
    y = np.clip(y, 1e-12, 1 - 1e-12)
    lg = np.log(y / (1 - y))
    m = coef[0] + coef[1] * lg + coef[2] * (y - 0.5) * lg
    e = np.exp(-np.abs(m))  # stable logistic
    sig = np.where(m >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return lower + (upper - lower) * sig


def pert_sample(rng, lo, mode, hi, n):
    a = 1.0 + 4.0 * (mode - lo) / (hi - lo)
    b = 1.0 + 4.0 * (hi - mode) / (hi - lo)
    return lo + (hi - lo) * rng.beta(a, b, n)


def logit(p):
    return np.log(p) - np.log1p(-p)


def logistic(x):
    return 1.0 / (1.0 + np.exp(-x))


def calendar_counts(shares, customers):
    """Whole customers due in each fiscal month, by rounding the cumulative calendar."""
    cum = np.cumsum(np.asarray(shares, dtype=float)) * customers
    r = np.floor(cum + 0.5 + 1e-9).astype(np.int64)
    return np.diff(np.concatenate([[0], r]))


# ---------------------------------------------------------------- the scenario (scenarios/example.yaml)
LOAD = dict(leads=0.15, conversion=0.20, acv=0.05, renewal=0.30, contraction=0.20, expansion=0.25)


def season(w):
    w = np.asarray(w, dtype=float)
    return w / w.mean()


TIERS = [
    dict(
        name="SMB",
        opening_arr=18_000_000, customers=1500, calendar=[1 / 12] * 12,
        renewal=("beta", beta_ab(0.86, 0.03)), uplift=("fixed", 0.03),
        contr_p=beta_ab(0.08, 0.02), contr_size=beta_ab(0.25, 0.10),
        exp_p=beta_ab(0.10, 0.02), exp_size=lognormal_median_p90(0.25, 0.6),
        leads=("poisson", 2700, None),
        season=season([0.9, 0.9, 1.0, 1.0, 0.95, 0.85, 0.85, 1.0, 1.05, 1.1, 1.2, 1.2]),
        conv=beta_ab(0.03, 0.004),
        lags=([0, 1], [0.6, 0.4]),
        acv=lognormal_median_p90(11000, 24000),
        nce_p=beta_ab(0.10, 0.03), nce_size=lognormal_median_p90(3000, 8000),
        nce_lag=([6], [1.0]),
    ),
    dict(
        name="Mid-market",
        opening_arr=36_000_000, customers=800,
        calendar=[0.06, 0.06, 0.08, 0.07, 0.07, 0.09, 0.07, 0.07, 0.09, 0.09, 0.10, 0.15],
        renewal=("metalog", metalog3_bounded(0.88, 0.92, 0.95, 0.0, 1.0)), uplift=("fixed", 0.05),
        contr_p=beta_ab(0.10, 0.03), contr_size=beta_ab(0.2, 0.08),
        exp_p=beta_ab(0.20, 0.04), exp_size=lognormal_median_p90(0.25, 0.55),
        leads=("negbin", 600, 40),
        season=season([0.85, 0.9, 1.0, 1.0, 0.95, 0.85, 0.9, 1.0, 1.05, 1.1, 1.15, 1.25]),
        conv=beta_ab(0.06, 0.01),
        lags=([1, 2, 3], [0.3, 0.45, 0.25]),
        acv=lognormal_mean_sd(45000, 25000),
        nce_p=beta_ab(0.20, 0.05), nce_size=lognormal_median_p90(9000, 25000),
        nce_lag=([4, 6, 9], [0.3, 0.5, 0.2]),
    ),
    dict(
        name="Enterprise",
        opening_arr=40_000_000, customers=200,
        calendar=[0.05, 0.05, 0.1, 0.06, 0.06, 0.1, 0.06, 0.06, 0.12, 0.07, 0.08, 0.19],
        renewal=("beta", beta_ab(0.94, 0.02)), uplift=("pert", (0.03, 0.05, 0.08)),
        contr_p=beta_ab(0.08, 0.03), contr_size=beta_ab(0.15, 0.07),
        exp_p=beta_ab(0.30, 0.05), exp_size=lognormal_median_p90(0.2, 0.5),
        leads=("negbin", 60, 15),
        season=np.ones(12),
        conv=beta_ab(0.10, 0.025),
        lags=([3, 4, 5, 6, 7, 8, 9], [0.1, 0.2, 0.25, 0.2, 0.12, 0.08, 0.05]),
        acv=lognormal_median_p90(150000, 400000),
        nce_p=beta_ab(0.30, 0.06), nce_size=lognormal_median_p90(50000, 150000),
        nce_lag=([6], [1.0]),
    ),
]

MONTHS = np.arange(1, 13)
REV_W = (13 - MONTHS) / 12.0  # share of a year's ARR recognized by a start in fiscal month m

for t in TIERS:
    due = calendar_counts(t["calendar"], t["customers"])
    t["due"] = due
    t["due_month"] = np.repeat(MONTHS, due)  # fiscal month of each customer due (sorted)
    t["flat_customers"] = t["customers"] - due.sum()
    t["arr_each"] = t["opening_arr"] / t["customers"]
    t["max_lag"] = max(t["lags"][0])
    m_due = np.flatnonzero(due)  # 0-based months with customers due
    t["month_starts"] = np.concatenate([[0], np.cumsum(due)[:-1]])[m_due]
    t["w_month"] = REV_W[m_due]  # revenue share of new ARR from each such month
    t["w_old_sum"] = float(((t["due_month"] - 1) / 12.0).sum())  # old ARR's months, in units of a


def mult(b, z):
    """Multiplicative market shift that keeps the planned mean."""
    return np.exp(b * z - b * b / 2.0)


def group_sums(values, counts):
    """Sum of consecutive runs of `values` of lengths `counts` (row-major over counts' shape)."""
    flat = counts.ravel()
    out = np.zeros(flat.shape, dtype=float)
    nz = np.flatnonzero(flat)
    if nz.size:
        starts = np.concatenate([[0], np.cumsum(flat[nz])[:-1]])
        out[nz] = np.add.reduceat(values, starts, dtype=np.float64)
    return out.reshape(counts.shape)


def lognormal_sums(rng, counts, sigma):
    """For each cell, the sum of counts[cell] independent draws exp(sigma * N(0,1)) (median 1)."""
    n = int(counts.sum())
    if n == 0:
        return np.zeros(counts.shape)
    v = rng.standard_normal(n, dtype=np.float32)  # float32 per deal; sums are taken in float64
    v *= np.float32(sigma)
    np.exp(v, out=v)
    return group_sums(v, counts)


def split_multinomial(rng, counts, weights):
    """Multinomial split of every cell of counts over len(weights) categories, as a chain of
    conditional binomials (vectorised over all cells; faster than Generator.multinomial on arrays)."""
    out = []
    rest = counts
    left = 1.0
    for w in weights[:-1]:
        k = rng.binomial(rest, min(1.0, w / left)) if left > 0 else np.zeros_like(rest)
        out.append(k)
        rest = rest - k
        left -= w
    out.append(rest)
    return out


def shift_by_lags(counts, lag_values, lag_weights, rng, offset):
    """Split counts[b, j] (events of fiscal month j + 1 - offset) over lags, each event its own
    lag; return the events by the fiscal month 1..12 they fall in (month + lag), shape (B, 12)."""
    B, J = counts.shape
    out = np.zeros((B, 12), dtype=np.int64)
    parts = [counts] if len(lag_values) == 1 else split_multinomial(rng, counts, lag_weights)
    for part, lag in zip(parts, lag_values):
        close = np.arange(J) + 1 - offset + lag
        ok = (close >= 1) & (close <= 12)
        if ok.any():
            out[:, close[ok] - 1] += part[:, ok]
    return out


def simulate_batch(rng, B):
    z = rng.standard_normal(B)
    rev = np.zeros(B)
    book = np.zeros(B)
    end = np.zeros(B)
    comp = {}

    def add(key, v):
        comp[key] = comp.get(key, 0.0) + float(v.sum())

    for t in TIERS:
        # ---------------- year-level draws, moved by the market
        conv = logistic(logit(rng.beta(*t["conv"], B)) + LOAD["conversion"] * z)
        kind, par = t["renewal"]
        p_ren = rng.beta(*par, B) if kind == "beta" else metalog3_sample(rng, par, 0.0, 1.0, B)
        p_ren = logistic(logit(p_ren) + LOAD["renewal"] * z)
        p_con = logistic(logit(rng.beta(*t["contr_p"], B)) - LOAD["contraction"] * z)
        p_exp = logistic(logit(rng.beta(*t["exp_p"], B)) + LOAD["expansion"] * z)
        p_nce = logistic(logit(rng.beta(*t["nce_p"], B)) + LOAD["expansion"] * z)
        kind, par = t["uplift"]
        upl = np.full(B, par) if kind == "fixed" else pert_sample(rng, *par, B)
        lead_mult = mult(LOAD["leads"], z)
        acv_median = math.exp(t["acv"][0]) * mult(LOAD["acv"], z)

        # ---------------- new business
        L = t["max_lag"]
        fm = (np.arange(-L, 12) % 12)  # fiscal month index (0-based) of each lead month, wrapping
        mean = t["leads"][1] * t["season"][fm][None, :] * lead_mult[:, None]  # (B, L + 12)
        if t["leads"][0] == "poisson":
            leads = rng.poisson(mean)
        else:
            k = t["leads"][2]
            leads = rng.negative_binomial(k, k / (k + mean))
        deals = rng.binomial(leads, conv[:, None])
        closes = shift_by_lags(deals, t["lags"][0], t["lags"][1], rng, offset=L)  # (B, 12)
        acv_sum = lognormal_sums(rng, closes, t["acv"][1]) * acv_median[:, None]  # (B, 12)
        nb_arr = acv_sum.sum(1)
        nb_rev = acv_sum @ REV_W

        # new-customer expansion
        expanders = rng.binomial(closes, p_nce[:, None])  # (B, 12) by close month
        exp_by_month = shift_by_lags(expanders, t["nce_lag"][0], t["nce_lag"][1], rng, offset=0)
        nce = lognormal_sums(rng, exp_by_month, t["nce_size"][1]) * math.exp(t["nce_size"][0])
        nce_arr = nce.sum(1)
        nce_rev = nce @ REV_W

        # ---------------- the opening book, customer by customer
        # Customers are sorted by the fiscal month they are due; one uniform each decides churn,
        # contraction and expansion. Sums by (trial, month) are all the metrics need, since every
        # customer of a tier carries the same ARR a.
        a = t["arr_each"]
        C = t["due_month"].size
        starts = t["month_starts"]
        U = rng.random((B, C), dtype=np.float32)
        p1 = p_ren.astype(np.float32)[:, None]
        pc = (p_ren * p_con).astype(np.float32)[:, None]
        pe = (p_ren * p_con + p_ren * (1.0 - p_con) * p_exp).astype(np.float32)[:, None]
        renew = U < p1
        contr = U < pc  # a subset of renew, since pc <= p1
        expand = U < pe
        expand ^= contr  # pc <= U < pe
        cnt = lambda m: np.add.reduceat(m, starts, axis=1, dtype=np.int32)  # (B, months) counts
        n_ren, n_con, n_exp = cnt(renew), cnt(contr), cnt(expand)
        # one size per contracting / expanding customer, summed by (trial, month)
        S = group_sums(rng.beta(*t["contr_size"], int(n_con.sum())), n_con)
        X = group_sums(rng.lognormal(t["exp_size"][0], t["exp_size"][1], int(n_exp.sum())), n_exp)
        s_sum, x_sum = S.sum(1), X.sum(1)
        s_rev, x_rev = S @ t["w_month"], X @ t["w_month"]
        u1 = 1.0 + upl
        ex_arr = a * (u1 * (n_ren.sum(1) - s_sum) + x_sum)
        ex_rev = a * (t["w_old_sum"] + u1 * (n_ren @ t["w_month"] - s_rev) + x_rev)
        flat = a * t["flat_customers"]

        rev += nb_rev + nce_rev + ex_rev + flat
        book += nb_arr + nce_arr + ex_arr
        end += nb_arr + nce_arr + ex_arr + flat

        if COMPONENTS:
            add(t["name"] + ".newBusiness.arr", nb_arr)
            add(t["name"] + ".newBusiness.rev", nb_rev)
            add(t["name"] + ".nce.arr", nce_arr)
            add(t["name"] + ".nce.rev", nce_rev)
            add(t["name"] + ".deals", closes.sum(1))
            add(t["name"] + ".existing.arr", ex_arr)
            add(t["name"] + ".existing.rev", ex_rev)
            add(t["name"] + ".churn.arr", a * (C - n_ren.sum(1)))
            add(t["name"] + ".contraction.arr", a * s_sum)
            add(t["name"] + ".expansion.arr", a * x_sum)
            add(t["name"] + ".uplift.arr", a * upl * (n_ren.sum(1) - s_sum))
    return rev, book, end, comp


def stats(v):
    n = v.size
    sd = float(v.std(ddof=1))
    p = np.percentile(v, [5, 10, 50, 90, 95])
    c = v - v.mean()
    kurt = float((c ** 4).mean() / (c ** 2).mean() ** 2)
    # standard error of the sd: sd * sqrt((kurtosis - 1) / (4 n)) (delta method)
    return dict(mean=float(v.mean()), sd=sd, se=sd / math.sqrt(n), sdSe=sd * math.sqrt((kurt - 1) / (4 * n)),
                kurtosis=kurt,
                p5=float(p[0]), p10=float(p[1]), p50=float(p[2]), p90=float(p[3]), p95=float(p[4]))


def run_batches(args):
    seed_seq, n, batch, bitgen = args
    rng = np.random.Generator(getattr(np.random, bitgen)(seed_seq))
    out = [[], [], []]
    comp = {}
    done = 0
    while done < n:
        b = min(batch, n - done)
        r, k, e, c = simulate_batch(rng, b)
        out[0].append(r); out[1].append(k); out[2].append(e)
        for key, v in c.items():
            comp[key] = comp.get(key, 0.0) + v
        done += b
    return [np.concatenate(o) for o in out], comp


def main():
    global COMPONENTS
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=2000, help="trials per vectorised batch (bounds memory)")
    ap.add_argument("--procs", type=int, default=1, help="processes (each runs its share of the trials)")
    ap.add_argument("--bitgen", choices=["PCG64", "SFC64"], default="SFC64")
    ap.add_argument("--json", help="also write the statistics (and component means) to this file")
    ap.add_argument("--components", action="store_true", help="also print component means per tier")
    a = ap.parse_args()
    COMPONENTS = a.components

    t_start = time.perf_counter()
    ss = np.random.SeedSequence(a.seed)
    if a.procs <= 1:
        (rev, book, end), comp = run_batches((ss, a.trials, a.batch, a.bitgen))
    else:
        import multiprocessing as mp
        children = ss.spawn(a.procs)
        shares = [a.trials // a.procs + (1 if i < a.trials % a.procs else 0) for i in range(a.procs)]
        with mp.get_context("fork").Pool(a.procs) as pool:
            parts = pool.map(run_batches, [(children[i], shares[i], a.batch, a.bitgen) for i in range(a.procs)])
        rev, book, end = (np.concatenate([p[0][i] for p in parts]) for i in range(3))
        comp = {}
        for p in parts:
            for key, v in p[1].items():
                comp[key] = comp.get(key, 0.0) + v
    t_sim = time.perf_counter() - t_start

    res = dict(trials=a.trials, seed=a.seed, bitgen=a.bitgen, procs=a.procs,
               metrics=dict(revenue=stats(rev), bookings=stats(book), endingArr=stats(end)))
    if comp:
        res["componentMeans"] = {k: v / a.trials for k, v in sorted(comp.items())}
    print(f"numpy {np.__version__}, {a.bitgen}, seed {a.seed}, {a.trials} trials, "
          f"batch {a.batch}, {a.procs} process(es)")
    print(f"{'metric':<10} {'mean':>14} {'sd':>13} {'se(mean)':>10} {'P10':>14} {'P50':>14} {'P90':>14}")
    for k, s in res["metrics"].items():
        print(f"{k:<10} {s['mean']:14,.0f} {s['sd']:13,.0f} {s['se']:10,.0f} "
              f"{s['p10']:14,.0f} {s['p50']:14,.0f} {s['p90']:14,.0f}")
    if comp:
        for k, v in res["componentMeans"].items():
            print(f"  {k:<32} {v:16,.0f}")
    res["seconds"] = dict(simulate=t_sim, sinceStart=time.perf_counter() - T0)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(res, f, indent=1)
    print(f"simulated in {t_sim:.2f} s ({time.perf_counter() - T0:.2f} s since the script started)")


COMPONENTS = False
if __name__ == "__main__":
    main()
