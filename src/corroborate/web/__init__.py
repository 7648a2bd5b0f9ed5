"""The story desk (``corroborate serve``): the stories, briefings and brief form in a browser, and an HTTP API.

Imported only by ``serve`` and its tests: FastAPI, Jinja2 and uvicorn never load for the other commands.
"""
