#!/usr/bin/env python3
"""Synthetic GDELT 2.0 event rows for bench/import.sh (standard library only; same flags, same bytes).

    python3 bench/generate_gdelt.py --rows 1000000 --seed 1 --out bench/out/gdelt-1m-seed1.tsv

Every row is well formed in the 61-field layout of the GDELT 2.0 event export (tab-separated, no
header) and made up: no row reports a real article; URLs use example.com. What is drawn:

- DATEADDED: 7 consecutive days (2023-06-01 … 06-07) at 15-minute steps, in file order, as
  GDELT's 15-minute files concatenate. The event date (SQLDATE) is the day before DATEADDED for
  90% of rows, 1–30 days before for 9.5%, and 366–3,000 days before for 0.5% (implausible).
- Actor1CountryCode, Actor2CountryCode: one of 60 ISO alpha-3 codes, skewed (USA, CHN, RUS, GBR,
  ... far more often than the tail: weight 1/rank), or blank (12% each side).
- EventCode: one of 60 CAMEO codes across the 20 roots; EventRootCode and QuadClass follow from it;
  GoldsteinScale is a value attached to the code (−10 … 10, one decimal).
- NumMentions 1–60, NumSources 1–12, NumArticles = NumMentions; AvgTone −10 … 10.
- ActionGeo_CountryCode: the FIPS 10-4 code of one of the two actors' countries, or of a third.
"""
import argparse
import datetime as dt
import random

COUNTRIES = [  # ISO alpha-3, FIPS 10-4
    ("USA", "US"), ("CHN", "CH"), ("RUS", "RS"), ("GBR", "UK"), ("UKR", "UP"), ("ISR", "IS"), ("IRN", "IR"), ("FRA", "FR"),
    ("DEU", "GM"), ("IND", "IN"), ("JPN", "JA"), ("TUR", "TU"), ("PAK", "PK"), ("SYR", "SY"), ("AFG", "AF"), ("SAU", "SA"),
    ("KOR", "KS"), ("PRK", "KN"), ("CAN", "CA"), ("AUS", "AS"), ("BRA", "BR"), ("MEX", "MX"), ("EGY", "EG"), ("IRQ", "IZ"),
    ("NGA", "NI"), ("ZAF", "SF"), ("ITA", "IT"), ("ESP", "SP"), ("PHL", "RP"), ("TWN", "TW"), ("VNM", "VM"), ("IDN", "ID"),
    ("POL", "PL"), ("KEN", "KE"), ("ETH", "ET"), ("SDN", "SU"), ("LBN", "LE"), ("JOR", "JO"), ("QAT", "QA"), ("ARE", "AE"),
    ("VEN", "VE"), ("COL", "CO"), ("ARG", "AR"), ("CHL", "CI"), ("PER", "PE"), ("CUB", "CU"), ("GRC", "GR"), ("SWE", "SW"),
    ("NOR", "NO"), ("FIN", "FI"), ("NLD", "NL"), ("BEL", "BE"), ("CHE", "SZ"), ("AUT", "AU"), ("HUN", "HU"), ("SRB", "RI"),
    ("GEO", "GG"), ("ARM", "AM"), ("AZE", "AJ"), ("KAZ", "KZ"),
]
CODES = [  # CAMEO code, Goldstein value attached here (synthetic)
    ("010", 0.0), ("012", -0.4), ("013", 0.4), ("016", 3.4), ("020", 3.0), ("023", 3.4), ("030", 4.0), ("036", 4.0),
    ("040", 1.0), ("042", 1.9), ("043", 2.8), ("046", 7.0), ("050", 3.5), ("051", 3.4), ("057", 8.0), ("060", 6.0),
    ("061", 6.4), ("070", 7.0), ("071", 7.4), ("080", 5.0), ("081", 5.0), ("090", -2.0), ("091", -2.0), ("100", -5.0),
    ("101", -5.0), ("110", -2.0), ("111", -2.0), ("112", -2.0), ("120", -4.0), ("125", -5.0), ("128", -5.0), ("130", -4.4),
    ("138", -7.0), ("140", -6.5), ("141", -6.5), ("145", -7.5), ("150", -7.2), ("154", -7.2), ("160", -4.0), ("163", -8.0),
    ("170", -7.0), ("172", -5.0), ("173", -5.0), ("180", -9.0), ("181", -9.0), ("183", -10.0), ("190", -10.0), ("193", -10.0),
    ("194", -10.0), ("195", -10.0), ("200", -10.0), ("201", -9.5), ("0211", 3.4), ("0311", 5.2), ("0331", 5.2), ("0431", 2.8),
    ("0831", 5.0), ("1011", -5.0), ("1121", -2.0), ("1822", -9.0),
]


def quad(root: int) -> int:
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    weights = [1 / (k + 1) for k in range(len(COUNTRIES))]
    start = dt.datetime(2023, 6, 1)
    step = dt.timedelta(days=7) / args.rows
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        for n in range(args.rows):
            added = start + step * n
            added = added.replace(minute=added.minute - added.minute % 15, second=0, microsecond=0)
            draw = rng.random()
            back = 1 if draw < 0.90 else rng.randint(1, 30) if draw < 0.995 else rng.randint(366, 3000)
            day = added.date() - dt.timedelta(days=back)
            a1 = rng.choices(COUNTRIES, weights)[0] if rng.random() >= 0.12 else ("", "")
            a2 = rng.choices(COUNTRIES, weights)[0] if rng.random() >= 0.12 else ("", "")
            code, goldstein = rng.choice(CODES)
            root = int(code[:2])
            mentions = rng.randint(1, 60)
            place = rng.choice([a1, a2, rng.choices(COUNTRIES, weights)[0]])
            if not place[1]:
                place = rng.choices(COUNTRIES, weights)[0]

            def actor(a):
                return [a[0] + ("GOV" if rng.random() < 0.3 else ""), a[0] and "NAME", a[0], "", "", "", "", "", "", ""]

            def geo(iso_fips):
                return ["1", "Somewhere", iso_fips[1], iso_fips[1], "", "0.0", "0.0", iso_fips[1]]

            fields = [str(900_000_000 + n), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
                      f"{day.year + (day.month * 30 + day.day) / 365:.4f}"]
            fields += actor(a1) + actor(a2)
            fields += ["1", code, code[:3], code[:2], str(quad(root)), f"{goldstein:.1f}", str(mentions),
                       str(rng.randint(1, 12)), str(mentions), f"{rng.uniform(-10, 10):.6f}"]
            fields += geo(a1 if a1[1] else place) + geo(a2 if a2[1] else place) + geo(place)
            fields += [added.strftime("%Y%m%d%H%M%S"), f"https://www.example.com/news/{n}"]
            assert len(fields) == 61
            out.write("\t".join(fields) + "\n")


if __name__ == "__main__":
    main()
