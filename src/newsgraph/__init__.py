"""newsgraph: raw news pages in, a sourced, queryable picture of international politics out."""

__version__ = "0.1.0"
