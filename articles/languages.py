"""The languages and countries of sources and stories, stored as ISO codes.

A language is an ISO 639-1 code ("fr"), a country an ISO 3166-1 alpha-2 code ("FR",
through django-countries). Editors and old free text name them in words ("French",
"South Korea", "Frnace"): `language_code_for` / `country_code_for` read such a name, and
`language_suggestions` / `country_suggestions` say what a name that matches nothing may
have meant, for form errors and for the data migration that converted the old text.
"""

import difflib
import re
import unicodedata
from functools import cache

import pycountry
from django_countries import countries

# pycountry's ISO 639 names carry qualifiers readers do not use ("Modern Greek (1453-)").
_LANGUAGE_NAMES = {
    "el": "Greek",
    "ia": "Interlingua",
    "ms": "Malay",
    "ne": "Nepali",
    "oc": "Occitan",
    "or": "Odia",
    "sw": "Swahili",
    "to": "Tongan",
}
# Other words editors write for a language, lower case.
_LANGUAGE_ALIASES = {
    "castilian": "es",
    "farsi": "fa",
    "flemish": "nl",
    "mandarin": "zh",
    "cantonese": "zh",
    "brazilian portuguese": "pt",
    "oriya": "or",
    "gaelic": "gd",
    "moldovan": "ro",
    "punjabi": "pa",
}
# Other names editors write for a country, lower case (django-countries knows most).
_COUNTRY_ALIASES = {
    "usa": "US",
    "us": "US",
    "u.s.": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "korea": "KR",
    "republic of korea": "KR",
    "north korea": "KP",
    "russia": "RU",
    "holland": "NL",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "burma": "MM",
    "turkey": "TR",
    "swaziland": "SZ",
}
CLOSE_MATCH_CUTOFF = 0.7


def _key(text: str) -> str:
    """Lower case, without accents or extra spaces, so "Perú" and "peru " compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", plain).strip().lower()


# Languages


@cache
def language_names() -> dict[str, str]:
    """Every ISO 639-1 code with the English name readers know it by."""
    names = {}
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None)
        if code:
            names[code] = _LANGUAGE_NAMES.get(code, language.name.split(";")[0])
    return dict(sorted(names.items(), key=lambda item: item[1]))


def language_choices() -> list[tuple[str, str]]:
    """The choices of a language field (a callable, so migrations do not copy the list)."""
    return list(language_names().items())


def language_name(code: str) -> str:
    """The English name of a language code ("fr" -> "French"); "" for blank or unknown."""
    return language_names().get((code or "").lower(), "")


@cache
def _language_keys() -> dict[str, str]:
    keys = {_key(name): code for code, name in language_names().items()}
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None)
        if code:
            keys.setdefault(_key(language.name), code)
            keys.setdefault(_key(language.name.split(";")[0]), code)
            keys.setdefault(_key(language.alpha_3), code)
    keys.update(_LANGUAGE_ALIASES)
    return keys


def language_code_for(text: str) -> str | None:
    """The ISO 639-1 code of a language named or coded in text, or None if unclear."""
    key = _key(text)
    if not key:
        return None
    if key in language_names():
        return key
    return _language_keys().get(key)


def language_suggestions(text: str, limit: int = 3) -> list[str]:
    """Codes of the languages whose names are closest to text, best first."""
    keys = _language_keys()
    close = difflib.get_close_matches(_key(text), keys, n=limit * 2, cutoff=CLOSE_MATCH_CUTOFF)
    return list(dict.fromkeys(keys[match] for match in close))[:limit]


# Countries


def country_name(code: str) -> str:
    """The English name of a country code ("FR" -> "France"); "" for blank or unknown."""
    return countries.name(code) if code else ""


@cache
def _country_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                keys.setdefault(_key(value), country.alpha_2)
    for code, name in countries:
        keys[_key(name)] = code
    keys.update(_COUNTRY_ALIASES)
    return keys


def country_code_for(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country named or coded in text, or None if unclear."""
    key = _key(text)
    if not key:
        return None
    if len(key) == 2 and countries.name(key.upper()):
        return key.upper()
    if len(key) == 3:
        found = pycountry.countries.get(alpha_3=key.upper())
        if found:
            return str(found.alpha_2)
    return _country_keys().get(key)


def country_suggestions(text: str, limit: int = 3) -> list[str]:
    """Codes of the countries whose names are closest to text, best first."""
    keys = _country_keys()
    close = difflib.get_close_matches(_key(text), keys, n=limit * 2, cutoff=CLOSE_MATCH_CUTOFF)
    return list(dict.fromkeys(keys[match] for match in close))[:limit]
