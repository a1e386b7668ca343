#!/usr/bin/env python3
"""Splink baseline for the matching bench: same records (splink.csv from gen_identity_data.py),
idiomatic Splink settings on DuckDB with 2 threads, EM training, clustering; prints F1 and time.

Usage: bench_splink.py splink.csv [clusters.csv]   (run inside the virtualenv made by scripts/bench-match.sh;
       clusters.csv receives file;ref;cluster for scripts/score_identity.py)
"""
import csv, os, sys, tempfile, time, unicodedata

import duckdb
import splink
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
import splink.comparison_library as cl


def fold(s):
    s = "".join(c for c in unicodedata.normalize("NFD", s or "") if unicodedata.category(c) != "Mn").upper()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in s).split()) or None


def phone(s):
    d = "".join(ch for ch in (s or "") if ch.isdigit())
    d = d[-9:] if len(d) >= 9 else ""
    return d if d and len(set(d)) > 1 else None


def main():
    src = sys.argv[1]
    start, cpu_start = time.time(), time.process_time()
    # Standard cleaning before Splink: fold accents and case, digits-only phones, lower-case e-mails.
    out = os.path.join(tempfile.mkdtemp(), "clean.csv")
    with open(src, encoding="utf-8") as f, open(out, "w", encoding="utf-8", newline="") as g:
        r, w = csv.DictReader(f), csv.writer(g)
        w.writerow(["unique_id", "population", "surname", "usage_name", "first_name", "dob", "email", "phone", "postcode", "street", "ine", "true_person"])
        for row in r:
            w.writerow([row["unique_id"], row["population"], fold(row["surname"]), fold(row["usage_name"]), fold(row["first_name"]),
                        row["dob"] or None, (row["email"] or "").strip().lower() or None, phone(row["phone"]),
                        row["postcode"] or None, fold(row["street"]), row["ine"] or None, row["true_person"]])
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    con.execute(f"CREATE TABLE records AS SELECT * FROM read_csv('{out}', header=true, all_varchar=true)")
    db_api = DuckDBAPI(connection=con)
    df = db_api.register("records")
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=[
            block_on("population", "ine"),
            block_on("population", "dob", "substr(first_name, 1, 1)"),
            block_on("population", "surname", "substr(first_name, 1, 2)"),
            block_on("population", "usage_name", "substr(first_name, 1, 2)"),
            block_on("population", "email"),
            block_on("population", "phone"),
            block_on("population", "postcode", "street", "substr(first_name, 1, 1)"),
        ],
        comparisons=[
            cl.NameComparison("surname"),
            cl.NameComparison("first_name"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("ine"),
            cl.EmailComparison("email"),
            cl.ExactMatch("phone"),
            cl.JaroWinklerAtThresholds("street", [0.9]),
            cl.ExactMatch("postcode"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )
    linker = Linker(df, settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("population", "ine"), block_on("population", "email")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("population", "dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("population", "surname", "first_name"))
    pred = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, threshold_match_probability=0.95)
    con.execute(f"CREATE TABLE clusters AS SELECT unique_id, cluster_id FROM {clusters.physical_name}")
    elapsed, cpu = time.time() - start, time.process_time() - cpu_start  # CPU: all DuckDB threads
    q = lambda sql: con.execute(sql).fetchone()[0] or 0
    both = q("SELECT sum(n*(n-1)/2) FROM (SELECT count(*) n FROM clusters c JOIN records r USING (unique_id) GROUP BY cluster_id, true_person)")
    predicted = q("SELECT sum(n*(n-1)/2) FROM (SELECT count(*) n FROM clusters GROUP BY cluster_id)")
    truth = q("SELECT sum(n*(n-1)/2) FROM (SELECT count(*) n FROM records GROUP BY true_person)")
    p = both / predicted if predicted else 1.0
    rc = both / truth if truth else 1.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    print(f"splink {splink.__version__}: precision {p:.5f} recall {rc:.5f} F1 {f1:.5f} time {elapsed:.1f} s wall, {cpu:.1f} s CPU")
    if len(sys.argv) > 2:  # the clusters, for score_identity.py (per category, hard negatives)
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write("file;ref;person\n")
            for uid, cid in con.execute("SELECT unique_id, cluster_id FROM clusters").fetchall():
                file, _, ref = uid.rpartition("#")
                f.write(f"{file};{ref};splink-{cid}\n")
    print(f"RESULT splink f1={f1:.5f} precision={p:.5f} recall={rc:.5f} seconds={elapsed:.3f} cpu={cpu:.3f}")


if __name__ == "__main__":
    main()
