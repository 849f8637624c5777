"""Linking in one place: which features are looked for in the text, and linking every article to them.

The GUI (in a worker thread, through the session), the ``links`` command and the exports all call
:func:`link_all`, so a user's layers and articles are linked exactly like the bundled ones, wherever
the links are made. Pure Python; the cost is the gazetteer's compilation and one regex pass per article.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corridor_viewer.model.feature import Feature, Layer

LINK_LIMIT = 20_000  # a user's layer with more names than this is not looked for in the text


def named_features(layer: Layer) -> list[Feature]:
    """Features whose name can be looked for in text: three letters or more, not a bare number."""
    out = []
    for f in layer.features:
        name = (f.props.get("name_en") or "").strip()
        if len(name) >= 3 and not name.isdigit():
            out.append(f)
    return out


def gazetteer_features(layers: Iterable[Layer]) -> list[Any]:
    """Every bundled feature, and the named features of users' layers that are not huge (a layer of half a
    million names would make linking take minutes and match noise)."""
    out: list[Any] = []
    for layer in layers:
        if layer.group != "user":
            out += layer.features
            continue
        named = named_features(layer)
        if len(named) <= LINK_LIMIT:
            out += [{"id": f.id, "name_en": f.props.get("name_en", ""), "name_ar": f.props.get("name_ar", "")}
                    for f in named]
    return out


def too_many_names(layer: Layer) -> bool:
    return len(named_features(layer)) > LINK_LIMIT


def link_all(corpus, layers: Iterable[Layer]):
    """Link every article of ``corpus`` to every feature of ``layers``: (Links, Gazetteer)."""
    from corridor_viewer.model.links import Links

    return Links.build(corpus, gazetteer_features(layers))
