"""Geocoding: toponym recognition and resolution against a gazetteer.

`GeoStage(gazetteer)` fills `analysis.places` and `analysis.country_focus`. It receives a
`Gazetteer` (see `flashpoint.geo.gazetteer.open_gazetteer`) and never builds one itself.
Nothing heavy happens at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ..pipeline import Analysis
    from .gazetteer import Gazetteer

__all__ = ["GeoStage"]


class GeoStage:
    """Pipeline stage: find toponyms in `analysis.doc`, resolve them, set the country focus."""

    name: ClassVar[str] = "geo.rank.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc",)
    assigns: ClassVar[tuple[str, ...]] = ("places", "country_focus")

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, analysis: Analysis) -> None:
        from .resolve import resolve_toponyms
        from .toponyms import find_toponyms

        doc = analysis.doc
        if doc is None:
            analysis.places, analysis.country_focus = [], []
            return
        spans = find_toponyms(doc, self.gazetteer)
        places, focus = resolve_toponyms(spans, doc.text, self.gazetteer)
        analysis.places = sorted(places, key=lambda m: (m.start, m.end))
        analysis.country_focus = focus
