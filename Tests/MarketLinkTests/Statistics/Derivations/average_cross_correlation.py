"""r-bar and the Kolari-Pynnonen (2010) adjusted tests on events with unequal estimation windows.

Computed independently of the Swift code, with numpy and scipy, on data set B of
derive_expected.py (five events, k = 2, estimation windows of 8, 10, 12, 9 and 11 abnormal
returns). Run from anywhere:

    python3 average_cross_correlation.py > average_cross_correlation.txt

Definition (docs/STATISTICS.md, "Clustered events"): every event contributes its LAST m = min L_i
estimation abnormal returns (event time, counted back from the last one before the event window);
r_ij = Pearson's r of events i and j over those m positions (np.corrcoef, pair by pair);
r_bar = mean of the N(N-1)/2 r_ij. Then
    adjusted Patell Z = Z * sqrt(1 / (1 + (N - 1) r_bar)), standard normal;
    adjusted BMP t    = t * sqrt((1 - r_bar) / (1 + (N - 1) r_bar)), Student's t with N - 1 df.
"""

import itertools

import numpy as np
from scipy import stats

events = [
    # (event ARs, estimation ARs, SE of CAR, df) -- data set B of derive_expected.py
    ([0.012, 0.004], [0.003, -0.006, 0.001, 0.008, -0.002, -0.004, 0.005, -0.001], 0.011, 6),
    ([-0.003, 0.009], [0.002, 0.004, -0.007, 0.000, 0.006, -0.003, 0.001, -0.005, 0.007, -0.002], 0.009, 8),
    ([0.015, -0.002], [-0.004, 0.002, 0.006, -0.001, 0.003, -0.008, 0.004, 0.002, -0.006, 0.005, 0.001, -0.003], 0.014, 10),
    ([0.001, 0.006], [0.005, -0.002, -0.006, 0.004, 0.001, -0.003, 0.002, 0.000, -0.001], 0.007, 7),
    ([-0.008, 0.011], [0.006, -0.005, 0.002, -0.001, 0.004, -0.007, 0.003, 0.001, -0.002, 0.005, -0.004], 0.012, 9),
]


def show(name, value):
    print(f"{name} = {float(value):.17g}")


n = len(events)
m = min(len(e[1]) for e in events)
tails = [np.array(e[1][-m:]) for e in events]
pairs = [float(np.corrcoef(tails[i], tails[j])[0, 1]) for i, j in itertools.combinations(range(n), 2)]
rbar = float(np.mean(pairs))
print(f"m = {m}")
print("r_ij (12, 13, 14, 15, 23, ...) = [" + ", ".join(f"{r:.17g}" for r in pairs) + "]")
show("rbar", rbar)

car = np.array([sum(e[0]) for e in events])
se = np.array([e[2] for e in events])
df = np.array([e[3] for e in events], dtype=float)
scar = car / se
z = scar.sum() / np.sqrt((df / (df - 2)).sum())
t = stats.ttest_1samp(scar, 0.0).statistic
z_adj = z * np.sqrt(1 / (1 + (n - 1) * rbar))
t_adj = t * np.sqrt((1 - rbar) / (1 + (n - 1) * rbar))
show("patell_z", z)
show("adjusted_patell_z", z_adj)
show("adjusted_patell_p", 2 * stats.norm.sf(abs(z_adj)))
show("bmp_t", t)
show("adjusted_bmp_t", t_adj)
show("adjusted_bmp_p", 2 * stats.t.sf(abs(t_adj), n - 1))
