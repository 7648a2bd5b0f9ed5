"""Cluster stage: syndication (near-duplicate copies) and incremental story clustering."""

from .stories import StoryClusterer, story_id_for
from .syndication import SYNDICATION_JACCARD, SyndicationIndex, mark_syndication

__all__ = ["SYNDICATION_JACCARD", "StoryClusterer", "SyndicationIndex", "mark_syndication", "story_id_for"]
