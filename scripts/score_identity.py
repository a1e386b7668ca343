#!/usr/bin/env python3
"""Scores a clustering of person records against the generator's truth, per duplicate category.

The clustering is what a tool decided: `clusters.csv` written by alim-bench-match (--clusters) or by
bench_splink.py (file;ref;person), or the `lineage.csv` that `alim run` writes
(source_file;source_ref;kind;person_id;account_id). Pairwise figures: a pair of records is predicted
"one person" when both carry the same person id, "one account" when both carry the same account id
(lineage) or the same person id on one platform (primary → ONE, collège → the collège ENT).

Each true pair gets a category: the first trap of tags.csv (written by gen_identity_data.py --profile
hard) that either record carries, else the kind of pair (pupil or guardian, which exports); a falsely
merged pair gets one the same way, so a category's precision counts the merges it caused. Hard
negatives (hardneg.csv) are pairs of persons that must never share a cluster.

Usage: score_identity.py DIR CLUSTERS [--label NAME] [--lineage] [--review N]
       DIR holds ingest.json (or records.csv), truth.csv, tags.csv, hardneg.csv.   (stdlib only)
"""
import argparse, csv, json, os
from collections import defaultdict

# Trap tags, strongest first: a pair carrying several is counted under the first.
TRAPS = ["ine-typo", "same-school-twice", "encoding-loss", "firstname-typo-missing-contact", "phone-writing", "moved"]


def read(path, delimiter=";"):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    return [[c.strip() for c in r] for r in rows[1:] if r]


def load_meta(d):
    """(file, ref) -> (kind: pupil|guardian, source, stage)."""
    meta = {}
    path = os.path.join(d, "records.csv")
    if os.path.exists(path):
        for f, ref, kind, source, stage in read(path):
            meta[(f, ref)] = (kind, source, stage)
        return meta
    with open(os.path.join(d, "ingest.json"), encoding="utf-8") as f:
        for r in json.load(f)["records"]:
            meta[(r["ref"]["file"], r["ref"]["ref"])] = ("pupil" if r["kind"] == "pupil" else "guardian", r["source"], r["stage"])
    return meta


def category(a, b, tags, meta):
    t = tags.get(a, set()) | tags.get(b, set())
    for trap in TRAPS:
        if trap in t:
            return ("pupil-" if meta[a][0] == "pupil" else "guardian-") + trap if trap == "moved" else trap
    (ka, sa, ga), (kb, sb, gb) = meta[a], meta[b]
    if ka != kb:
        return "pupil-guardian"
    if a[0] == b[0]:
        return f"{ka}-same-file"
    stages = "-".join(sorted([ga, gb]))
    return f"{ka}-{stages}"


def pairs_of(groups):
    for members in groups.values():
        members = sorted(members)
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                yield members[x], members[y]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("clusters")
    ap.add_argument("--label", default="ours")
    ap.add_argument("--lineage", action="store_true", help="CLUSTERS is alim run's lineage.csv")
    ap.add_argument("--review", type=int, default=None, help="review pairs, for the share of records")
    ap.add_argument("--prefix", default="", help="prefix the lineage's source_file must lose to meet the truth")
    args = ap.parse_args()
    d = args.dir
    meta = load_meta(d)
    truth = {(f, r): p for f, r, p in read(os.path.join(d, "truth.csv"))}
    tags = {}
    if os.path.exists(os.path.join(d, "tags.csv")):
        tags = {(f, r): set(t.split(",")) for f, r, t in read(os.path.join(d, "tags.csv"))}
    hardneg = [row[:3] for row in read(os.path.join(d, "hardneg.csv"))]

    person, account = {}, {}
    for row in read(args.clusters):
        if args.lineage:
            f, r, _kind, pid, acc = (row + [""] * 5)[:5]
            f = f[len(args.prefix):] if args.prefix and f.startswith(args.prefix) else f
            key = (f, r)
            if key in truth:
                person[key] = pid
                account[key] = acc or None
        else:
            person[(row[0], row[1])] = row[2]
    missing = [k for k in truth if k not in person]
    for k in missing:  # a record the tool lost is a person of its own
        person[k] = "missing:" + "#".join(k)

    def platform(k):
        return "one" if meta[k][2] == "primary" else "college"

    per_cat = defaultdict(lambda: [0, 0, 0])  # true pairs, found, false merges
    acc = [0, 0, 0]  # true, found, false
    by_true = defaultdict(list)
    for k, p in truth.items():
        by_true[p].append(k)
    for a, b in pairs_of(by_true):
        c = category(a, b, tags, meta)
        per_cat[c][0] += 1
        same = person[a] == person[b]
        per_cat[c][1] += same
        if platform(a) == platform(b):
            acc[0] += 1
            if args.lineage and account:
                acc[1] += account.get(a) is not None and account.get(a) == account.get(b)
            else:
                acc[1] += same
    by_found = defaultdict(list)
    for k in truth:
        by_found[person[k]].append(k)
    for a, b in pairs_of(by_found):
        if truth[a] != truth[b]:
            per_cat[category(a, b, tags, meta)][2] += 1
            if platform(a) == platform(b) and not (args.lineage and account):
                acc[2] += 1
    if args.lineage and account:
        by_acc = defaultdict(list)
        for k in truth:
            if account.get(k):
                by_acc[account[k]].append(k)
        for a, b in pairs_of(by_acc):
            if truth[a] != truth[b]:
                acc[2] += 1

    tp = sum(v[1] for v in per_cat.values())
    t = sum(v[0] for v in per_cat.values())
    fp = sum(v[2] for v in per_cat.values())
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / t if t else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    aprec = acc[1] / (acc[1] + acc[2]) if acc[1] + acc[2] else 1.0
    arec = acc[1] / acc[0] if acc[0] else 1.0
    af1 = 2 * aprec * arec / (aprec + arec) if aprec + arec else 0.0

    records_of = defaultdict(list)
    for k, p in truth.items():
        records_of[p].append(k)
    merged = [(a, b, kind) for a, b, kind in hardneg
              if {person[k] for k in records_of[a]} & {person[k] for k in records_of[b]}]

    label = args.label
    print(f"== {label}: {len(truth)} records, {len(set(truth.values()))} persons (found {len(set(person.values()))})"
          + (f", {len(missing)} records absent from the clustering" if missing else ""))
    print(f"{label:<12} persons  precision {prec:.5f} recall {rec:.5f} F1 {f1:.5f} ({tp} of {t} true pairs, {fp} false)")
    print(f"{label:<12} accounts precision {aprec:.5f} recall {arec:.5f} F1 {af1:.5f} ({acc[1]} of {acc[0]} true pairs, {acc[2]} false)")
    kinds = defaultdict(int)
    for _, _, kind in merged:
        kinds[kind] += 1
    print(f"{label:<12} hard negatives merged {len(merged)} of {len(hardneg)}"
          + (" (" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")" if merged else ""))
    if args.review is not None:
        print(f"{label:<12} review queue {args.review} pairs ({100 * args.review / len(truth):.2f} % of records)")
    print(f"{'category':<34} {'true pairs':>10} {'found':>7} {'recall':>8} {'false':>6} {'precision':>9}")
    for c in sorted(per_cat, key=lambda c: (c not in TRAPS and not c.endswith("moved"), c)):
        n, found, false = per_cat[c]
        r = found / n if n else 1.0
        pr = found / (found + false) if found + false else 1.0
        flag = "  <" if n and r < 0.95 else ""
        print(f"{c:<34} {n:>10} {found:>7} {r:>8.4f} {false:>6} {pr:>9.4f}{flag}")
    print(f"RESULT {label} f1={f1:.5f} precision={prec:.5f} recall={rec:.5f} acc_f1={af1:.5f} acc_precision={aprec:.5f} "
          f"acc_recall={arec:.5f} hardneg={len(merged)}")


if __name__ == "__main__":
    main()
