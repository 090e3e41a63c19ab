"""The currency a new workbook starts with, guessed from the user's locale (ISO 4217).

Only the territory part of the locale name is read (de_DE → DE → EUR), so nothing global
such as `locale.setlocale` is touched; an unknown territory leaves the currency unset ("").
"""

from __future__ import annotations

import locale
import os

_EURO = "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK"  # euro area
_BY_TERRITORY: dict[str, str] = {
    **dict.fromkeys(_EURO.split(" "), "EUR"),
    "US": "USD",
    "GB": "GBP",
    "CH": "CHF",
    "CA": "CAD",
    "AU": "AUD",
    "NZ": "NZD",
    "JP": "JPY",
    "CN": "CNY",
    "IN": "INR",
    "SE": "SEK",
    "NO": "NOK",
    "DK": "DKK",
    "PL": "PLN",
    "CZ": "CZK",
    "HU": "HUF",
    "BR": "BRL",
    "MX": "MXN",
    "ZA": "ZAR",
    "SG": "SGD",
    "HK": "HKD",
    "KR": "KRW",
    "AE": "AED",
    "SA": "SAR",
    "IL": "ILS",
    "TR": "TRY",
    "NG": "NGN",
    "KE": "KES",
}


def currency_for_locale(name: str | None) -> str:
    """ "de_DE.UTF-8" → "EUR"; "" when the territory is unknown or missing."""
    if not name:
        return ""
    base = name.split(".", 1)[0].split("@", 1)[0]
    parts = base.replace("-", "_").split("_")
    return _BY_TERRITORY.get(parts[1].upper(), "") if len(parts) > 1 else ""


def locale_currency() -> str:
    """The currency of the user's locale (LC_ALL, LC_MONETARY, LANG, then Python's view)."""
    for variable in ("LC_ALL", "LC_MONETARY", "LANG"):
        value = os.environ.get(variable)
        if value:
            return currency_for_locale(value)
    return currency_for_locale(locale.getlocale()[0])
