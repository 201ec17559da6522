"""Expected values for the MarketLink statistics tests, computed independently of the Swift code.

Run with numpy and scipy installed, outside the repository's build:

    python3 -m venv /tmp/statsvenv && /tmp/statsvenv/bin/pip install numpy scipy mpmath
    /tmp/statsvenv/bin/python derive_expected.py > expected.txt

Each section prints the inputs and the numbers the Swift tests compare with (17 significant
digits). Where a library routine exists (scipy.stats.t, norm, linregress, ttest_1samp, pearsonr,
spearmanr, rankdata, scipy.special.betainc) it is used; the event-study variances are computed in
matrix form, V = sigma^2 [I + X*(X'X)^-1 X*'], rather than with the closed forms the Swift code
uses, so the two derivations check each other.
"""

import mpmath as mp
import numpy as np
from scipy import special, stats


def show(name, value):
    if isinstance(value, (list, tuple, np.ndarray)):
        print(f"{name} = [" + ", ".join(f"{float(v):.17g}" for v in value) + "]")
    else:
        print(f"{name} = {float(value):.17g}")


print("# Student's t: cdf and two-sided p (scipy.stats.t)")
for t, df in [(2.228, 10), (2.2281388519862744, 10), (1.0, 1), (-3.5, 1), (0.5, 2.5),
              (-2.0, 2.5), (1.96, 300), (8.0, 300), (50.0, 5), (1000.0, 1), (0.001, 7),
              (40.0, 30), (3.0, 1e6), (-1.5, 0.3)]:
    print(f"t={t!r} df={df!r}: cdf={stats.t.cdf(t, df):.17g} p={2 * stats.t.sf(abs(t), df):.17g}")

print("\n# Student's t two-sided p at 40 digits (mpmath): very large df, the far tail, and a point")
print("# where scipy itself is off by 3e-11 (t = 1e-6, df = 1: exactly 1 - (2/pi) atan(1e-6))")
mp.mp.dps = 40
for t, df in [(2.0, 1e8), (3.0, 1e12), (38.0, 1000), (1e-6, 1)]:
    T, nu = mp.mpf(t), mp.mpf(df)
    y = T * T / (nu + T * T)
    if df >= 1e8:  # 1 - I_y(1/2, nu/2): mpmath is slow for I_x(nu/2, 1/2) with nu/2 huge
        p = 1 - mp.betainc(mp.mpf(1) / 2, nu / 2, 0, y, regularized=True)
    else:
        p = mp.betainc(nu / 2, mp.mpf(1) / 2, 0, nu / (nu + T * T), regularized=True)
    print(f"t={t!r} df={df!r}: p={mp.nstr(p, 20)}")
print(f"check 1 - (2/pi) atan(1e-6) = {mp.nstr(1 - 2 / mp.pi * mp.atan(mp.mpf('1e-6')), 20)}")

print("\n# Student's t quantiles (scipy.stats.t.ppf)")
for q, df in [(0.975, 10), (0.975, 1), (0.995, 2.5), (0.025, 300), (1e-8, 4), (0.6, 7)]:
    print(f"q={q!r} df={df!r}: {stats.t.ppf(q, df):.17g}")

print("\n# Regularized incomplete beta (scipy.special.betainc)")
for x, a, b in [(0.3, 2, 3), (0.9, 0.5, 7.5), (0.5, 150, 0.5), (0.999, 30, 40), (1e-5, 0.5, 0.5)]:
    print(f"x={x!r} a={a!r} b={b!r}: {special.betainc(a, b, x):.17g}")

print("\n# Standard normal (scipy.stats.norm)")
for z in [1.959963984540054, -1.0, -8.0, 5.0, 0.0]:
    print(f"z={z!r}: cdf={stats.norm.cdf(z):.17g} p={2 * stats.norm.sf(abs(z)):.17g}")
print(f"quantile(0.975)={stats.norm.ppf(0.975):.17g} quantile(1e-10)={stats.norm.ppf(1e-10):.17g}")

print("\n# Descriptive: [2, 4, 4, 4, 5, 5, 7, 9] (by hand: mean 5, population variance 4, sample 32/7)")
d = np.array([2, 4, 4, 4, 5, 5, 7, 9], dtype=float)
show("mean", d.mean()); show("sample variance", d.var(ddof=1)); show("population variance", d.var())
big = np.array([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])
# By hand: mean 1e9 + 10, deviations -6, -3, 3, 6, sum of squares 90, sample variance 30.
show("1e9 + [4, 7, 13, 16]: sample variance", big.var(ddof=1))

print("\n# Event data set A: L = 10 estimation returns, k = 3 event returns")
rm_est = np.array([0.010, -0.004, 0.006, -0.012, 0.003, 0.008, -0.002, 0.005, -0.007, 0.001])
r_est = np.array([0.013, -0.002, 0.004, -0.015, 0.006, 0.009, -0.005, 0.007, -0.006, 0.000])
rm_evt = np.array([0.004, -0.009, 0.011])
r_evt = np.array([0.012, -0.004, 0.020])
L, k = len(r_est), len(r_evt)


def report(label, ar_evt, variances, df, sigma):
    car = ar_evt.sum()
    se = np.sqrt(variances[-1])
    t = car / se
    print(f"## {label}")
    show("AR", ar_evt); show("CAR", car); show("sigma", sigma); show("Var(CAR)", variances[-1])
    show("SE", se); show("t", t); show("p", 2 * stats.t.sf(abs(t), df))
    show("sigma units", car / (sigma * np.sqrt(k)))
    show("cumulative SE", np.sqrt(variances))


def window_variance(sigma2, x_est, x_evt, tau):
    """1' V 1 over the first tau event sessions, V = sigma2 [I + X*(X'X)^-1 X*']."""
    xs = x_evt[:tau]
    v = sigma2 * (np.eye(tau) + xs @ np.linalg.inv(x_est.T @ x_est) @ xs.T)
    return np.ones(tau) @ v @ np.ones(tau)


# Market model: OLS by scipy.stats.linregress.
fit = stats.linregress(rm_est, r_est)
resid = r_est - fit.intercept - fit.slope * rm_est
ssr = (resid ** 2).sum()
s2 = ssr / (L - 2)
X = np.column_stack([np.ones(L), rm_est])
Xs = np.column_stack([np.ones(k), rm_evt])
print("## market model fit"); show("alpha", fit.intercept); show("beta", fit.slope); show("SSR", ssr)
show("sigma^2", s2); show("estimation AR", resid)
ar = r_evt - fit.intercept - fit.slope * rm_evt
report("market model", ar, [window_variance(s2, X, Xs, tau) for tau in range(1, k + 1)], L - 2, np.sqrt(s2))
show("BHAR", np.prod(1 + r_evt) - np.prod(1 + fit.intercept + fit.slope * rm_evt))

# Mean model: X is a column of ones.
mu = r_est.mean()
s2 = r_est.var(ddof=1)
ones_est, ones_evt = np.ones((L, 1)), np.ones((k, 1))
print("## mean model fit"); show("mu", mu); show("sigma^2", s2)
report("mean model", r_evt - mu, [window_variance(s2, ones_est, ones_evt, tau) for tau in range(1, k + 1)], L - 1, np.sqrt(s2))
show("BHAR", np.prod(1 + r_evt) - (1 + mu) ** k)

# Raw: nothing estimated, Var = sigma^2 * tau.
s2 = r_est.var(ddof=1)
report("raw", r_evt, [s2 * tau for tau in range(1, k + 1)], L - 1, np.sqrt(s2))
show("BHAR", np.prod(1 + r_evt) - 1)

# Market-adjusted: AR = R - Rm, sigma^2 the sample variance of the estimation ARs.
s2 = (r_est - rm_est).var(ddof=1)
report("market-adjusted", r_evt - rm_evt, [s2 * tau for tau in range(1, k + 1)], L - 1, np.sqrt(s2))
show("BHAR", np.prod(1 + r_evt) - np.prod(1 + rm_evt))

print("\n# Cross-section data set B: 5 events, k = 2, estimation lengths 8, 10, 12, 9, 11")
events = [
    # (event ARs, estimation ARs, SE of CAR, df)
    ([0.012, 0.004], [0.003, -0.006, 0.001, 0.008, -0.002, -0.004, 0.005, -0.001], 0.011, 6),
    ([-0.003, 0.009], [0.002, 0.004, -0.007, 0.000, 0.006, -0.003, 0.001, -0.005, 0.007, -0.002], 0.009, 8),
    ([0.015, -0.002], [-0.004, 0.002, 0.006, -0.001, 0.003, -0.008, 0.004, 0.002, -0.006, 0.005, 0.001, -0.003], 0.014, 10),
    ([0.001, 0.006], [0.005, -0.002, -0.006, 0.004, 0.001, -0.003, 0.002, 0.000, -0.001], 0.007, 7),
    ([-0.008, 0.011], [0.006, -0.005, 0.002, -0.001, 0.004, -0.007, 0.003, 0.001, -0.002, 0.005, -0.004], 0.012, 9),
]
car = np.array([sum(e[0]) for e in events])
se = np.array([e[2] for e in events])
df = np.array([e[3] for e in events], dtype=float)
N = len(events)
show("CAR", car); show("CAAR", car.mean())
show("AAR", np.mean([e[0] for e in events], axis=0))
res = stats.ttest_1samp(car, 0.0)
print("## cross-sectional t (scipy.stats.ttest_1samp on the CARs)"); show("t", res.statistic); show("p", res.pvalue)
scar = car / se
z = scar.sum() / np.sqrt((df / (df - 2)).sum())
print("## Patell Z = sum SCAR / sqrt(sum df/(df-2))"); show("SCAR", scar); show("Z", z); show("p", 2 * stats.norm.sf(abs(z)))
res = stats.ttest_1samp(scar, 0.0)
print("## BMP t (scipy.stats.ttest_1samp on the SCARs)"); show("t", res.statistic); show("p", res.pvalue)


def corrado(events, k):
    """Cowan (1992) multi-day rank test on standardized ranks, aligned from the estimation end."""
    longest = max(len(e[1]) for e in events)
    days = longest + k
    sums, counts = np.zeros(days), np.zeros(days)
    for ev, est, *_ in events:
        u = stats.rankdata(np.array(est + ev)) / (len(est) + len(ev) + 1)
        first = longest - len(est)
        sums[first:first + len(u)] += u - 0.5
        counts[first:first + len(u)] += 1
    present = counts > 0
    ubar = sums[present] / counts[present]
    s = np.sqrt(np.sum(counts[present] / len(events) * ubar ** 2) / present.sum())
    return (sums[longest:] / counts[longest:]).sum() / (np.sqrt(k) * s)


z = corrado(events, 2)
print("## Corrado rank (Cowan 1992 multi-day, standardized ranks)"); show("Z", z); show("p", 2 * stats.norm.sf(abs(z)))
w = (car > 0).sum()
phat = np.mean([np.mean(np.array(e[1]) > 0) for e in events])
z = (w - N * phat) / np.sqrt(N * phat * (1 - phat))
print("## generalized sign"); show("w", w); show("p-hat", phat); show("Z", z); show("p", 2 * stats.norm.sf(abs(z)))

print("\n# Corrado single day, equal lengths (data set C: 3 events, L = 6, k = 1, with ties)")
c_events = [
    ([0.009], [0.001, -0.002, 0.004, 0.001, -0.003, 0.002]),
    ([0.002], [0.003, 0.002, -0.004, 0.005, -0.001, 0.000]),
    ([0.006], [-0.002, 0.006, 0.001, -0.005, 0.003, -0.001]),
]
# Corrado (1989) in his own notation: K_it ranks over T = 7 days, deviations K - (T+1)/2,
# S(K) = sqrt((1/T) sum_t ((1/N) sum_i (K_it - (T+1)/2))^2), statistic (1/N) sum_i (K_i0 - (T+1)/2) / S(K).
K = np.array([stats.rankdata(np.array(est + ev)) for ev, est in c_events])
T = K.shape[1]
dev = (K - (T + 1) / 2).mean(axis=0)
z = dev[-1] / np.sqrt((dev ** 2).mean())
show("ranks", K.flatten()); show("Z (Corrado 1989 form)", z); show("p", 2 * stats.norm.sf(abs(z)))
show("Z (standardized-rank form, same data)", corrado([(ev, est) for ev, est in c_events], 1))

print("\n# Correlation data set D (n = 8, ties in both x and y)")
x = np.array([0.8, -0.3, 1.2, 0.8, -1.1, 0.4, 2.0, -0.3])
y = np.array([0.5, 0.1, 0.9, 0.2, -0.7, 0.2, 1.1, -0.4])
r, p = stats.pearsonr(x, y)
print("## Pearson (scipy.stats.pearsonr)"); show("r", r); show("p", p)
show("t", r * np.sqrt((len(x) - 2) / (1 - r * r)))
rho, p = stats.spearmanr(x, y)
print("## Spearman (scipy.stats.spearmanr)"); show("rho", rho); show("p", p)
show("t", rho * np.sqrt((len(x) - 2) / (1 - rho * rho)))
show("ranks x (rankdata)", stats.rankdata(x)); show("ranks y", stats.rankdata(y))
