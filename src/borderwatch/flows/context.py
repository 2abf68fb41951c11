"""What the flows need, built once per process from a region pack: the pipeline and the frame."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from borderwatch.extraction.pipeline import Pipeline, build_pipeline
from borderwatch.picture.frame import Frame, frame_from_pack
from borderwatch.region.pack import RegionPack, load_pack


@dataclass
class FlowContext:
    """The region pack with its extraction pipeline and picture frame, built on first use."""

    pack: RegionPack

    @classmethod
    def for_pack(cls, name: str) -> FlowContext:
        """The context of a bundled pack (by name) or a pack folder (by path)."""
        return cls(load_pack(name))

    @cached_property
    def pipeline(self) -> Pipeline:
        """The extraction pipeline for this pack's places."""
        return build_pipeline(self.pack)

    @cached_property
    def frame(self) -> Frame:
        """The picture's view of this pack."""
        return frame_from_pack(self.pack)
