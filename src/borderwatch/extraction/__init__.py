"""The extraction step of the flow (see DESIGN.md).

BUILD says which build of the extraction modules this process runs, compiled by mypyc or pure
Python (build.py); it is decided here, before any of them is imported."""

from borderwatch.extraction.build import choose

BUILD = choose()
