import pytest

from tests.curation.factories import make_curator, make_dataset


@pytest.fixture
def ds(db):
    return make_dataset()


@pytest.fixture
def curator(db):
    return make_curator()


@pytest.fixture
def cclient(client, curator):
    client.force_login(curator)
    return client
