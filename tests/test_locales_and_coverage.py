"""Every message exists in English and French; every coverage file is well formed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from canpath.api import assess
from canpath.coverage import load_coverage
from canpath.i18n import catalog

EXAMPLES = sorted((Path(__file__).parent.parent / "examples" / "profiles").glob("*.yaml"))


def test_english_and_french_catalogs_have_the_same_keys() -> None:
    english, french = set(catalog("en")), set(catalog("fr"))
    assert not english - french, f"missing in French: {sorted(english - french)[:20]}"
    assert not french - english, f"missing in English: {sorted(french - english)[:20]}"


def test_templates_use_the_same_fields_in_both_languages() -> None:
    english, french = catalog("en"), catalog("fr")
    for key, template in english.items():
        fields = set(re.findall(r"\{(\w+)\}", template))
        assert fields == set(re.findall(r"\{(\w+)\}", french[key])), key


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_raw_message_key_reaches_the_output(path: Path, language: str) -> None:
    text = json.dumps(assess(path, on="2026-06-01").to_dict(language), ensure_ascii=False)
    keys = set(catalog("en"))
    leaked = [key for key in keys if f'"{key}"' in text]
    assert not leaked
    assert "{" not in "".join(re.findall(r'"(?:reason|needed|detail|name|label)": "([^"]*)"', text))


def test_coverage_files_list_what_is_modelled_and_what_is_not() -> None:
    entries = load_coverage()
    assert entries
    for entry in entries:
        assert entry["domain"]
        for item in entry["modelled"]:
            assert item["id"] and item["what"]
        for item in entry["not_modelled"]:
            assert item["what"] and item["why"]
