#!/usr/bin/env python3
"""Plays the ENT (One, Edifice's entcore) for tests and demos: reads the accounts Alim asked for and
writes the two exports an administrator downloads from the ENT, as if it had imported them.

    python3 scripts/play_ent.py --accounts work/runs/latest/accounts.csv --out inbox/ent
    python3 scripts/play_ent.py --bundle work/runs/latest/ent --out inbox/ent --schools 0610001A,0610002B
    python3 scripts/play_ent.py --accounts … --out … --state ent-state.json   # a second night

What the ENT does (see ../shared/samples/ent-import/README.md):
- every account gets a login `prenom.nom` (lower case, accents folded, spaces → `-`), with a number
  (2, 3, …) when the login is taken; the login Alim sent goes in the alias;
- every account gets a random activation code of 8 letters (seeded: same inputs, same codes);
- an activated account has an empty code in the users export and is absent from
  `activation_de_comptes.csv`.

Outputs, in `--out`: `export-utilisateurs-ent.csv` (`"Id";"Identifiant SIECLE";"Type";…`) and
`activation_de_comptes.csv` (`"Type";"Nom";"Prénom";"Login";"Alias de login";"Code d'activation"`),
`;`, every value quoted, UTF-8 with a BOM, CRLF. Both hold codes: written 0600 in a 0700 folder.

Input, one of:
- `--accounts accounts.csv` (a run's contract file): One local accounts; externalId = `--prefix`
  + account id; alias = the `login` column (Alim's login: on a later night accounts.csv shows the
  ENT's login for accounts it knows, so use `--state` to keep each account's first alias);
- `--bundle DIR` (the import bundle, `Alim_<date>_<UAI>_<label>.zip` files or their CSVs): the
  `externalId`/`id`, `nom`, `prenom`, `alias`/`login`, `classe…` columns, profile from `_Eleves_` /
  `_Parents_` in the file name.

`--state FILE` keeps what the ENT created (externalId → login, alias, code, activated) from one night
to the next, as the real ENT does: a known account keeps its login and code. `--activate N` marks N
more not-yet-activated accounts as activated tonight (chosen with the seed), `--schools` restricts the
ENT's import to some schools (the others' accounts stay « en attente de création dans l'ENT »).
"""

import argparse
import csv
import io
import json
import os
import random
import re
import sys
import unicodedata
import zipfile

USERS_HEADER = ["Id", "Identifiant SIECLE", "Type", "Nom", "Prénom", "Identifiant", "Login personnalisé (Alias)",
                "Code d'activation", "Fonctions", "Établissements", "Classes", "Enfants", "Parents",
                "Dernière connexion", "Courriel", "Téléphone"]
ACTIVATION_HEADER = ["Type", "Nom", "Prénom", "Login", "Alias de login", "Code d'activation"]
TYPE = {"pupil": "Élève", "guardian": "Parent"}


def fold(text):
    """Lower case, accents removed, as the ENT builds logins."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def login_base(first, last):
    def part(s):
        s = re.sub(r"[^a-z0-9 \-]", "", fold(s).strip())
        return re.sub(r"[\s]+", "-", s).strip("-")
    return f"{part(first)}.{part(last)}".strip(".") or "utilisateur"


def clean_key(name):
    """The ENT importer's header cleaning: trimmed, lower case, accents, spaces, `*` and `'` removed."""
    return re.sub(r"[\s*'’]", "", fold(name.strip().lstrip("\ufeff")))


def read_accounts_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    out = []
    for r in rows:
        if r.get("platform") != "one" or r.get("auth") != "local":
            continue
        out.append({
            "id": r["account_id"], "profile": r["profile"], "last": r["last_name"], "first": r["first_name"],
            "alias": r["login"], "uais": [u for u in r["uai"].split("|") if u],
            "classes": [c for c in r["classes"].split("|") if c],
            "children": [c for c in r["children"].split("|") if c],
        })
    return out


def bundle_csvs(folder):
    """(file name, text) of every CSV of the bundle folder, inside zips or not."""
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as z:
                for inner in sorted(z.namelist()):
                    if inner.lower().endswith(".csv"):
                        yield inner, z.read(inner).decode("utf-8-sig")
        elif name.lower().endswith(".csv"):
            with open(path, encoding="utf-8-sig") as f:
                yield name, f.read()


def read_bundle(folder, prefix):
    out = []
    for name, text in bundle_csvs(folder):
        profile = "pupil" if "_Eleves_" in name else "guardian" if "_Parents_" in name else None
        if profile is None:
            continue
        uai = (re.search(r"[0-9]{7}[A-Z]", name) or [""])[0]
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        if not rows:
            continue
        keys = [clean_key(h) for h in rows[0]]

        def col(*names):
            return next((i for i, k in enumerate(keys) if k in names), None)
        ext, last, first = col("externalid", "id"), col("nom", "nomdefamille"), col("prenom")
        alias, klass = col("alias", "login"), col("classe", "classes", "libelleclasse")
        children = [i for i, k in enumerate(keys) if k in ("childexternalid", "idenfant", "childid")]
        for r in rows[1:]:
            def cell(i):
                return r[i].strip() if i is not None and i < len(r) else ""
            external = cell(ext)
            if not external:
                continue
            out.append({
                "id": external[len(prefix):] if external.startswith(prefix) else external,
                "external": external, "profile": profile, "last": cell(last), "first": cell(first),
                "alias": cell(alias), "uais": [uai] if uai else [], "classes": [cell(klass)] if cell(klass) else [],
                "children": [cell(i)[len(prefix):] if cell(i).startswith(prefix) else cell(i) for i in children if cell(i)],
            })
    return out


def write_private(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff" + buf.getvalue())
    os.chmod(path, 0o600)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--accounts", help="a run's accounts.csv")
    src.add_argument("--bundle", help="a run's ent/ folder (import bundle zips or CSVs)")
    ap.add_argument("--out", required=True, help="folder for the two exports (created 0700)")
    ap.add_argument("--prefix", default="ALIM-", help="tenant prefix of the externalIds (default ALIM-)")
    ap.add_argument("--schools", default="", help="UAIs the ENT imported, comma-separated (default: all)")
    ap.add_argument("--state", help="JSON file keeping the ENT's accounts between nights")
    ap.add_argument("--activate", type=int, default=0, help="accounts the users activate tonight")
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args(argv)

    accounts = read_accounts_csv(args.accounts) if args.accounts else read_bundle(args.bundle, args.prefix)
    for a in accounts:
        a.setdefault("external", args.prefix + a["id"])
    schools = {s.strip() for s in args.schools.split(",") if s.strip()}
    if schools:
        accounts = [a for a in accounts if schools.intersection(a["uais"])]
    accounts.sort(key=lambda a: a["external"])

    state = {}
    if args.state and os.path.exists(args.state):
        with open(args.state, encoding="utf-8") as f:
            state = json.load(f)
    rng = random.Random(args.seed * 1_000_003 + len(state))
    taken = {e["login"] for e in state.values()}
    for a in accounts:
        known = state.get(a["external"])
        if known is None:
            base = login_base(a["first"], a["last"])
            login, n = base, 1
            while login in taken:
                n += 1
                login = f"{base}{n}"
            taken.add(login)
            code = "".join(rng.choice("abcdefghijkmnpqrstuvwxyz") for _ in range(8))
            known = state[a["external"]] = {"login": login, "alias": a["alias"], "code": code, "activated": False}
        a["ent"] = known
    pending = [a for a in accounts if not a["ent"]["activated"]]
    for a in rng.sample(pending, min(args.activate, len(pending))):
        a["ent"]["activated"] = True

    by_id = {a["id"]: a for a in accounts}
    parents_of = {}
    for a in accounts:
        for child in a["children"]:
            parents_of.setdefault(child, []).append(a)

    def names(people):
        return ", ".join(f"{p['first']} {p['last']}" for p in people)

    users, activation = [], []
    for a in accounts:
        e = a["ent"]
        code = "" if e["activated"] else e["code"]
        kids = [by_id[c] for c in a["children"] if c in by_id]
        users.append([a["external"], "", TYPE[a["profile"]], a["last"], a["first"], e["login"], e["alias"], code,
                      "", ", ".join(a["uais"]), ", ".join(a["classes"]), names(kids), names(parents_of.get(a["id"], [])),
                      "" if not e["activated"] else "01/09/2026 08:00", "", ""])
        if not e["activated"]:
            activation.append([TYPE[a["profile"]], a["last"], a["first"], e["login"], e["alias"], e["code"]])

    os.makedirs(args.out, mode=0o700, exist_ok=True)
    os.chmod(args.out, 0o700)
    write_private(os.path.join(args.out, "export-utilisateurs-ent.csv"), USERS_HEADER, users)
    write_private(os.path.join(args.out, "activation_de_comptes.csv"), ACTIVATION_HEADER, activation)
    if args.state:
        fd = os.open(args.state, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(state, f, ensure_ascii=False, indent=1, sort_keys=True)
    print(f"{len(users)} comptes dans l'export des utilisateurs, {len(activation)} à activer "
          f"({len(users) - len(activation)} déjà activés).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
