"""Cluster stage: syndication (near-duplicate copies) and incremental story clustering."""

from .stories import StoryClusterer, story_id_for
from .syndication import SYNDICATION_CONTAINMENT, SyndicationIndex, choose_original

__all__ = ["SYNDICATION_CONTAINMENT", "StoryClusterer", "SyndicationIndex", "choose_original", "story_id_for"]
