import pytest

from newsroom.lib.roles import CHIEF_EDITOR, EDITOR, WRITER
from tests.factories import UserFactory


@pytest.fixture
def writer(db):
    return UserFactory(username="writer", role=WRITER)


@pytest.fixture
def other_writer(db):
    return UserFactory(username="other-writer", role=WRITER)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", role=EDITOR)


@pytest.fixture
def chief(db):
    return UserFactory(username="chief", role=CHIEF_EDITOR)
