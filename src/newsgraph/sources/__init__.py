"""Read what users have — files, folders, globs, stdin — into raw inputs, one per article."""

from newsgraph.sources.files import RawInput, iter_inputs

__all__ = ["RawInput", "iter_inputs"]
