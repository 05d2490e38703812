# The reps' capacity bind chance over two beta conversions, by scipy (test/model/capacity-slack.test.ts's
# expected values): two lead sources of Poisson(1,000) leads a month, each converting at beta(mean 4%,
# sd 0.5%), against 10 reps of `capacity` deals (floor 10 x capacity): E[min(1, 12 P(Poisson(1000 (c1 + c2))
# >= floor))], trapezoid on 4,001 x 4,001 points between each beta's 1e-16 points.
#   python3 bench/two-betas-scipy.py
import numpy as np
from scipy import stats


def ab(m, sd):
    k = m * (1 - m) / sd**2 - 1
    return m * k, (1 - m) * k


def nested(l1, l2, b1, b2, floor, pts=4001):
    a1, be1 = ab(*b1)
    a2, be2 = ab(*b2)
    x1 = np.linspace(stats.beta.ppf(1e-16, a1, be1), stats.beta.isf(1e-16, a1, be1), pts)
    x2 = np.linspace(stats.beta.ppf(1e-16, a2, be2), stats.beta.isf(1e-16, a2, be2), pts)
    w1 = stats.beta.pdf(x1, a1, be1)
    w2 = stats.beta.pdf(x2, a2, be2)
    c1, c2 = np.meshgrid(x1, x2, indexing="ij")
    g = np.minimum(1, 12 * stats.poisson.sf(floor - 1, l1 * c1 + l2 * c2))
    inner = np.trapezoid(g * w2[None, :], x2, axis=1)
    return np.trapezoid(inner * w1, x1)


for capacity in [18, 16, 12, 11]:
    print(capacity, repr(float(nested(1000, 1000, (0.04, 0.005), (0.04, 0.005), 10 * capacity))))
