#!/usr/bin/env python3
"""Generates the hostile-input corpus: one inbox per case, each with a good school beside the bad file.

  OUT/<case>/inbox/0610003C/…     the good school (ONDE, UTF-8 with BOM), copied from Fixtures/
  OUT/<case>/inbox/…              the bad file
  OUT/<case>/alim.toml            optional configuration (smaller limits for the zip bomb)
  OUT/cases.json                  per case: the bad file's path and what Alim must do with it

Expectations: "refused" = the file is refused whole (exit 65, a reject naming the file);
"rejects" = the file is read but some records are rejected (named in rejects.csv);
"imported" = nothing wrong (the records are in lineage.csv).
"""
import io
import json
import os
import shutil
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOOD = os.path.join(ROOT, "Fixtures", "inbox", "0610003C")
PUPIL_HEADER = ('"Nom Elève";"Nom d\'usage Elève";"Prénom Elève";"Date naissance";"Sexe";"Adresse1";"Cp1";'
                '"Commune1";"Pays1";"Adresse2";"Cp2";"Commune2";"Pays2";" Cycle";"Niveau";"Classe"')
ROW = '"DURAND";;"Paul";"2017-03-04";"M";;;;;;;;;"CYCLE III";"CM1";"CM1"'


def onde(rows, header=PUPIL_HEADER, eol="\r\n"):
    return eol.join([header] + rows)


def cp1252(text):
    return text.encode("cp1252")


def zip_bytes(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 9, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


BEE_HEAD = '<?xml version="1.0" encoding="ISO-8859-15"?>\n'

CASES = {
    "empty-file": ("0610009Z/CSVExtraction-eleves.csv", b"", "refused"),
    "header-only": ("0610009Z/CSVExtraction-eleves.csv", cp1252(PUPIL_HEADER + "\r\n"), "refused"),
    "binary-garbage": ("0610009Z/CSVExtraction-eleves.csv", bytes(range(256)) * 40 + b"\x00\x00\xff", "refused"),
    "utf16-bom": ("0610009Z/CSVExtraction-eleves.csv",
                  b"\xff\xfe" + onde([ROW]).encode("utf-16-le"), "imported"),
    "utf16-be-bom": ("0610009Z/CSVExtraction-eleves.csv",
                     b"\xfe\xff" + onde([ROW]).encode("utf-16-be"), "imported"),
    "comma-separated": ("0610009Z/CSVExtraction-eleves.csv", cp1252(onde([ROW]).replace(";", ",")), "imported"),
    "utf8-bom": ("0610009Z/CSVExtraction-eleves.csv", b"\xef\xbb\xbf" + onde([ROW]).encode("utf-8"), "imported"),
    "missing-columns": ("0610009Z/CSVExtraction-eleves.csv",
                        cp1252('"Sexe";"Classe"\r\n"M";"CM1"'), "refused"),
    "duplicated-header": ("0610009Z/CSVExtraction-eleves.csv",
                          cp1252(onde([ROW + ';"x"'], header=PUPIL_HEADER + ';"Classe"')), "refused"),
    "unbalanced-quote": ("0610009Z/CSVExtraction-eleves.csv",
                         cp1252(onde([ROW, '"MARTIN";;"Léa;"2017-01-02";"F"', ROW, ROW])), "refused"),
    "huge-line": ("0610009Z/CSVExtraction-eleves.csv",
                  cp1252(PUPIL_HEADER + "\r\n") + b'"' + b"A" * (3 << 20), "refused"),
    "many-fields": ("0610009Z/CSVExtraction-eleves.csv", cp1252(onde([ROW + ";x" * 600])), "refused-or-rejects"),
    "impossible-dates": ("0610009Z/CSVExtraction-eleves.csv",
                         cp1252(onde([ROW.replace("2017-03-04", "31/02/2017"),
                                      ROW.replace("2017-03-04", "2017-13-01").replace("Paul", "Jean"),
                                      ROW.replace("2017-03-04", "hier").replace("Paul", "Marc")])), "rejects"),
    "not-a-uai-folder": ("ecole-sans-uai/CSVExtraction-eleves.csv", cp1252(onde([ROW])), "refused"),
    "truncated-xml": ("colleges/ElevesSansAdresses.xml",
                      (BEE_HEAD + '<BEE_ELEVES VERSION="3.0"><PARAMETRES><UAJ>0620009Z</UAJ></PARAMETRES><DONNEES>'
                       '<ELEVES><ELEVE ELEVE_ID="1"><NOM_DE_FAMILLE>DUPONT</NOM_DE').encode("latin-1"), "refused"),
    "billion-laughs": ("colleges/ElevesSansAdresses.xml",
                       ('<?xml version="1.0"?>\n<!DOCTYPE BEE_ELEVES [\n <!ENTITY a "aaaaaaaaaa">\n'
                        + "".join(' <!ENTITY %s "%s">\n' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(9))
                        + ']>\n<BEE_ELEVES><PARAMETRES><UAJ>0620009Z</UAJ></PARAMETRES><DONNEES><ELEVES>'
                        '<ELEVE ELEVE_ID="1"><NOM_DE_FAMILLE>&j;</NOM_DE_FAMILLE><PRENOM>A</PRENOM></ELEVE>'
                        '</ELEVES></DONNEES></BEE_ELEVES>\n').encode(), "refused"),
    "xxe": ("colleges/ElevesSansAdresses.xml",
            ('<?xml version="1.0"?>\n<!DOCTYPE BEE_ELEVES [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n'
             '<BEE_ELEVES><PARAMETRES><UAJ>0620009Z</UAJ></PARAMETRES><DONNEES><ELEVES>'
             '<ELEVE ELEVE_ID="1"><NOM_DE_FAMILLE>&x;</NOM_DE_FAMILLE><PRENOM>A</PRENOM></ELEVE>'
             '</ELEVES></DONNEES></BEE_ELEVES>\n').encode(), "refused"),
    "unrelated-xml": ("colleges/page.xml", b'<?xml version="1.0"?>\n<html><body><p>Bonjour</p></body></html>\n',
                      "refused"),
    "zip-bomb": ("colleges/ExportXML_0620009Z.zip",
                 zip_bytes([("ElevesSansAdresses.xml", (BEE_HEAD + "<BEE_ELEVES>" + " " * (16 << 20)
                                                        + "</BEE_ELEVES>").encode())]), "refused"),
    "zip-slip": ("colleges/ExportXML_0620008Y.zip",
                 zip_bytes([("../../evil.xml", (BEE_HEAD + "<BEE_ELEVES/>").encode())]), "refused"),
}

CONFIG = {"zip-bomb": "[limits]\nmax_unzipped_bytes = 1048576\n"}


def main(out):
    if os.path.exists(out):
        shutil.rmtree(out)
    cases = {}
    for name, (path, data, expect) in sorted(CASES.items()):
        inbox = os.path.join(out, name, "inbox")
        shutil.copytree(GOOD, os.path.join(inbox, "0610003C"))
        full = os.path.join(inbox, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        if name in CONFIG:
            with open(os.path.join(out, name, "alim.toml"), "w") as f:
                f.write(CONFIG[name])
        cases[name] = {"file": path, "expect": expect}
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(cases, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
