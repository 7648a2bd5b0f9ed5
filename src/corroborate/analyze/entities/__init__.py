"""Entities: one record per person, place, organisation or group of a story, linked across its reports.

Contract. :func:`link_entities` reads every report's cleaned text (``{source id: text}``) and the NER mentions on
those texts (:class:`Mention`: source, character span, surface text, PER/ORG/LOC/MISC label) and, optionally, a
reader of the reports' parse (``syntax=doc_syntax(docs)`` from :mod:`.junk`: is a span an adjective before a
noun?, used to drop "Syrian rebels"); it returns
:class:`Entity` records (canonical name, type PERSON/ORG/PLACE/GROUP/OTHER, aliases, sources, every mention,
including mentions the linker finds itself). Mentions that name no entity (nationality words, lower-case
common nouns, page furniture glued to a name) are left out. The tagger that produces the mentions is :mod:`.ner`
(``load_tagger().tag_texts(texts)``: ``(start, end, label)`` spans per text); it is imported on its own because it
loads torch and the shipped model. Writes nothing on the Articles.
"""

from corroborate.analyze.entities.link import link_entities
from corroborate.analyze.entities.nodes import Entity, Mention

__all__ = ["Entity", "Mention", "link_entities"]
