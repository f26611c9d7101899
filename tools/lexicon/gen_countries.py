#!/usr/bin/env python3
"""Generate csrc/lexicon/countries.tsv and csrc/lexicon/demonyms.tsv.

Countries come from ISO 3166-1 as shipped by Debian's iso-codes package
(/usr/share/iso-codes/json/iso_3166-1.json): the ISO short name, the common
name and the official name of every entry, all mapped to one canonical
English short name.  The common English variants news writers use (Britain,
U.S., Ivory Coast, Burma, ...) and the demonyms come from the tables below,
assembled by hand from general knowledge.

Usage: python3 tools/lexicon/gen_countries.py [iso_3166-1.json] [outdir]
The output is committed, so a build needs neither Python nor iso-codes.
"""
import json
import os
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

# The canonical name where the ISO short name is not what English news
# writes (keyed by alpha-2 code).
CANONICAL = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CI": "Ivory Coast", "CV": "Cape Verde",
    "CZ": "Czech Republic", "FK": "Falkland Islands", "FM": "Micronesia",
    "GM": "Gambia", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
    "LA": "Laos", "MD": "Moldova", "MF": "Saint Martin", "MO": "Macau",
    "PS": "Palestine", "RU": "Russia", "SH": "Saint Helena",
    "SX": "Sint Maarten", "SY": "Syria", "TL": "East Timor", "TR": "Turkey",
    "TW": "Taiwan", "TZ": "Tanzania", "VA": "Vatican City",
    "VE": "Venezuela", "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands", "VN": "Vietnam", "BQ": "Caribbean Netherlands",
    "CC": "Cocos Islands", "PN": "Pitcairn Islands",
}

# ISO entries that are not countries in the GPE sense (a continent).
SKIP = {"AQ"}

def usable(name):
    """Is an ISO name usable as a surface?  ISO lists some names in an
    inverted or bracketed form ("Korea, Republic of", "Falkland Islands
    (Malvinas)"), which no text writes."""
    return name and "," not in name and "(" not in name

# Extra surface forms per country: short forms, older names, abbreviations
# and spellings without diacritics.
VARIANTS = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America",
           "America", "the United States"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "United Kingdom"],
    "RU": ["Russian Federation", "Russia"],
    "CN": ["PRC", "P.R.C.", "Mainland China"],
    "TW": ["Republic of China"],
    "KR": ["Republic of Korea", "ROK", "South Korea"],
    "KP": ["DPRK", "North Korea"],
    "BY": ["Byelorussia", "Belorussia"],
    "MD": ["Moldavia"],
    "KG": ["Kirghizia", "Kyrgyz Republic"],
    "NL": ["Holland"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "TR": ["Turkey", "Turkiye"],
    "CZ": ["Czechia"],
    "MK": ["Macedonia", "Republic of Macedonia"],
    "MM": ["Burma"],
    "TL": ["East Timor"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of the Congo",
           "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Republic of Congo", "Congo-Brazzaville"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "AE": ["UAE", "U.A.E."],
    "SA": ["KSA"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "MO": ["Macau"],
    "PS": ["Palestinian territories"],
    "FK": ["Falklands", "Falkland Islands", "Malvinas"],
    "VN": ["Vietnam", "Viet Nam"],
    "LA": ["Laos"],
    "SY": ["Syria"],
    "IR": ["Iran", "Persia"],
    "VE": ["Venezuela"],
    "BO": ["Bolivia"],
    "TZ": ["Tanzania"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
    "AX": ["Aland Islands", "Aland"],
    "BL": ["Saint Barthelemy", "St. Barts", "St Barts"],
        "CW": ["Curacao"],
    "ST": ["São Tomé and Príncipe", "Sao Tome"],
    "KN": ["St. Kitts and Nevis", "St Kitts and Nevis"],
    "LC": ["St. Lucia", "St Lucia"],
    "VC": ["St. Vincent and the Grenadines", "St Vincent and the Grenadines"],
    "PM": ["St. Pierre and Miquelon"],
    "SH": ["Saint Helena", "St. Helena", "St Helena"],
    "MF": ["Saint Martin", "St. Martin"],
    "SX": ["Sint Maarten"],
    "GW": ["Guinea Bissau"],
    "TT": ["Trinidad"],
    "AG": ["Antigua"],
    "PG": ["PNG"],
    "NZ": ["Aotearoa"],
    "VG": ["British Virgin Islands"],
    "VI": ["U.S. Virgin Islands", "US Virgin Islands"],
    "CC": ["Cocos Islands", "Keeling Islands"],
    "PN": ["Pitcairn Islands"],
    "BQ": ["Caribbean Netherlands"],
    "SJ": ["Svalbard"],
    "GE": ["Republic of Georgia"],
}

# States that ISO 3166-1 leaves out: partly recognised ones, the countries
# of the United Kingdom, and former states that news still names.
EXTRA = [
    ("Kosovo", ["Republic of Kosovo"]),
    ("England", []), ("Scotland", []), ("Wales", []),
    ("Northern Ireland", []),
    ("Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"]),
    ("Yugoslavia", []), ("Czechoslovakia", []),
    ("East Germany", ["German Democratic Republic", "GDR"]),
    ("West Germany", []),
]

# Demonyms: the canonical singular adjective first, then the other forms
# (plural nouns, singular nouns).  Words that are also common English words
# in lower case are safe: the lexicon's case rule needs the capital.
DEMONYMS = {
    "AF": "Afghan Afghans", "AL": "Albanian Albanians",
    "DZ": "Algerian Algerians", "AD": "Andorran Andorrans",
    "AO": "Angolan Angolans", "AR": "Argentine Argentines Argentinian Argentinians Argentinean",
    "AM": "Armenian Armenians", "AU": "Australian Australians Aussie Aussies",
    "AT": "Austrian Austrians", "AZ": "Azerbaijani Azerbaijanis Azeri Azeris",
    "BH": "Bahraini Bahrainis", "BD": "Bangladeshi Bangladeshis",
    "BB": "Barbadian Barbadians", "BY": "Belarusian Belarusians Belarussian Belarussians Byelorussian Belorussian",
    "BE": "Belgian Belgians", "BZ": "Belizean Belizeans", "BJ": "Beninese",
    "BT": "Bhutanese", "BO": "Bolivian Bolivians",
    "BA": "Bosnian Bosnians", "BW": "Botswanan Motswana Batswana",
    "BR": "Brazilian Brazilians", "BN": "Bruneian Bruneians",
    "BG": "Bulgarian Bulgarians", "BF": "Burkinabe",
    "BI": "Burundian Burundians", "KH": "Cambodian Cambodians",
    "CM": "Cameroonian Cameroonians", "CA": "Canadian Canadians",
    "CV": "Cape Verdean Cape Verdeans", "CF": "Central African Central Africans",
    "TD": "Chadian Chadians", "CL": "Chilean Chileans", "CN": "Chinese",
    "CO": "Colombian Colombians", "KM": "Comoran Comorans",
    "CD": "Congolese", "CR": "Costa Rican Costa Ricans",
    "CI": "Ivorian Ivorians", "HR": "Croatian Croatians Croat Croats",
    "CU": "Cuban Cubans", "CY": "Cypriot Cypriots",
    "CZ": "Czech Czechs", "DK": "Danish Danes Dane",
    "DJ": "Djiboutian Djiboutians", "DO": "Dominican Dominicans",
    "EC": "Ecuadorian Ecuadorians Ecuadoran", "EG": "Egyptian Egyptians",
    "SV": "Salvadoran Salvadorans Salvadorean", "GQ": "Equatorial Guinean",
    "ER": "Eritrean Eritreans", "EE": "Estonian Estonians",
    "SZ": "Swazi Swazis", "ET": "Ethiopian Ethiopians", "FJ": "Fijian Fijians",
    "FI": "Finnish Finns", "FR": "French Frenchman Frenchmen Frenchwoman",
    "GA": "Gabonese", "GM": "Gambian Gambians", "GE": "Georgian Georgians",
    "DE": "German Germans", "GH": "Ghanaian Ghanaians",
    "GR": "Greek Greeks", "GD": "Grenadian Grenadians",
    "GT": "Guatemalan Guatemalans", "GN": "Guinean Guineans",
    "GY": "Guyanese", "HT": "Haitian Haitians", "HN": "Honduran Hondurans",
    "HU": "Hungarian Hungarians", "IS": "Icelandic Icelanders Icelander",
    "IN": "Indian Indians", "ID": "Indonesian Indonesians",
    "IR": "Iranian Iranians Persian Persians", "IQ": "Iraqi Iraqis",
    "IE": "Irish Irishman Irishmen Irishwoman", "IL": "Israeli Israelis",
    "IT": "Italian Italians", "JM": "Jamaican Jamaicans",
    "JP": "Japanese", "JO": "Jordanian Jordanians",
    "KZ": "Kazakh Kazakhs Kazakhstani Kazakhstanis", "KE": "Kenyan Kenyans",
    "KP": "North Korean North Koreans", "KR": "South Korean South Koreans",
    "KW": "Kuwaiti Kuwaitis", "KG": "Kyrgyz Kyrgyzstani Kyrgyzstanis Kirghiz",
    "LA": "Laotian Laotians", "LV": "Latvian Latvians",
    "LB": "Lebanese", "LR": "Liberian Liberians", "LY": "Libyan Libyans",
    "LT": "Lithuanian Lithuanians", "LU": "Luxembourgish Luxembourger Luxembourgers",
    "MG": "Malagasy", "MW": "Malawian Malawians", "MY": "Malaysian Malaysians",
    "MV": "Maldivian Maldivians", "ML": "Malian Malians",
    "MT": "Maltese", "MR": "Mauritanian Mauritanians",
    "MU": "Mauritian Mauritians", "MX": "Mexican Mexicans",
    "MD": "Moldovan Moldovans Moldavian", "MC": "Monegasque",
    "MN": "Mongolian Mongolians", "ME": "Montenegrin Montenegrins",
    "MA": "Moroccan Moroccans", "MZ": "Mozambican Mozambicans",
    "MM": "Burmese Myanmarese", "NA": "Namibian Namibians",
    "NP": "Nepali Nepalis Nepalese", "NL": "Dutch Dutchman Dutchmen Dutchwoman Netherlander",
    "NZ": "New Zealander New Zealanders", "NI": "Nicaraguan Nicaraguans",
    "NE": "Nigerien Nigeriens", "NG": "Nigerian Nigerians",
    "MK": "Macedonian Macedonians North Macedonian",
    "NO": "Norwegian Norwegians", "OM": "Omani Omanis",
    "PK": "Pakistani Pakistanis", "PS": "Palestinian Palestinians",
    "PA": "Panamanian Panamanians", "PG": "Papua New Guinean",
    "PY": "Paraguayan Paraguayans", "PE": "Peruvian Peruvians",
    "PH": "Filipino Filipinos Filipina Philippine",
    "PL": "Polish Poles", "PT": "Portuguese",
    "QA": "Qatari Qataris", "RO": "Romanian Romanians",
    "RU": "Russian Russians", "RW": "Rwandan Rwandans",
    "SA": "Saudi Saudis Saudi Arabian", "SN": "Senegalese",
    "RS": "Serbian Serbians Serb Serbs", "SL": "Sierra Leonean Sierra Leoneans",
    "SG": "Singaporean Singaporeans", "SK": "Slovak Slovaks Slovakian",
    "SI": "Slovenian Slovenians Slovene Slovenes", "SO": "Somali Somalis",
    "ZA": "South African South Africans", "SS": "South Sudanese",
    "ES": "Spanish Spaniard Spaniards", "LK": "Sri Lankan Sri Lankans",
    "SD": "Sudanese", "SR": "Surinamese", "SE": "Swedish Swedes Swede",
    "CH": "Swiss", "SY": "Syrian Syrians", "TW": "Taiwanese",
    "TJ": "Tajik Tajiks Tajikistani", "TZ": "Tanzanian Tanzanians",
    "TH": "Thai Thais", "TG": "Togolese", "TT": "Trinidadian Trinidadians",
    "TN": "Tunisian Tunisians", "TR": "Turkish Turks Turk",
    "TM": "Turkmen Turkmens", "UG": "Ugandan Ugandans",
    "UA": "Ukrainian Ukrainians", "XK": "Kosovar Kosovars Kosovan",
    "GB-ENG": "English Englishman Englishmen Englishwoman",
    "GB-SCT": "Scottish Scots Scot Scotsman Scotswoman",
    "GB-WLS": "Welsh Welshman Welshmen", "SU": "Soviet Soviets", "AE": "Emirati Emiratis",
    "GB": "British Britons Briton Brits Brit",
    "US": "American Americans",
    "UY": "Uruguayan Uruguayans", "UZ": "Uzbek Uzbeks Uzbekistani",
    "VE": "Venezuelan Venezuelans", "VN": "Vietnamese",
    "YE": "Yemeni Yemenis", "ZM": "Zambian Zambians",
    "ZW": "Zimbabwean Zimbabweans", "SM": "Sammarinese",
    "LI": "Liechtensteiner Liechtensteiners", "MH": "Marshallese",
    "WS": "Samoan Samoans", "TO": "Tongan Tongans", "VU": "Ni-Vanuatu",
    "SB": "Solomon Islander Solomon Islanders", "KI": "I-Kiribati",
    "PW": "Palauan Palauans", "NR": "Nauruan Nauruans",
    "TV": "Tuvaluan Tuvaluans", "TL": "Timorese East Timorese",
    "SC": "Seychellois", "LS": "Basotho Mosotho", "HK": "Hong Konger Hong Kongers",
    "PR": "Puerto Rican Puerto Ricans", "GL": "Greenlandic Greenlanders",
}

# Demonyms made of two words must be split on the known two-word
# adjectives, not on every space.
TWO_WORD = ["Cape Verdean", "Cape Verdeans", "Central African",
            "Central Africans", "Costa Rican", "Costa Ricans",
            "Equatorial Guinean", "North Korean", "North Koreans",
            "South Korean", "South Koreans", "New Zealander",
            "New Zealanders", "Papua New Guinean", "Saudi Arabian",
            "Sierra Leonean", "Sierra Leoneans", "South African",
            "South Africans", "South Sudanese", "Sri Lankan", "Sri Lankans",
            "Solomon Islander", "Solomon Islanders", "East Timorese",
            "Hong Konger", "Hong Kongers", "Puerto Rican", "Puerto Ricans",
            "North Macedonian"]


def split_demonyms(text):
    """Split a DEMONYMS value into its forms, keeping two-word ones whole."""
    forms = []
    for two in sorted(TWO_WORD, key=len, reverse=True):
        if two in text:
            text = text.replace(two, two.replace(" ", "\x01"))
    for word in text.split():
        forms.append(word.replace("\x01", " "))
    return forms


def main():
    """Read ISO 3166-1, write countries.tsv and demonyms.tsv."""
    iso = sys.argv[1] if len(sys.argv) > 1 else ISO
    outdir = sys.argv[2] if len(sys.argv) > 2 else "csrc/lexicon"
    with open(iso, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]

    lines = []
    seen = set()

    # add one surface once (the first canonical given wins); a leading
    # "the" is dropped, since an article is never part of a span
    def emit(surface, canonical):
        if surface.startswith("the "):
            surface = surface[4:]
        if surface in seen:
            return
        seen.add(surface)
        lines.append(f"{surface}\tGPE\t{canonical}")

    # every ISO entry: its canonical name first, then the ISO forms,
    # then the hand-made variants
    for e in sorted(entries, key=lambda e: e["alpha_2"]):
        code = e["alpha_2"]
        if code in SKIP:
            continue
        canonical = CANONICAL.get(code, e.get("common_name") or e["name"])
        emit(canonical, canonical)
        for name in (e["name"], e.get("common_name"), e.get("official_name")):
            if usable(name):
                emit(name, canonical)
        for name in VARIANTS.get(code, []):
            emit(name, canonical)

    for canonical, variants in EXTRA:
        emit(canonical, canonical)
        for name in variants:
            emit(name, canonical)

    head = ("# countries.tsv: every country and territory of ISO 3166-1 (from\n"
            "# Debian's iso-codes package) with the common English short forms\n"
            "# and older names, as GPE; canonical = the common English short name.\n"
            "# Generated by tools/lexicon/gen_countries.py: edit the script, not\n"
            "# this file.\n")
    with open(os.path.join(outdir, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write(head + "\n".join(lines) + "\n")

    # the demonyms: the first form is the canonical adjective
    dlines = []
    dseen = set()
    for code in sorted(DEMONYMS):
        forms = split_demonyms(DEMONYMS[code])
        canonical = forms[0]
        for form in forms:
            if form in dseen:
                continue
            dseen.add(form)
            dlines.append(f"{form}\tNORP\t{canonical}")
    dhead = ("# demonyms.tsv (national part): the adjective, plural and singular\n"
             "# nouns of every sovereign country, as NORP; canonical = the\n"
             "# singular adjective (Russians -> Russian, Poles -> Polish).\n"
             "# Generated by tools/lexicon/gen_countries.py from its hand-made\n"
             "# table; religious, political and ethnic groups are in groups.tsv.\n")
    with open(os.path.join(outdir, "demonyms.tsv"), "w", encoding="utf-8") as f:
        f.write(dhead + "\n".join(dlines) + "\n")


if __name__ == "__main__":
    main()
