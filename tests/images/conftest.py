import pytest

from newsroom.lib.roles import EDITOR, WRITER
from tests.factories import UserFactory


@pytest.fixture
def writer(db):
    return UserFactory(username="writer", role=WRITER)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", role=EDITOR)
