#!/usr/bin/env python3
"""Seeded generator of French-looking school inboxes with a ground truth, for the matching bench.

Writes, into OUT:
  ingest.json   an IngestArtifact (same JSON field names as AlimCore's Codable PersonRecord)
  truth.csv     file;ref;true_person (one line per record)
  hardneg.csv   person_a;person_b;kind (pairs of distinct people that must never be merged)
  splink.csv    a flat CSV of the same records for Splink

The population: families with 1-3 children (twins included) in primary schools (ONDE exports) and
collèges (SIECLE exports, some also in AAF), guardians listed once per school for all their children,
pupils re-entered in a second school, grandparents as contacts, homonymous fathers in one commune,
father/son with one name, and the errors schools make: typos, lost accents, compound and usage
names, swapped names, day/month swaps, phone and address spellings, placeholders.

With --profile hard (what `make bench-match` runs) the generator is written to break Alim: the four
kinds of duplicates real exports showed it missing, at realistic rates, beside the traps of DOMAIN.md:
  - pupils re-entered in another primary school (or who changed collège mid-year), a quarter of them
    with a one-character typo in one INE;
  - a guardian entered twice in one ONDE file, one row with the phone and the other with the e-mail,
    or one row lacking one of them;
  - families whose names hold a letter outside Latin-9 (Oğuz, Ayşe, Łukasz, Ștefan): SIECLE writes « ? »,
    ONDE drops or transliterates it, AAF keeps it;
  - every French phone writing (+33 (0)6, 0033, dashes, a leading 0 lost by a spreadsheet);
  - a one-letter first-name typo together with a missing contact;
and the hard negatives that look like them: twins with neighbouring INEs, a grandmother listed in ONDE
beside the mother (sometimes with a close first name: Marie / Maria), a grandfather with the father's
name in the same ONDE file. tags.csv names the traps each record carries, so the scorer
(scripts/score_identity.py) gives precision and recall per duplicate category.

Usage: gen_identity_data.py --records 10000 --seed 42 --out DIR [--profile classic|hard]   (stdlib only)
"""
import argparse, csv, json, os, random, unicodedata

SURNAMES = [  # (name, weight): frequent French surnames first, then a tail with accents and particles
    ("MARTIN", 60), ("BERNARD", 35), ("THOMAS", 30), ("PETIT", 28), ("ROBERT", 27), ("RICHARD", 26), ("DURAND", 25),
    ("DUBOIS", 25), ("MOREAU", 24), ("LAURENT", 23), ("SIMON", 22), ("MICHEL", 22), ("LEFÈVRE", 20), ("LEROY", 19),
    ("ROUX", 18), ("DAVID", 18), ("BERTRAND", 17), ("MOREL", 17), ("FOURNIER", 16), ("GIRARD", 16), ("BONNET", 15),
    ("DUPONT", 15), ("LAMBERT", 15), ("FONTAINE", 14), ("ROUSSEAU", 14), ("VINCENT", 14), ("MULLER", 13),
    ("LEFEBVRE", 13), ("FAURE", 13), ("ANDRÉ", 13), ("MERCIER", 12), ("BLANC", 12), ("GUÉRIN", 12), ("BOYER", 12),
    ("GARNIER", 11), ("CHEVALIER", 11), ("FRANÇOIS", 11), ("LEGRAND", 11), ("GAUTHIER", 11), ("GARCIA", 11),
    ("PERRIN", 10), ("ROBIN", 10), ("CLÉMENT", 10), ("MORIN", 10), ("NICOLAS", 10), ("HENRY", 10), ("ROUSSEL", 10),
    ("MATHIEU", 9), ("GAUTIER", 9), ("MASSON", 9), ("MARCHAND", 9), ("DUVAL", 9), ("DENIS", 9), ("DUMONT", 9),
    ("MARIE", 9), ("LEMAIRE", 8), ("NOËL", 8), ("MEYER", 8), ("DUFOUR", 8), ("MEUNIER", 8), ("BRUN", 8),
    ("BLANCHARD", 8), ("GIRAUD", 8), ("JOLY", 8), ("RIVIÈRE", 8), ("LUCAS", 8), ("BRUNET", 8), ("GAILLARD", 7),
    ("BARBIER", 7), ("ARNAUD", 7), ("MARTINEZ", 7), ("GÉRARD", 7), ("ROCHE", 7), ("RENARD", 7), ("SCHMITT", 7),
    ("ROY", 7), ("LEROUX", 7), ("COLIN", 7), ("VIDAL", 7), ("CARON", 7), ("PICARD", 7), ("ROGER", 7), ("FABRE", 7),
    ("AUBERT", 6), ("LEMOINE", 6), ("RENAUD", 6), ("DUMAS", 6), ("LACROIX", 6), ("OLIVIER", 6), ("PHILIPPE", 6),
    ("BOURGEOIS", 6), ("PIERRE", 6), ("BENOÎT", 6), ("REY", 6), ("LECLERC", 6), ("PAYET", 6), ("ROLLAND", 6),
    ("LE GALL", 5), ("LE ROUX", 5), ("DE LA FONTAINE", 3), ("D'ALMEIDA", 4), ("DA SILVA", 5), ("DOS SANTOS", 5),
    ("VAN DAMME", 2), ("DE SOUSA", 4), ("LE BIHAN", 3), ("MARTIN-DUBOIS", 2), ("HÉBERT", 5), ("MÉNARD", 5),
    ("BÉNARD", 4), ("LÉGER", 4), ("PRÉVOST", 4), ("CÔTÉ", 2), ("CHÂTELAIN", 2), ("BOUCHÉ", 2), ("NGUYEN", 6),
    ("BEN AHMED", 3), ("EL AMRANI", 3), ("DIALLO", 4), ("TRAORÉ", 3), ("KOWALSKI", 2), ("O'NEILL", 1),
]
SYL = ["BAR", "BEL", "BOU", "CHA", "COR", "DAN", "DEL", "FER", "GAL", "GRA", "JOU", "LAB", "LAV", "MAL", "MAR",
       "MON", "PAR", "PEL", "QUER", "RAB", "RIC", "ROQ", "SAL", "TAR", "TRI", "VAL", "VER", "VIL"]
END = ["AND", "ARD", "AUD", "EAU", "ET", "IER", "IN", "OT", "OUX", "ERON", "ELIN", "IAC", "AC", "ON"]
BOYS = ["Lucas", "Léo", "Louis", "Jules", "Gabriel", "Raphaël", "Arthur", "Hugo", "Noé", "Adam", "Paul", "Maël",
        "Nathan", "Tom", "Théo", "Sacha", "Ethan", "Mathéo", "Timéo", "Victor", "Aaron", "Liam", "Martin", "Nolan",
        "Eliott", "Axel", "Robin", "Mathis", "Clément", "Baptiste", "Enzo", "Noah", "Antoine", "Valentin", "Maxime",
        "Jean-Baptiste", "Pierre-Louis", "Noa", "Julien", "Simon", "Côme", "Anatole", "Gaspard", "Éloi", "Ilyès"]
GIRLS = ["Léa", "Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Mila", "Rose", "Anna", "Inès", "Ambre",
         "Julia", "Zoé", "Léna", "Agathe", "Camille", "Manon", "Sarah", "Lou", "Juliette", "Éva", "Romane", "Nina",
         "Margaux", "Clémence", "Anaïs", "Noémie", "Maëlys", "Océane", "Marie-Lou", "Anne-Sophie", "Julie", "Emmy",
         "Héloïse", "Capucine", "Élise", "Apolline", "Lucie", "Mathilde", "Salomé", "Maya", "Iris", "Adèle"]
MEN = ["Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Stéphane", "Sébastien", "Laurent",
       "Frédéric", "David", "Olivier", "Julien", "Jérôme", "Thomas", "Éric", "Vincent", "François", "Guillaume",
       "Mathieu", "Cédric", "Arnaud", "Romain", "Jean-Pierre", "Jean-Marc", "Yann", "Benoît", "Grégory", "Fabrice",
       "Karim", "Mehdi", "Thierry", "Franck", "Emmanuel", "Damien", "Anthony", "Jérémy", "Loïc", "Hervé"]
WOMEN = ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Valérie", "Stéphanie", "Céline",
         "Aurélie", "Émilie", "Julie", "Sophie", "Virginie", "Caroline", "Laetitia", "Élodie", "Audrey", "Karine",
         "Delphine", "Anne", "Hélène", "Christelle", "Marion", "Claire", "Marie-Claire", "Anne-Laure", "Amandine",
         "Mélanie", "Camille", "Fatima", "Nadia", "Séverine", "Magali", "Pauline", "Laure", "Chantal", "Agnès"]
ELDERS_W = ["Monique", "Françoise", "Jacqueline", "Danielle", "Nicole", "Martine", "Josiane", "Ginette", "Odette"]
TWIN_NAMES = [("Léa", "Léo", "F", "M"), ("Louis", "Louise", "M", "F"), ("Jules", "Julie", "M", "F"),
              ("Emma", "Emmy", "F", "F"), ("Noé", "Noa", "M", "M"), ("Lucas", "Lucie", "M", "F")]
STREETS = ["RUE VICTOR HUGO", "AVENUE JEAN JAURES", "BOULEVARD GAMBETTA", "CHEMIN DES VIGNES", "IMPASSE DES LILAS",
           "PLACE DE LA MAIRIE", "ALLEE DES TILLEULS", "ROUTE DE NICE", "RUE DU MOULIN", "RUE PASTEUR",
           "AVENUE DE LA LIBERATION", "RUE DES ECOLES", "CHEMIN DU STADE", "RUE DE LA REPUBLIQUE", "RUE DES ROSES",
           "BOULEVARD DU GENERAL DE GAULLE", "RUE SAINT EXUPERY", "ALLEE DES PINS", "RUE JEAN MOULIN", "ROUTE DE GRASSE"]
ABBR = {"RUE": "R", "AVENUE": "AV", "BOULEVARD": "BD", "CHEMIN": "CHE", "IMPASSE": "IMP", "PLACE": "PL",
        "ALLEE": "ALL", "ROUTE": "RTE"}
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
# Families whose names hold letters outside Latin-9 (Turkish, Polish, Romanian): what 8-bit exports lose.
NONLATIN_SURNAMES = ["ŞAHIN", "DOĞAN", "KILIÇ", "YILDIZ", "ÇELIK", "AYDIN", "ÖZDEMIR", "KOWALCZYK", "WAŁĘSA",
                     "DUMITRAȘCU", "ȚURCANU", "GÜNEŞ", "ERDOĞAN", "KOŁODZIEJ", "PĂUN"]
NONLATIN_MEN = ["Oğuz", "Gökhan", "Şükrü", "Tuğrul", "Łukasz", "Bartłomiej", "Ștefan", "Mihăiță", "Ilkay", "Doğukan"]
NONLATIN_WOMEN = ["Ayşe", "Çağla", "Gülşen", "Tuğba", "Małgorzata", "Agnieszka", "Ștefania", "Oana", "Büşra", "Elżbieta"]
NONLATIN_KIDS = ["Eylül", "Emre", "Yağmur", "Kağan", "Zoé", "Ilyès", "Miłosz", "Ioana"]
# What an ONDE export (cp1252) writes when a tool transliterates instead of dropping.
TRANSLIT = {"ğ": "g", "Ğ": "G", "ş": "s", "Ş": "S", "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ț": "t", "Ț": "T",
            "ș": "s", "Ș": "S", "ă": "a", "Ă": "A", "ę": "e", "Ę": "E", "ż": "z", "Ż": "Z"}
LATIN9_EXTRA = set("ŠšŽžŒœŸ€")


def latin9(ch):
    return ord(ch) < 0x80 or (0xA0 <= ord(ch) <= 0xFF and ch not in "¤¦¨´¸¼½¾") or ch in LATIN9_EXTRA


def has_lost_letter(s):
    return any(not latin9(c) for c in s or "")


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


class Gen:
    def __init__(self, seed, rates):
        self.r = random.Random(seed)
        self.rates = rates
        self.surnames, self.sweights = zip(*SURNAMES)
        self.persons = {}  # id -> dict
        self.hardneg = []
        self.next_id = 0
        self.emails = set()

    def pid(self, prefix):
        self.next_id += 1
        return f"{prefix}{self.next_id:07d}"

    def surname(self):
        if self.r.random() < 0.35:  # long tail of rare names
            return self.r.choice(SYL) + self.r.choice(SYL[:14]).lower().upper()[:2] + self.r.choice(END)
        return self.r.choices(self.surnames, self.sweights)[0]

    def date(self, y0, y1):
        y = self.r.randint(y0, y1)
        m = self.r.randint(1, 12)
        d = self.r.randint(1, 28)
        return f"{y:04d}-{m:02d}-{d:02d}"

    def mobile(self):
        return "0" + self.r.choice("67") + "".join(self.r.choice("0123456789") for _ in range(8))

    def landline(self, dept="4"):
        return "0" + dept + "".join(self.r.choice("0123456789") for _ in range(8))

    def email(self, first, last):
        f = strip_accents(first).lower().replace(" ", "").replace("'", "")
        l = strip_accents(last).lower().replace(" ", "").replace("'", "")
        dom = self.r.choice(["gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "sfr.fr", "yahoo.fr"])
        sep = self.r.choice([".", "", "_", "-"])
        e = f"{f}{sep}{l}{self.r.randint(1, 99) if self.r.random() < 0.5 else ''}@{dom}"
        while e in self.emails:  # an address belongs to one person
            e = f"{f}{sep}{l}{self.r.randint(100, 9999)}@{dom}"
        self.emails.add(e)
        return e

    # ---------------------------------------------------------------- population
    def build(self, target_records):
        r = self.r
        n_families = max(20, int(target_records / 4.6))
        n_communes = max(2, n_families // 250)
        self.communes = []
        for c in range(n_communes):
            cp = f"06{r.randint(0, 9)}{c % 100:02d}"
            name = r.choice(["SAINT", "LE", "LA", "VILLE", "MONT", "BEAU"]) + "-" + r.choice(SYL) + r.choice(END).lower().upper()
            self.communes.append((cp, f"{name} {c}" if c >= 100 else name))
        # Primary schools: one per commune, and in half the communes a separate école maternelle
        # (PS-GS): a family with a child on each side is listed by two ONDE files with different
        # children, so a guardian's typo there meets no shared child. Collèges: 1 per 4 communes.
        self.primary = {c: [] for c in range(n_communes)}
        self.maternelle = {}
        uai_n = 0
        for c in range(n_communes):
            for _ in range(max(1, 250 // 140)):
                uai_n += 1
                self.primary[c].append(f"06{uai_n:05d}{LETTERS[uai_n % len(LETTERS)]}")
            if r.random() < 0.5:
                uai_n += 1
                self.maternelle[c] = f"06{uai_n:05d}{LETTERS[uai_n % len(LETTERS)]}"
        self.college = {}
        for c in range(n_communes):
            if c % 4 == 0:
                uai_n += 1
                col = f"06{uai_n:05d}{LETTERS[(uai_n * 7) % len(LETTERS)]}"
            self.college[c] = col
        self.families = [self.family(c % n_communes) for c in range(n_families)]
        self.add_homonyms_and_fathers()

    def adult(self, first, last, sex, born, usage=None, phones=None, email=None, address=None):
        p = dict(id=self.pid("R"), first=first, last=last, usage=usage, sex=sex, born=born,
                 phones=phones or [], email=email, address=address, kind="adult")
        self.persons[p["id"]] = p
        return p

    def family(self, commune):
        r = self.r
        cp, city = self.communes[commune]
        nonlatin = "nonlatin" in self.rates and r.random() < self.rates["nonlatin"]
        s = r.choice(NONLATIN_SURNAMES) if nonlatin else self.surname()
        MEN_, WOMEN_ = (NONLATIN_MEN, NONLATIN_WOMEN) if nonlatin else (MEN, WOMEN)
        address = dict(number=str(r.randint(1, 120)) + (r.choice(["", "", "", " BIS"])), street=r.choice(STREETS), cp=cp, city=city)
        home = self.landline() if r.random() < 0.5 else None
        parents = []
        if r.random() < 0.9:
            f = r.choice(MEN_)
            parents.append(self.adult(f, s, "M", self.date(1968, 1993), phones=[x for x in [self.mobile() if r.random() < 0.9 else None, home] if x],
                                      email=self.email(f, s) if r.random() < 0.75 else None, address=address))
        if r.random() < 0.92 or not parents:
            m = r.choice(WOMEN_)
            birth = (r.choice(NONLATIN_SURNAMES) if nonlatin else self.surname()) if r.random() < 0.85 else s
            married = parents and r.random() < 0.7
            parents.append(self.adult(m, birth, "F", self.date(1970, 1995), usage=s if married and birth != s else None,
                                      phones=[x for x in [self.mobile() if r.random() < 0.92 else None, home] if x],
                                      email=self.email(m, birth) if r.random() < 0.8 else None,
                                      address=address if parents or r.random() < 0.9 else dict(address, number="7")))
        # Separated parents: the second one at another address with own contacts.
        if len(parents) == 2 and r.random() < 0.15:
            parents[1]["address"] = dict(number=str(r.randint(1, 99)), street=r.choice(STREETS), cp=cp, city=city)
            parents[1]["phones"] = [p for p in parents[1]["phones"] if p != home]
        child_surname = s if parents[0]["sex"] == "M" or not parents[0].get("usage") else s
        children = []
        n = r.choices([1, 2, 3], [0.45, 0.4, 0.15])[0]
        for k in range(n):
            if r.random() < 0.04 and k == 0:  # twins
                a, b, sa, sb = r.choice(TWIN_NAMES) if r.random() < 0.6 else (r.choice(GIRLS), r.choice(BOYS), "F", "M")
                born = self.date(2012, 2022)
                t1 = self.child(a, child_surname, sa, born, commune)
                t2 = self.child(b, child_surname, sb, born, commune)
                if "twin_ine_next" in self.rates and r.random() < self.rates["twin_ine_next"]:  # registered together: INEs one apart
                    t2["ine"] = t1["ine"][:8] + str((int(t1["ine"][8]) + 1) % 10) + t1["ine"][9:]
                if a != b:
                    children += [t1, t2]
                    self.hardneg.append((t1["id"], t2["id"], "jumeaux"))
                else:
                    children.append(t1)
            else:
                sex = r.choice("MF")
                pool = NONLATIN_KIDS if nonlatin and r.random() < 0.5 else BOYS if sex == "M" else GIRLS
                children.append(self.child(r.choice(pool), child_surname, sex, self.date(2012, 2022), commune))
        fam = dict(parents=parents, children=children, commune=commune, address=address, home=home)
        # Grandmother (same usage surname, same address) listed as a contact for a child.
        if parents and r.random() < 0.06:
            father = parents[0] if parents[0]["sex"] == "M" else None
            mother = next((p for p in parents if p["sex"] == "F"), None)
            gm_first = r.choice(ELDERS_W)
            if mother and "gm_close" in self.rates and r.random() < self.rates["gm_close"]:  # Marie / Maria: one letter apart
                mf = mother["first"]
                gm_first = mf[:-1] + "a" if mf.endswith("e") else mf + "e"
            gm = self.adult(gm_first, self.surname(), "F", self.date(1945, 1965), usage=s,
                            phones=[home] if home else [self.landline()], email=None, address=address)
            fam["grandparent"] = gm
            for p in parents:
                if p["sex"] == "F":
                    self.hardneg.append((p["id"], gm["id"], "mere-grand-mere"))
            # Grandfather with the father's name, as a contact in SIECLE (father/son).
            if father and r.random() < 0.5:
                gf = self.adult(father["first"], s, "M", self.date(1940, 1962), phones=[home] if home else [self.landline()],
                                address=address)
                fam["grandfather"] = gf
                self.hardneg.append((father["id"], gf["id"], "pere-fils"))
            fam["grandparents_in_onde"] = "gp_onde" in self.rates and r.random() < self.rates["gp_onde"]
        return fam

    def child(self, first, last, sex, born, commune):
        r = self.r
        p = dict(id=self.pid("E"), first=first, last=last, usage=None, sex=sex, born=born, kind="pupil",
                 ine=("%09d" % r.randint(0, 999999999)) + r.choice(LETTERS) + r.choice(LETTERS), commune=commune)
        self.persons[p["id"]] = p
        return p

    def add_homonyms_and_fathers(self):
        """Homonymous fathers in one commune, and a father and adult son with one name in two households."""
        r = self.r
        fams = [f for f in self.families if f["parents"] and f["parents"][0]["sex"] == "M"]
        for _ in range(max(2, len(fams) // 60)):
            a, b = r.sample(fams, 2)
            if a["commune"] == b["commune"] or r.random() < 0.5:
                pa, pb = a["parents"][0], b["parents"][0]
                if pa["id"] == pb["id"]:
                    continue
                pb["first"], pb["last"] = pa["first"], pa["last"]
                for c in b["children"]:
                    c["last"] = pa["last"]
                self.hardneg.append((pa["id"], pb["id"], "homonymes"))

    # ---------------------------------------------------------------- noise
    def noisy_name(self, s, accents):
        r = self.r
        if not accents:
            s = strip_accents(s)
        if r.random() < self.rates["typo"] and len(s) > 3:
            i = r.randint(1, len(s) - 2)
            op = r.random()
            if op < 0.4:
                s = s[:i] + r.choice("AEIOURSTLN") + s[i + 1:]
            elif op < 0.7:
                s = s[:i] + s[i + 1:]
            else:
                s = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        if "-" in s and r.random() < 0.5:
            s = s.replace("-", " ")
        if s.startswith(("DE LA ", "LE ", "DA ", "DOS ", "VAN ", "DE ")) and r.random() < 0.3:
            s = s.replace(" ", "")
        if "'" in s and r.random() < 0.5:
            s = s.replace("'", r.choice(["", " ", "’"]))
        return s

    def noisy_date(self, iso):
        r = self.r
        y, m, d = iso.split("-")
        x = r.random()
        if x < self.rates["swap_date"] and int(d) <= 12 and d != m:
            return f"{y}-{d}-{m}"
        if x < self.rates["swap_date"] + self.rates["digit_date"]:
            return f"{y}-{m}-{(int(d) % 28) + 1:02d}"
        return iso

    def phone_text(self, ph, exotic=None):
        """The number as one source writes it; `exotic` (a list) learns whether a rare writing was used."""
        r = self.r
        if ph is None:
            return None
        if "phone_exotic" in self.rates and r.random() < self.rates["phone_exotic"]:
            if exotic is not None:
                exotic.append(True)
            pairs = [ph[i:i + 2] for i in range(0, 10, 2)]
            return r.choice([
                "+33 (0)" + ph[1] + " " + " ".join(pairs[1:]),           # +33 (0)6 11 22 33 44
                "0033 (0)" + ph[1:],                                       # 0033 (0)611223344
                "-".join(pairs),                                           # 06-11-22-33-44
                ph[1:],                                                    # 611223344: a spreadsheet ate the 0
                ph[1] + " " + " ".join(pairs[1:]),                        # 6 11 22 33 44
                "+33 " + ph[1] + "." + ".".join(pairs[1:]),               # +33 6.11.22.33.44
                "00 33 " + ph[1] + " " + " ".join(pairs[1:]),             # 00 33 6 11 22 33 44
            ])
        style = r.random()
        if style < 0.3:
            return " ".join(ph[i:i + 2] for i in range(0, 10, 2))
        if style < 0.5:
            return ".".join(ph[i:i + 2] for i in range(0, 10, 2))
        if style < 0.65:
            return "+33" + ph[1:]
        if style < 0.7:
            return "0033" + ph[1:]
        return ph

    def address_lines(self, a, placeholder):
        r = self.r
        if placeholder:
            return dict(lines=["XXXXXXXXXX"], postalCode="00000", city="XXXXXXXXXX")
        street = a["street"]
        t = street.split(" ")[0]
        if r.random() < 0.4 and t in ABBR:
            street = ABBR[t] + street[len(t):]
        num = a["number"] if r.random() < 0.95 else a["number"].replace(" BIS", "B")
        line = f"{num} {street}" if r.random() < 0.9 else f"{num}, {street.title()}"
        return dict(lines=[line], postalCode=a["cp"], city=a["city"] if r.random() < 0.9 else a["city"].title())


# Rates of the realistic inboxes (issue 13): what the classic profile produced too rarely.
HARD_RATES = dict(moved=0.04, college_moved=0.01, ine_typo=0.25, onde_ine=0.8, twice=0.02, nonlatin=0.03,
                  phone_exotic=0.12, typo_missing=0.02, twin_ine_next=0.5, gm_close=0.3, gp_onde=0.1, aaf_lien=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    ap.add_argument("--typo", type=float, default=0.02)
    ap.add_argument("--profile", choices=["classic", "hard"], default="classic")
    args = ap.parse_args()
    rates = dict(typo=args.typo, swap_date=0.005, digit_date=0.004, swap_names=0.005, moved=0.02)
    if args.profile == "hard":
        rates.update(HARD_RATES)
    g = Gen(args.seed, rates)
    g.build(args.records)
    Writer(g).write(args.out)


class Writer:
    def __init__(self, g):
        self.g, self.r = g, g.r
        self.records, self.truth = [], []
        self.counters = {}
        self.tags = {}  # (file, ref) -> set of traps the record carries

    def tag(self, rec, *names):
        self.tags.setdefault((rec["ref"]["file"], rec["ref"]["ref"]), set()).update(names)

    def ref(self, file):
        n = self.counters.get(file, 1) + 1  # CSV: header is record 1
        self.counters[file] = n
        return str(n)

    def add(self, rec, person):
        self.records.append(rec)
        self.truth.append((rec["ref"]["file"], rec["ref"]["ref"], person["id"]))

    def person_fields(self, p, style):
        """Names and date as one source spells them. style: onde | siecle | aaf."""
        g, r = self.g, self.r
        accents = {"onde": r.random() < 0.5, "siecle": True, "aaf": r.random() < 0.7}[style]
        translit = "nonlatin" in g.rates and r.random() < 0.5

        def encoded(name):
            # 8-bit exports cannot write a letter outside Latin-9: SIECLE puts « ? », ONDE drops or
            # transliterates it; AAF (UTF-8) keeps it.
            if not name or not has_lost_letter(name) or style == "aaf":
                return name
            if style == "siecle":
                return "".join(c if latin9(c) else "?" for c in name)
            return "".join(c if latin9(c) else (TRANSLIT.get(c, "") if translit else "") for c in name)
        last = g.noisy_name(encoded(p["last"]), accents)
        first = g.noisy_name(encoded(p["first"]), accents)
        if style != "aaf":
            last = last.upper()
        if style == "onde" and r.random() < 0.3:
            first = first.upper()
        usage = g.noisy_name(encoded(p["usage"]), accents).upper() if p.get("usage") else None
        if usage and r.random() < 0.2:  # only the usage name was typed
            last, usage = usage, None
        if r.random() < g.rates["swap_names"]:
            last, first = first.upper(), last.title()
        return last, usage, first

    def write(self, out):
        g, r = self.g, self.r
        os.makedirs(out, exist_ok=True)
        onde_pupil_ref = {}  # (uai, pupil id) -> ref
        guardian_rows = {}   # (file, adult id) -> (record, children refs)
        schools_present = set()
        for fam in g.families:
            kids_by_school = {}
            for c in fam["children"]:
                primary = c["born"] >= "2016"
                if primary:
                    uai = r.choice(g.primary[c["commune"]])
                    if c["born"] >= "2020" and c["commune"] in g.maternelle:
                        uai = g.maternelle[c["commune"]]
                    schools = [(uai, "onde")]
                    if r.random() < g.rates["moved"]:
                        others = [u for cm, us in g.primary.items() for u in us if u != uai]
                        if others:
                            schools.append((r.choice(others), "onde"))
                else:
                    uai = g.college[c["commune"]]
                    schools = [(uai, "siecle")] + ([(uai, "aaf")] if r.random() < 0.3 else [])
                    if "college_moved" in g.rates and r.random() < g.rates["college_moved"]:  # changed collège mid-year
                        others = sorted(set(g.college.values()) - {uai})
                        if others:
                            schools.append((r.choice(others), "siecle"))
                seen_styles = set()
                for uai, style in schools:
                    schools_present.add(uai)
                    moved = style in seen_styles and style != "aaf"
                    seen_styles.add(style)
                    ref = self.pupil(c, uai, style, moved=moved)
                    kids_by_school.setdefault((uai, style), []).append(ref)
            for (uai, style), refs in sorted(kids_by_school.items()):
                for p in fam["parents"]:
                    self.guardian(p, uai, style, refs, "legal", "20" if p["sex"] == "M" else "10")
                    if style == "siecle" and r.random() < 0.4:  # the same guardian also in the académie's AAF
                        self.guardian(p, uai, "aaf", refs, "legal", "20" if p["sex"] == "M" else "10")
                if style == "onde" and fam.get("grandparents_in_onde"):
                    # A grandparent listed as a responsable in ONDE beside the parents (no link type there).
                    for key in ("grandparent", "grandfather"):
                        if key in fam:
                            self.guardian(fam[key], uai, style, refs, "legal", None)
                if style == "siecle":
                    for key, code in (("grandparent", "37"), ("grandfather", "37")):
                        if key in fam:
                            self.guardian(fam[key], uai, style, refs, "contact", code)
        self.records.sort(key=lambda x: (x["ref"]["file"], int(x["ref"]["ref"]) if x["ref"]["ref"].isdigit() else 0, x["ref"]["ref"]))
        # Every field of AlimCore's IngestArtifact, so the bench reads what the pipeline would hand it;
        # formatVersion: ArtifactCoding.formatVersion (Alim refuses an artifact of another format).
        art = dict(formatVersion=2, records=self.records, rejects=[], warnings=[], files=[],
                   context=dict(schoolsPresent=sorted(schools_present), activated=[], schoolNames={}),
                   familyLinks=[], linkReview=[], entCredentials=[])
        with open(os.path.join(out, "ingest.json"), "w", encoding="utf-8") as f:
            json.dump(art, f, ensure_ascii=False)
        with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(["file", "ref", "true_person"])
            w.writerows(sorted(self.truth))
        with open(os.path.join(out, "hardneg.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(["person_a", "person_b", "kind"])
            w.writerows(sorted(set(g.hardneg)))
        with open(os.path.join(out, "tags.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(["file", "ref", "tags"])
            w.writerows(sorted((a, b, ",".join(sorted(t))) for (a, b), t in self.tags.items() if t))
        truth = {(a, b): p for a, b, p in self.truth}
        with open(os.path.join(out, "splink.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["unique_id", "population", "surname", "usage_name", "first_name", "dob", "email", "phone",
                        "postcode", "street", "city", "ine", "true_person"])
            for rec in self.records:
                a = rec.get("address") or {}
                w.writerow([f'{rec["ref"]["file"]}#{rec["ref"]["ref"]}', "pupil" if rec["kind"] == "pupil" else "adult",
                            rec["lastName"], rec.get("usageName") or "", rec["firstName"], rec.get("birthDate") or "",
                            rec.get("email") or "", rec["phones"][0]["raw"] if rec["phones"] else "",
                            a.get("postalCode") or "", " ".join(a.get("lines") or []), a.get("city") or "",
                            rec.get("ine") or "", truth[(rec["ref"]["file"], rec["ref"]["ref"])]])
        print(f"{len(self.records)} records, {len(g.persons)} persons, {len(set(g.hardneg))} hard-negative pairs -> {out}")

    def pupil(self, c, uai, style, moved=False):
        g, r = self.g, self.r
        file = {"onde": f"{uai}/CSVExtraction-eleves.csv", "siecle": f"{uai}/ElevesSansAdresses.xml",
                "aaf": "aaf/ENT_Complet_Eleve_0000.xml"}[style]
        last, usage, first = self.person_fields(c, style)
        if style == "onde":
            ref, ext = self.ref(file), None
            ine = c["ine"] if r.random() < g.rates.get("onde_ine", 0.5) else None
            source = "onde-eleves"
        else:
            ext = str(100000 + int(c["id"][1:])) if style == "siecle" else "A" + c["id"][1:]
            ref = ext
            ine = c["ine"] if r.random() < 0.97 else None
            source = "siecle-eleves" if style == "siecle" else "aaf-eleve"
        year = int(c["born"][:4])
        level = {2022: "PS", 2021: "MS", 2020: "GS", 2019: "CP", 2018: "CE1", 2017: "CE2", 2016: "CM2",
                 2015: "6E", 2014: "5E", 2013: "4E", 2012: "3E"}[year]
        rec = dict(ref=dict(file=file, ref=ref), kind="pupil", source=source,
                   stage="primary" if style == "onde" else "college", uai=uai, lastName=last, firstName=first,
                   otherFirstNames=[], birthDate=g.noisy_date(c["born"]), sex=c["sex"], level=level,
                   className=level + " " + r.choice("AB"), phones=[], links=[])
        if ext:
            rec["externalId"] = ext
        tags = []
        if moved:
            tags.append("moved")
            if ine and "ine_typo" in g.rates and r.random() < g.rates["ine_typo"]:  # one character retyped wrong
                k = r.randrange(len(ine))
                alphabet = "0123456789" if ine[k].isdigit() else LETTERS
                ine = ine[:k] + r.choice([x for x in alphabet if x != ine[k]]) + ine[k + 1:]
                tags.append("ine-typo")
        if ine:
            rec["ine"] = ine
        if usage:
            rec["usageName"] = usage
        self.add(rec, c)
        self.tag(rec, *tags)
        if has_lost_letter(c["first"]) or has_lost_letter(c["last"]):
            self.tag(rec, "encoding-loss")
        return rec["ref"]

    def guardian(self, p, uai, style, children, role, code, mode=None, dup=False):
        """One guardian row. mode: None (all contacts), "phone-only", "email-only", "no-phone", "no-email"."""
        g, r = self.g, self.r
        file = {"onde": f"{uai}/CSVExtraction-responsables.csv", "siecle": f"{uai}/ResponsablesAvecAdresses.xml",
                "aaf": "aaf/ENT_Complet_PersRelEleve_0000.xml"}[style]
        if style == "aaf" and code and "aaf_lien" in g.rates:  # AAF writes its own lien codes (1 father, 2 mother…)
            code = {"10": "2", "20": "1", "50": "3"}.get(code, "4")
        key = (file, p["id"], dup)
        if key in self.counters:  # one row per guardian per file, linking all their children there
            rec = self.counters[key]
            rec["links"] += [dict(pupil=c, role=role, relationship=code if style != "onde" else None) for c in children]
            for l in rec["links"]:
                if l.get("relationship") is None:
                    l.pop("relationship", None)
            return
        twice = None
        if style == "onde" and not dup and mode is None and "twice" in g.rates and r.random() < g.rates["twice"]:
            # Entered twice in one school: one row with the phone and the other with the e-mail, or one row
            # lacking one of them.
            if p["phones"] and p["email"]:
                mode, twice = ("phone-only", "email-only") if r.random() < 0.5 else (None, r.choice(["no-phone", "no-email"]))
            else:  # the row lacks what the guardian never gave: both rows carry the same contacts
                twice = "no-email" if p["phones"] else "no-phone"
        tags = []
        last, usage, first = self.person_fields(p, style)
        typo_missing = (not dup and p["phones"] and p["email"] and "typo_missing" in g.rates
                        and r.random() < g.rates["typo_missing"] and len(first) > 3)
        if typo_missing:
            k = r.randint(1, len(first) - 2)
            first = first[:k] + first[k + 1:] if r.random() < 0.5 else first[:k] + r.choice("aeiourstln") + first[k + 1:]
            mode = mode or ("no-email" if r.random() < 0.5 else "no-phone")
            tags.append("firstname-typo-missing-contact")
        if style == "onde":
            ref, ext, source = self.ref(file), None, "onde-responsables"
        elif style == "siecle":
            ext = str(500000 + int(p["id"][1:]))
            ref, source = ext, "siecle-responsables"
        else:
            ext = "G" + p["id"][1:]
            ref, source = ext, "aaf-persrel"
        phones = []
        exotic = []
        if mode not in ("email-only", "no-phone"):
            for i, ph in enumerate(p["phones"]):
                if r.random() < 0.9:
                    phones.append(dict(kind="mobile" if ph[1] in "67" else "home", raw=g.phone_text(ph, exotic)))
        if exotic:
            tags.append("phone-writing")
        if style == "aaf" and r.random() < 0.05:
            phones.append(dict(kind="home", raw="0000000000"))
        email = p["email"] if p["email"] and r.random() < 0.9 and mode not in ("phone-only", "no-email") else None
        if email and r.random() < 0.2:
            email = " " + email.upper() + " "
        addr = g.address_lines(p["address"], style == "aaf" and r.random() < 0.05) if p.get("address") and r.random() < 0.95 else None
        rec = dict(ref=dict(file=file, ref=ref), kind="guardian" if role == "legal" else "contact", source=source,
                   stage="primary" if style == "onde" else "college", uai=uai, lastName=last, firstName=first,
                   otherFirstNames=[], phones=phones,
                   links=[dict(pupil=c, role=role, **({"relationship": code} if style != "onde" and code else {})) for c in children])
        if style == "onde":
            rec["civility"] = "M." if p["sex"] == "M" else "Mme"
        else:
            rec["externalId"] = ext
        if style == "aaf" and p.get("born"):
            rec["birthDate"] = p["born"]
        if usage:
            rec["usageName"] = usage
        if email:
            rec["email"] = email
        if addr:
            rec["address"] = addr
        self.counters[key] = rec
        self.add(rec, p)
        if dup or twice:
            tags.append("same-school-twice")
        if has_lost_letter(p["first"]) or has_lost_letter(p["last"]) or has_lost_letter(p.get("usage")):
            tags.append("encoding-loss")
        self.tag(rec, *tags)
        if twice:
            self.guardian(p, uai, style, children, role, code, mode=twice, dup=True)


if __name__ == "__main__":
    main()
