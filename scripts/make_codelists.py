#!/usr/bin/env python3
"""Writes data/codelists/*.tsv: source codes and labels -> figure codes.

Country names come from Debian's iso-codes (ISO 3166-1); Eurostat's own
codes, labels and aggregates are listed below. Run again when iso-codes or
the lists below change; the output is sorted and deterministic.
Usage: scripts/make_codelists.py [ISO_3166_JSON] [OUT_DIR]"""
import json
import os
import sys

ISO = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "data", "codelists")

# Names people and agencies use that ISO does not list.
ALIASES = {
    "Cape Verde": "CV", "China (including Hong Kong)": "CN", "Cook Islands (NZ)": "CK",
    "Democratic Republic of the Congo": "CD", "Congo, Democratic Republic of the": "CD",
    "Former Yugoslav Republic of Macedonia, the": "MK", "North Macedonia": "MK", "Macedonia": "MK",
    "Gambia, The": "GM", "Kosovo": "XK", "Kosovo*": "XK",
    "Kosovo (under United Nations Security Council Resolution 1244/99)": "XK",
    "Myanmar/Burma": "MM", "Burma": "MM", "Palestine": "PS", "Russia": "RU", "Swaziland": "SZ",
    "São Tomé and Príncipe": "ST", "Sao Tome and Principe": "ST", "Turkey": "TR", "Türkiye": "TR",
    "Vatican City State": "VA", "Vatican": "VA", "Czech Republic": "CZ", "Czechia": "CZ",
    "Germany (until 1990 former territory of the FRG)": "DE", "Moldova": "MD", "Iran": "IR",
    "Syria": "SY", "Laos": "LA", "Vietnam": "VN", "South Korea": "KR", "North Korea": "KP",
    "Korea, South": "KR", "Korea, North": "KP", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ",
    "Ivory Coast": "CI", "Cote d'Ivoire": "CI", "Côte d'Ivoire": "CI", "Bahamas, The": "BS",
    "Brunei": "BN", "Taiwan": "TW", "United States": "US", "USA": "US", "UK": "GB",
    "Great Britain": "GB", "Serbia and Montenegro": "CS", "Bosnia-Herzegovina": "BA",
    "Antigua-Barbuda": "AG", "Trinidad-Tobago": "TT", "St. Lucia": "LC", "St. Kitts-Nevis": "KN",
    "St. Vincent-Grenadines": "VC", "Micronesia": "FM", "Netherlands": "NL", "Eswatini": "SZ",
}

# Groups of countries: kept as Eurostat codes (docs/MAPPINGS.md).
EUROSTAT_AGGREGATES = {
    "EU27_2020": ["European Union - 27 countries (from 2020)", "European Union (27 countries, from 2020)"],
    "EU28": ["European Union - 28 countries (2013-2020)", "European Union (28 countries)"],
    "EU27_2007": ["European Union - 27 countries (2007-2013)", "European Union (27 countries)"],
    "EFTA": ["European Free Trade Association"],
    "EA19": ["Euro area - 19 countries  (2015-2022)", "Euro area (19 countries)"],
    "EA20": ["Euro area – 20 countries (from 2023)"],
}

# Who is counted (subject): Eurostat's citizenship groups.
CITIZEN_GROUPS = {
    "foreign_citizens": ["TOTAL", "Total"],
    "non_eu27_citizens": ["EXT_EU27_2020", "Non-EU27 countries (from 2020) nor reporting country",
                          "Non-EU27 countries (from 2020)"],
    "non_eu28_citizens": ["EXT_EU28", "Non-EU28 countries (2013-2020) nor reporting country",
                          "Non-EU28 countries nor reporting country"],
    "eu27_citizens": ["EU27_2020_FOR", "EU27 countries (from 2020) except reporting country"],
    "stateless": ["STLS", "Stateless"],
    "unknown": ["UNK", "Unknown"],
    "recognised_non_citizens": ["RNC", "Recognised non-citizens"],
    "africa": ["AFR", "Africa"], "americas": ["AME", "America"], "asia": ["ASI", "Asia"],
    "oceania": ["OCE", "Oceania"], "europe": ["EUR", "Europe"],
}

UNITS = {"persons": ["PER", "Person", "Persons", "NR", "Number"]}


def countries():
    data = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    names = {}
    for c in data:
        for key in ("name", "common_name", "official_name"):
            if key in c:
                names[c[key]] = c["alpha_2"]
    names.update(ALIASES)
    codes = {c["alpha_2"]: c["alpha_2"] for c in data}
    codes["XK"] = "XK"  # Kosovo: user-assigned, used by Eurostat and the EU
    return names, codes


def write(name, pairs, header):
    seen = {}
    for src, dst in pairs:
        key = src.strip().casefold()
        if key in seen and seen[key][1] != dst:
            raise SystemExit(f"{name}: '{src}' maps to both {seen[key][1]} and {dst}")
        seen.setdefault(key, (src.strip(), dst))
    path = os.path.join(OUT, name + ".tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for src, dst in sorted(seen.values(), key=lambda p: (p[0].casefold(), p[0])):
            f.write(f"{src}\t{dst}\n")
    print(f"{path}: {len(seen)} entries")


def main():
    names, codes = countries()
    eurostat = dict(codes)
    eurostat.update({"EL": "GR", "UK": "GB"})  # Eurostat's codes for Greece and the UK
    agg = [(label, code) for code, labels in EUROSTAT_AGGREGATES.items() for label in labels + [code]]
    geo = list(names.items()) + list(eurostat.items()) + agg
    head = "# {what}\n# from<TAB>figure code; generated by scripts/make_codelists.py from ISO 3166-1 (iso-codes)\n"
    write("country_names", list(names.items()) + list(codes.items()),
          head.format(what="Country names and ISO 3166-1 alpha-2 codes -> alpha-2 code"))
    write("eurostat_geo", geo, head.format(
        what="Eurostat geo codes and labels -> ISO 3166-1 alpha-2 (EL -> GR, UK -> GB); EU aggregates keep Eurostat's code"))
    groups = [(label, code) for code, labels in CITIZEN_GROUPS.items() for label in labels]
    write("eurostat_citizen", geo + groups, head.format(
        what="Eurostat citizen codes and labels -> ISO 3166-1 alpha-2, or a group (TOTAL -> foreign_citizens, EXT_EU27_2020 -> non_eu27_citizens, ...)"))
    write("eurostat_unit", [(label, unit) for unit, labels in UNITS.items() for label in labels],
          "# Eurostat unit codes and labels -> figure unit\n")


if __name__ == "__main__":
    main()
