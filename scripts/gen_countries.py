"""Generate ``src/flashpoint/data/actors/countries.yaml`` from pycountry plus hand-kept extras.

Run once, by hand, when the country list needs refreshing (pycountry is a build-time tool only;
flashpoint reads the generated YAML and never imports pycountry):

    .venv/bin/pip install pycountry
    .venv/bin/python scripts/gen_countries.py

Every ISO 3166-1 entry gets its pycountry names. EXTRA adds what news actually writes: short
names, demonyms (adjective and plural), and the capital or seat that stands for the government
("Washington said"). Capitals that are also ordinary words or common names elsewhere (Male,
Victoria, Kingston) are left out on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src" / "flashpoint" / "data" / "actors" / "countries.yaml"

# iso3: (extra names, demonyms, capitals/seats of government)
EXTRA: dict[str, tuple[list[str], list[str], list[str]]] = {
    "AFG": ([], ["Afghan", "Afghans"], ["Kabul"]),
    "ALB": ([], ["Albanian", "Albanians"], ["Tirana"]),
    "DZA": ([], ["Algerian", "Algerians"], ["Algiers"]),
    "AND": ([], ["Andorran"], []),
    "AGO": ([], ["Angolan", "Angolans"], ["Luanda"]),
    "ATG": ([], ["Antiguan"], []),
    "ARG": ([], ["Argentine", "Argentinian", "Argentines"], ["Buenos Aires"]),
    "ARM": ([], ["Armenian", "Armenians"], ["Yerevan"]),
    "AUS": ([], ["Australian", "Australians"], ["Canberra"]),
    "AUT": ([], ["Austrian", "Austrians"], ["Vienna"]),
    "AZE": ([], ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"], ["Baku"]),
    "BHS": (["Bahamas"], ["Bahamian"], ["Nassau"]),
    "BHR": ([], ["Bahraini", "Bahrainis"], ["Manama"]),
    "BGD": ([], ["Bangladeshi", "Bangladeshis"], ["Dhaka"]),
    "BRB": ([], ["Barbadian"], ["Bridgetown"]),
    "BLR": ([], ["Belarusian", "Belarusians"], ["Minsk"]),
    "BEL": ([], ["Belgian", "Belgians"], ["Brussels"]),
    "BLZ": ([], ["Belizean"], ["Belmopan"]),
    "BEN": ([], ["Beninese"], ["Porto-Novo", "Cotonou"]),
    "BTN": ([], ["Bhutanese"], ["Thimphu"]),
    "BOL": (["Bolivia"], ["Bolivian", "Bolivians"], ["La Paz", "Sucre"]),
    "BIH": (["Bosnia"], ["Bosnian", "Bosnians"], ["Sarajevo"]),
    "BWA": ([], ["Botswanan", "Motswana"], ["Gaborone"]),
    "BRA": ([], ["Brazilian", "Brazilians"], ["Brasilia", "Brasília"]),
    "BRN": ([], ["Bruneian"], []),
    "BGR": ([], ["Bulgarian", "Bulgarians"], ["Sofia"]),
    "BFA": ([], ["Burkinabe", "Burkinabè"], ["Ouagadougou"]),
    "BDI": ([], ["Burundian", "Burundians"], ["Gitega", "Bujumbura"]),
    "CPV": (["Cape Verde"], ["Cape Verdean"], []),
    "KHM": ([], ["Cambodian", "Cambodians"], ["Phnom Penh"]),
    "CMR": ([], ["Cameroonian", "Cameroonians"], ["Yaounde", "Yaoundé"]),
    "CAN": ([], ["Canadian", "Canadians"], ["Ottawa"]),
    "CAF": ([], ["Central African"], ["Bangui"]),
    "TCD": ([], ["Chadian", "Chadians"], ["N'Djamena"]),
    "CHL": ([], ["Chilean", "Chileans"], []),
    "CHN": (["People's Republic of China", "PRC", "Mainland China"], ["Chinese"], ["Beijing"]),
    "COL": ([], ["Colombian", "Colombians"], ["Bogota", "Bogotá"]),
    "COM": ([], ["Comoran", "Comorian"], ["Moroni"]),
    "COG": (["Republic of the Congo", "Congo-Brazzaville"], [], ["Brazzaville"]),
    "COD": (["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Congo"], ["Congolese"], ["Kinshasa"]),
    "CRI": ([], ["Costa Rican", "Costa Ricans"], ["San Jose", "San José"]),
    "CIV": (["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"], ["Ivorian", "Ivorians"], ["Abidjan", "Yamoussoukro"]),
    "HRV": ([], ["Croatian", "Croatians", "Croat", "Croats"], ["Zagreb"]),
    "CUB": ([], ["Cuban", "Cubans"], ["Havana"]),
    "CYP": ([], ["Cypriot", "Cypriots"], ["Nicosia"]),
    "CZE": (["Czech Republic", "Czechia"], ["Czech", "Czechs"], ["Prague"]),
    "DNK": ([], ["Danish", "Danes"], ["Copenhagen"]),
    "DJI": ([], ["Djiboutian"], []),
    "DMA": ([], [], ["Roseau"]),
    "DOM": ([], ["Dominican", "Dominicans"], ["Santo Domingo"]),
    "ECU": ([], ["Ecuadorian", "Ecuadorians"], ["Quito"]),
    "EGY": ([], ["Egyptian", "Egyptians"], ["Cairo"]),
    "SLV": ([], ["Salvadoran", "Salvadorans"], ["San Salvador"]),
    "GNQ": ([], ["Equatoguinean"], ["Malabo"]),
    "ERI": ([], ["Eritrean", "Eritreans"], ["Asmara"]),
    "EST": ([], ["Estonian", "Estonians"], ["Tallinn"]),
    "SWZ": (["Swaziland"], ["Swazi"], ["Mbabane"]),
    "ETH": ([], ["Ethiopian", "Ethiopians"], ["Addis Ababa"]),
    "FJI": ([], ["Fijian", "Fijians"], ["Suva"]),
    "FIN": ([], ["Finnish", "Finns"], ["Helsinki"]),
    "FRA": ([], ["French"], ["Paris", "Elysee", "Élysée"]),
    "GAB": ([], ["Gabonese"], ["Libreville"]),
    "GMB": (["The Gambia"], ["Gambian", "Gambians"], ["Banjul"]),
    "GEO": ([], ["Georgian", "Georgians"], ["Tbilisi"]),
    "DEU": ([], ["German", "Germans"], ["Berlin"]),
    "GHA": ([], ["Ghanaian", "Ghanaians"], ["Accra"]),
    "GRC": ([], ["Greek", "Greeks"], ["Athens"]),
    "GRD": ([], ["Grenadian"], []),
    "GTM": ([], ["Guatemalan", "Guatemalans"], ["Guatemala City"]),
    "GIN": ([], ["Guinean", "Guineans"], ["Conakry"]),
    "GNB": ([], ["Bissau-Guinean"], ["Bissau"]),
    "GUY": ([], ["Guyanese"], []),
    "HTI": ([], ["Haitian", "Haitians"], ["Port-au-Prince"]),
    "HND": ([], ["Honduran", "Hondurans"], ["Tegucigalpa"]),
    "HUN": ([], ["Hungarian", "Hungarians"], ["Budapest"]),
    "ISL": ([], ["Icelandic", "Icelanders"], ["Reykjavik"]),
    "IND": ([], ["Indian", "Indians"], ["New Delhi"]),
    "IDN": ([], ["Indonesian", "Indonesians"], ["Jakarta"]),
    "IRN": (["Islamic Republic"], ["Iranian", "Iranians", "Persian"], ["Tehran", "Teheran"]),
    "IRQ": (["Republic of Iraq"], ["Iraqi", "Iraqis"], ["Baghdad"]),
    "IRL": (["Ireland"], ["Irish"], ["Dublin"]),
    "ISR": ([], ["Israeli", "Israelis"], ["Jerusalem", "Tel Aviv"]),
    "ITA": ([], ["Italian", "Italians"], ["Rome"]),
    "JAM": ([], ["Jamaican", "Jamaicans"], []),
    "JPN": ([], ["Japanese"], ["Tokyo"]),
    "JOR": ([], ["Jordanian", "Jordanians"], ["Amman"]),
    "KAZ": ([], ["Kazakh", "Kazakhs", "Kazakhstani"], ["Astana", "Nur-Sultan"]),
    "KEN": ([], ["Kenyan", "Kenyans"], ["Nairobi"]),
    "KIR": ([], ["I-Kiribati"], ["Tarawa"]),
    "PRK": (["North Korea", "DPRK"], ["North Korean", "North Koreans"], ["Pyongyang"]),
    "KOR": (["South Korea", "Republic of Korea"], ["South Korean", "South Koreans"], ["Seoul"]),
    "KWT": ([], ["Kuwaiti", "Kuwaitis"], ["Kuwait City"]),
    "KGZ": (["Kyrgyzstan"], ["Kyrgyz"], ["Bishkek"]),
    "LAO": (["Laos"], ["Laotian", "Lao"], ["Vientiane"]),
    "LVA": ([], ["Latvian", "Latvians"], ["Riga"]),
    "LBN": ([], ["Lebanese"], ["Beirut"]),
    "LSO": ([], ["Basotho"], ["Maseru"]),
    "LBR": ([], ["Liberian", "Liberians"], ["Monrovia"]),
    "LBY": ([], ["Libyan", "Libyans"], ["Tripoli"]),
    "LIE": ([], ["Liechtensteiner"], ["Vaduz"]),
    "LTU": ([], ["Lithuanian", "Lithuanians"], ["Vilnius"]),
    "LUX": ([], ["Luxembourgish", "Luxembourger"], []),
    "MDG": ([], ["Malagasy"], ["Antananarivo"]),
    "MWI": ([], ["Malawian", "Malawians"], ["Lilongwe"]),
    "MYS": ([], ["Malaysian", "Malaysians"], ["Kuala Lumpur"]),
    "MDV": ([], ["Maldivian", "Maldivians"], []),
    "MLI": ([], ["Malian", "Malians"], ["Bamako"]),
    "MLT": ([], ["Maltese"], ["Valletta"]),
    "MHL": ([], ["Marshallese"], ["Majuro"]),
    "MRT": ([], ["Mauritanian", "Mauritanians"], ["Nouakchott"]),
    "MUS": ([], ["Mauritian", "Mauritians"], []),
    "MEX": ([], ["Mexican", "Mexicans"], ["Mexico City"]),
    "FSM": (["Micronesia"], ["Micronesian"], ["Palikir"]),
    "MDA": (["Moldova"], ["Moldovan", "Moldovans"], ["Chisinau", "Chișinău"]),
    "MCO": ([], ["Monegasque"], []),
    "MNG": ([], ["Mongolian", "Mongolians"], ["Ulaanbaatar", "Ulan Bator"]),
    "MNE": ([], ["Montenegrin", "Montenegrins"], ["Podgorica"]),
    "MAR": ([], ["Moroccan", "Moroccans"], ["Rabat"]),
    "MOZ": ([], ["Mozambican", "Mozambicans"], ["Maputo"]),
    "MMR": (["Burma"], ["Burmese", "Myanmarese"], ["Naypyidaw", "Naypyitaw"]),
    "NAM": ([], ["Namibian", "Namibians"], ["Windhoek"]),
    "NRU": ([], ["Nauruan"], []),
    "NPL": ([], ["Nepali", "Nepalese"], ["Kathmandu"]),
    "NLD": (["Holland", "The Netherlands"], ["Dutch"], ["Amsterdam", "The Hague"]),
    "NZL": ([], ["New Zealander", "New Zealanders"], ["Wellington"]),
    "NIC": ([], ["Nicaraguan", "Nicaraguans"], ["Managua"]),
    "NER": ([], ["Nigerien", "Nigeriens"], ["Niamey"]),
    "NGA": ([], ["Nigerian", "Nigerians"], ["Abuja"]),
    "MKD": (["Macedonia"], ["Macedonian", "Macedonians"], ["Skopje"]),
    "NOR": ([], ["Norwegian", "Norwegians"], ["Oslo"]),
    "OMN": ([], ["Omani", "Omanis"], ["Muscat"]),
    "PAK": ([], ["Pakistani", "Pakistanis"], ["Islamabad"]),
    "PLW": ([], ["Palauan"], []),
    "PSE": (["Palestine", "Palestinian Authority", "Palestinian territories", "Gaza", "Gaza Strip", "West Bank"], ["Palestinian", "Palestinians", "Gazan", "Gazans"], ["Ramallah"]),
    "PAN": ([], ["Panamanian", "Panamanians"], ["Panama City"]),
    "PNG": ([], ["Papua New Guinean"], ["Port Moresby"]),
    "PRY": ([], ["Paraguayan", "Paraguayans"], ["Asuncion", "Asunción"]),
    "PER": ([], ["Peruvian", "Peruvians"], ["Lima"]),
    "PHL": (["Philippines", "The Philippines"], ["Filipino", "Filipinos", "Philippine"], ["Manila"]),
    "POL": ([], ["Polish", "Poles"], ["Warsaw"]),
    "PRT": ([], ["Portuguese"], ["Lisbon"]),
    "QAT": ([], ["Qatari", "Qataris"], ["Doha"]),
    "ROU": ([], ["Romanian", "Romanians"], ["Bucharest"]),
    # The Soviet Union is coded as Russia, its continuing state (ISO 3166 has no current code for it).
    "RUS": (["Russia", "Russian Federation", "Soviet Union", "USSR", "U.S.S.R."], ["Russian", "Russians", "Soviet", "Soviets"],
            ["Moscow", "Kremlin", "the Kremlin"]),
    "RWA": ([], ["Rwandan", "Rwandans"], ["Kigali"]),
    "KNA": (["St Kitts and Nevis"], ["Kittitian"], ["Basseterre"]),
    "LCA": (["St Lucia"], ["St Lucian"], ["Castries"]),
    "VCT": (["St Vincent"], ["Vincentian"], ["Kingstown"]),
    "WSM": ([], ["Samoan", "Samoans"], ["Apia"]),
    "SMR": ([], ["Sammarinese"], []),
    "STP": ([], ["Santomean"], []),
    "SAU": (["Saudi Arabia", "Saudi", "KSA", "the Kingdom of Saudi Arabia"], ["Saudi", "Saudis"], ["Riyadh"]),
    "SEN": ([], ["Senegalese"], ["Dakar"]),
    "SRB": ([], ["Serbian", "Serbians", "Serb", "Serbs"], ["Belgrade"]),
    "SYC": ([], ["Seychellois"], []),
    "SLE": ([], ["Sierra Leonean", "Sierra Leoneans"], ["Freetown"]),
    "SGP": ([], ["Singaporean", "Singaporeans"], []),
    "SVK": ([], ["Slovak", "Slovaks"], ["Bratislava"]),
    "SVN": ([], ["Slovenian", "Slovenians", "Slovene"], ["Ljubljana"]),
    "SLB": ([], ["Solomon Islander"], ["Honiara"]),
    "SOM": ([], ["Somali", "Somalis"], ["Mogadishu"]),
    "ZAF": ([], ["South African", "South Africans"], ["Pretoria", "Cape Town"]),
    "SSD": ([], ["South Sudanese"], ["Juba"]),
    "ESP": ([], ["Spanish", "Spaniards"], ["Madrid"]),
    "LKA": ([], ["Sri Lankan", "Sri Lankans"], ["Colombo"]),
    "SDN": ([], ["Sudanese"], ["Khartoum"]),
    "SUR": ([], ["Surinamese"], ["Paramaribo"]),
    "SWE": ([], ["Swedish", "Swedes"], ["Stockholm"]),
    "CHE": ([], ["Swiss"], ["Bern", "Berne"]),
    "SYR": (["Syria", "Syrian Arab Republic"], ["Syrian", "Syrians"], ["Damascus"]),
    "TWN": (["Taiwan", "Republic of China"], ["Taiwanese"], ["Taipei"]),
    "TJK": ([], ["Tajik", "Tajiks", "Tajikistani"], ["Dushanbe"]),
    "TZA": (["Tanzania"], ["Tanzanian", "Tanzanians"], ["Dodoma", "Dar es Salaam"]),
    "THA": ([], ["Thai"], ["Bangkok"]),
    "TLS": (["East Timor"], ["Timorese"], ["Dili"]),
    "TGO": ([], ["Togolese"], ["Lome", "Lomé"]),
    "TON": ([], ["Tongan"], ["Nuku'alofa"]),
    "TTO": ([], ["Trinidadian"], ["Port of Spain"]),
    "TUN": ([], ["Tunisian", "Tunisians"], ["Tunis"]),
    "TUR": (["Turkey", "Türkiye", "Turkiye"], ["Turkish", "Turks"], ["Ankara"]),
    # Not "Turkmen": in Iraq and Syria reporting that is a people ("Syrian Turkmen rebels", "the
    # Iraqi Turkmen Front"), not Turkmenistan's.
    "TKM": ([], ["Turkmenistani"], ["Ashgabat"]),
    "TUV": ([], ["Tuvaluan"], ["Funafuti"]),
    "UGA": ([], ["Ugandan", "Ugandans"], ["Kampala"]),
    "UKR": ([], ["Ukrainian", "Ukrainians", "Ukranian"], ["Kyiv", "Kiev"]),
    "ARE": (["United Arab Emirates", "UAE", "U.A.E.", "Emirates"], ["Emirati", "Emiratis"], ["Abu Dhabi"]),
    "GBR": (["United Kingdom", "U.K.", "UK", "Britain", "Great Britain", "England", "Scotland"], ["British", "Briton", "Britons", "English", "Scottish"], ["London", "Downing Street", "Whitehall"]),
    "USA": (["United States", "United States of America", "U.S.", "U.S", "US", "USA", "U.S.A.", "America"], ["American", "Americans"], ["Washington", "White House", "the White House"]),
    "URY": ([], ["Uruguayan", "Uruguayans"], ["Montevideo"]),
    "UZB": ([], ["Uzbek", "Uzbeks"], ["Tashkent"]),
    "VUT": ([], ["Ni-Vanuatu"], ["Port Vila"]),
    "VAT": (["Vatican", "Holy See", "Vatican City"], [], []),
    "VEN": (["Venezuela"], ["Venezuelan", "Venezuelans"], ["Caracas"]),
    "VNM": (["Vietnam"], ["Vietnamese"], ["Hanoi"]),
    "YEM": ([], ["Yemeni", "Yemenis"], ["Sanaa", "Sana'a", "Aden"]),
    "ZMB": ([], ["Zambian", "Zambians"], ["Lusaka"]),
    "ZWE": ([], ["Zimbabwean", "Zimbabweans"], ["Harare"]),
}


def _names(country: object) -> list[str]:
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if value and value not in names:
            names.append(value)
    # pycountry's "Iran, Islamic Republic of" is an index form: news writes it the other way round.
    # "Taiwan, Province of China" has no everyday un-inverted form.
    return [_uninvert(n) for n in names if "Province of" not in n]


def _uninvert(name: str) -> str:
    if ", " not in name:
        return name
    head, _, rest = name.partition(", ")
    rest = rest[4:] if rest.lower().startswith("the ") and rest.lower().endswith(" of the") else rest
    return f"{rest} {head}"


def main() -> None:
    countries: dict[str, dict[str, object]] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3 = country.alpha_3
        extra_names, demonyms, capitals = EXTRA.get(iso3, ([], [], []))
        names = [*extra_names, *_names(country)]
        name = getattr(country, "common_name", None) or _names(country)[0]
        entry: dict[str, object] = {"name": name, "names": list(dict.fromkeys(names))}
        if demonyms:
            entry["demonyms"] = demonyms
        if capitals:
            entry["capitals"] = capitals
        countries[iso3] = entry
    header = (
        "# Every ISO 3166-1 country: names, demonyms and the capital or seat that stands for its\n"
        "# government. GENERATED by scripts/gen_countries.py (pycountry + hand-kept extras);\n"
        "# edit the script's EXTRA table, not this file, and re-run it.\n"
    )
    body = yaml.safe_dump({"countries": countries}, allow_unicode=True, sort_keys=False, width=200,
                          default_flow_style=None)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{len(countries)} countries -> {OUT}")


if __name__ == "__main__":
    main()
