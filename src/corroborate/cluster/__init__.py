"""Cluster stage: syndication (near-duplicate copies) and incremental story clustering."""

from .stories import StoryClusterer, story_id_for
from .syndication import SYNDICATION_CONTAINMENT, SyndicationIndex, mark_syndication

__all__ = ["SYNDICATION_CONTAINMENT", "StoryClusterer", "SyndicationIndex", "mark_syndication", "story_id_for"]
