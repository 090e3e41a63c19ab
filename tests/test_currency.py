"""A new workbook's currency comes from the locale; unknown territories leave it unset."""

from __future__ import annotations

import pytest

from planning.currency import currency_for_locale
from planning.model import new_workbook


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("de_DE.UTF-8", "EUR"),
        ("en_GB.UTF-8", "GBP"),
        ("en_US", "USD"),
        ("fr_CH@euro", "CHF"),
        ("C.UTF-8", ""),
        ("POSIX", ""),
        ("xx_ZZ", ""),
        (None, ""),
    ],
)
def test_currency_for_locale(name, code) -> None:
    assert currency_for_locale(name) == code


def test_new_workbook_takes_the_locale_currency(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MONETARY", raising=False)
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert new_workbook().settings.currency == "SEK"
    assert new_workbook(currency="").settings.currency == ""
    assert new_workbook(currency="JPY").settings.currency == "JPY"
