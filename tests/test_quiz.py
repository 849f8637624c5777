"""Issue 15, deliverable 6: the "Where is …?" quiz model — its questions, its scoring on the ground, a run."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import Point, shape

from corridor_viewer.io.classroom import quiz_questions
from corridor_viewer.model.quiz import Question, Quiz, QuizError, lonlat_geometry, parse_questions, score_click

GEOD = Geod(ellps="WGS84")
STORY_PLACES = {"nakhchivan", "syunik", "meghri", "aras-river", "kars"}  # the places the issue names


@pytest.fixture(scope="module")
def features(doc_factory):
    return {f.id: f for f in doc_factory().features()}


@pytest.fixture(scope="module")
def questions():
    return {q.feature_id: q for q in quiz_questions()}


def q_for(questions, fid: str) -> Question:
    return questions[fid]


def utm_km(geometry: dict, lon: float, lat: float) -> float:
    """An independent distance: both in the UTM zone of the click (metres), shapely's planar distance."""
    zone = int((lon + 180) // 6) + 1
    t = Transformer.from_crs("EPSG:4326", f"EPSG:{32600 + zone}", always_xy=True)
    g = shapely.transform(shape(geometry), lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))
    return g.distance(Point(*t.transform(lon, lat))) / 1000


def test_the_quiz_asks_for_the_story_places_in_both_languages(questions, features):
    assert STORY_PLACES <= set(questions)
    for fid, q in questions.items():
        assert fid in features, f"{q.id}: no feature {fid} on the map"
        assert q.prompt.get("ar") and q.prompt.get("en") and q.answer_note.get("ar") and q.answer_note.get("en")
        assert 5 <= q.tolerance_km <= 50
        assert "?" in q.prompt["en"] and "؟" in q.prompt["ar"]


def test_a_click_inside_an_area_is_right_at_zero_km(questions, features):
    q = q_for(questions, "nakhchivan")
    a = score_click(q, lonlat_geometry(features["nakhchivan"]), 45.4, 39.2)  # near Nakhchivan city
    assert a.right and a.distance_km == 0 and a.nearest == (45.4, 39.2)


def test_a_click_near_a_town_counts_within_its_tolerance_and_says_how_far_beyond(questions, features):
    q = q_for(questions, "meghri")
    lon, lat = lonlat_geometry(features["meghri"])["coordinates"]
    for km, right in ((q.tolerance_km * 0.6, True), (q.tolerance_km * 1.6, False), (120.0, False)):
        for bearing in (0, 75, 200):
            clon, clat, _ = GEOD.fwd(lon, lat, bearing, km * 1000)
            a = score_click(q, lonlat_geometry(features["meghri"]), clon, clat)
            assert a.right is right
            assert a.distance_km == pytest.approx(km, abs=0.01)  # geodesic, to ten metres
            assert a.nearest == pytest.approx((lon, lat), abs=1e-9)


def test_distances_to_a_river_and_an_area_agree_with_an_independent_measure(questions, features):
    for fid, (clon, clat) in (("aras-river", (44.6, 40.3)), ("syunik", (45.0, 39.6)), ("kars", (43.0, 39.5)),
                              ("aras-river", (46.8, 38.2)), ("nakhchivan", (44.5, 40.6))):
        g = lonlat_geometry(features[fid])
        a = score_click(q_for(questions, fid), g, clon, clat)
        ref = utm_km(g, clon, clat)
        assert a.distance_km > 0 and not a.right
        assert a.distance_km == pytest.approx(ref, rel=0.01), fid  # UTM's scale error is under 0.1% here
        # The nearest point is on the feature, and the distance is the geodesic one to it.
        assert shape(g).distance(Point(*a.nearest)) < 1e-6
        assert a.distance_km == pytest.approx(GEOD.inv(clon, clat, *a.nearest)[2] / 1000, rel=1e-9)


def test_a_run_keeps_score_one_answer_per_question(questions, features):
    order = [questions["meghri"], questions["nakhchivan"], questions["kars"]]
    quiz = Quiz(order, features)
    assert len(quiz) == 3 and quiz.current.feature_id == "meghri" and quiz.score == (0, 0)
    mlon, mlat = lonlat_geometry(features["meghri"])["coordinates"]
    first = quiz.answer(mlon + 0.01, mlat)
    assert first.right and quiz.answered
    assert quiz.answer(0.0, 0.0) is first  # a second click changes nothing
    quiz.next()
    assert not quiz.answer(40.0, 42.5).right  # the Black Sea coast is not Nakhchivan
    quiz.next()
    quiz.skip()  # "show me": asked, not right
    assert quiz.score == (1, 3)
    quiz.next()
    assert quiz.done and quiz.current is None
    with pytest.raises(ValueError):
        quiz.answer(45.0, 40.0)
    quiz.restart()
    assert quiz.score == (0, 0) and quiz.current.feature_id == "meghri"


def test_questions_on_places_the_map_lacks_are_left_out(questions, features):
    ghost = Question("ghost", "atlantis", {"en": "Where is Atlantis?"})
    quiz = Quiz([ghost, questions["kars"]], features)
    assert [q.id for q in quiz.questions] == [questions["kars"].id]


@pytest.mark.parametrize("data, needle", [
    ({"format": "nope", "questions": []}, "not a quiz file"),
    ({"format": "corridor-viewer-quiz", "questions": [{"id": "a", "feature_id": "kars", "prompt": {"en": "?"},
                                                       "tolerance_km": "far"}]}, "tolerance_km"),
    ({"format": "corridor-viewer-quiz", "questions": [{"id": "a", "feature_id": "kars", "prompt": {}}]},
     "prompt"),
    ({"format": "corridor-viewer-quiz", "questions": [{"id": "a", "feature_id": "kars", "prompt": "x"},
                                                      {"id": "a", "feature_id": "kars", "prompt": "y"}]}, "unique"),
    ({"format": "corridor-viewer-quiz", "questions": [{"id": "a", "prompt": "x"}]}, "feature_id"),
])
def test_malformed_questions_say_what_is_wrong(data, needle):
    with pytest.raises(QuizError, match=needle):
        parse_questions(data)


def test_tolerance_edge_is_inclusive(features):
    q = Question("edge", "kars", {"en": "Where is Kars?"}, tolerance_km=30.0)
    lon, lat = lonlat_geometry(features["kars"])["coordinates"]
    clon, clat, _ = GEOD.fwd(lon, lat, 90, 29_999.0)
    assert score_click(q, lonlat_geometry(features["kars"]), clon, clat).right
    clon, clat, _ = GEOD.fwd(lon, lat, 90, 30_050.0)
    a = score_click(q, lonlat_geometry(features["kars"]), clon, clat)
    assert not a.right and math.isclose(a.distance_km, 30.05, abs_tol=0.01)
