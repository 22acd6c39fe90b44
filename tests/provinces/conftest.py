"""Fixtures for the provincial-stream tests: the three scenario profiles of issue 4."""

from __future__ import annotations

import pytest

from canpath.profile import Profile

from .helpers import scenario


@pytest.fixture
def calgary() -> Profile:
    return scenario("calgary-software-developer")


@pytest.fixture
def toronto() -> Profile:
    return scenario("toronto-data-scientist")


@pytest.fixture
def vancouver() -> Profile:
    return scenario("vancouver-developer-one-year-offer")
