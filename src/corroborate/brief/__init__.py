"""Brief stage: turn a story's analyzed articles into a source-attributed briefing."""
