"""borderwatch: one trustworthy picture of a border in crisis, and a plan for the response.

BUILD says which build of the hot modules this process runs, compiled by mypyc or pure Python
(build.py); it is decided here, before any of them can be imported."""

from borderwatch.build import choose

__version__ = "0.1.0"
BUILD = choose()
