"""Hypothesis fuzzing of the importers and the project loader (~250 cases here; tests/bench/fuzz_inputs.py runs
10,000+). Every generated file is either read or refused with the reader's own error naming the file, within
seconds; hostile files and situations (disguised layers, special files, bombs) are always refused in time."""

from __future__ import annotations

import pytest
from fuzzing import HOSTILE, TARGETS, check_file, check_geojson_data, feature_collections, private_tmp
from hypothesis import HealthCheck, given, settings

FUZZ = settings(max_examples=30, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(autouse=True)
def _own_temp_folder():
    with private_tmp():
        yield


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_readers_survive_generated_files(target):
    strategy, kind = TARGETS[target]

    @FUZZ
    @given(strategy)
    def run(case):
        name, data = case
        check_file(kind, name, data)

    run()


@FUZZ
@given(feature_collections)
def test_pipeline_survives_generated_geojson(data):
    check_geojson_data(data)


HOSTILE_FUZZ = settings(FUZZ, max_examples=15)  # each case is a bomb or a special file: fewer of them


@pytest.mark.parametrize("target", sorted(HOSTILE))
def test_readers_refuse_hostile_files_and_situations(target):
    strategy, check = HOSTILE[target]

    @HOSTILE_FUZZ
    @given(strategy)
    def run(case):
        check(case)

    run()
