"""One root error; every subclass carries a code and an HTTP status, and its message says how to fix it."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Root of every error newsgraph raises on purpose."""

    code = "E-NEWSGRAPH"
    status = 500

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(NewsgraphError):
    """A document that cannot be read as an article."""

    code = "E-INPUT"
    status = 422


class MissingPathError(InputError):
    code = "E-INPUT-MISSING"
    status = 404


class UnreadableError(InputError):
    code = "E-INPUT-UNREADABLE"
    status = 403


class EmptyInputError(InputError):
    code = "E-INPUT-EMPTY"


class BinaryInputError(InputError):
    code = "E-INPUT-BINARY"
    status = 415


class EncodingError(InputError):
    code = "E-INPUT-ENCODING"


class TooLargeError(InputError):
    code = "E-INPUT-TOO-LARGE"
    status = 413


class MalformedInputError(InputError):
    code = "E-INPUT-MALFORMED"


class NoTextError(InputError):
    """The input parsed, but no article text was found in it."""

    code = "E-EXTRACT-NO-TEXT"


class DuplicateIdError(InputError):
    """Two inputs of one run carry the same id but different text."""

    code = "E-INPUT-DUPLICATE-ID"
    status = 409


class UnsupportedInputError(InputError):
    """An input of a kind no reader takes (``newsgraph.process`` was given neither text, dict nor Path)."""

    code = "E-INPUT-UNSUPPORTED"
    status = 415


class ExtractInternalError(NewsgraphError):
    """A bug in extraction on one document (not a bad input: those are InputErrors); recorded as its
    Failure so the batch goes on."""

    code = "E-EXTRACT-INTERNAL"


class ModelNotInstalledError(NewsgraphError):
    code = "E-MODEL-MISSING"


class ModelFileMissingError(NewsgraphError):
    """A trained model file of the event coder is not where it should be."""

    code = "E-MODEL-FILE-MISSING"


class ModelFileCorruptError(NewsgraphError):
    """A trained model file exists but is unreadable or does not match its manifest."""

    code = "E-MODEL-FILE-CORRUPT"


class ConfigError(NewsgraphError):
    code = "E-CONFIG"
    status = 400


class UnknownActorError(ConfigError):
    """A filter names an actor the store has never seen; the message suggests close names."""

    code = "E-UNKNOWN-ACTOR"


class UnknownTypeError(ConfigError):
    """A filter names no PLOVER event type; the message suggests the close ones."""

    code = "E-UNKNOWN-TYPE"


class StoreError(NewsgraphError):
    code = "E-STORE"


class StoreMissingError(StoreError):
    """A command that reads the store was pointed at a database that does not exist."""

    code = "E-STORE-MISSING"
    status = 404


class SearchQueryError(NewsgraphError):
    """A search query with nothing in it to search for."""

    code = "E-SEARCH-QUERY"
    status = 400


class DateError(ConfigError):
    """A date that is not YYYY, YYYY-MM or YYYY-MM-DD, or not a real day."""

    code = "E-DATE"


class ChoiceError(ConfigError):
    """A value outside an option's vocabulary (an event type, a factuality, a claim kind)."""

    code = "E-CHOICE"


class NotFoundError(NewsgraphError):
    code = "E-NOT-FOUND"
    status = 404


class DataError(NewsgraphError):
    """Evaluation or dictionary data that is missing or not in the expected format."""

    code = "E-DATA"


# agent A


class LexiconError(DataError):
    """A word list or code map in a stage's data files is malformed."""

    code = "E-DATA-LEXICON"


# agent C


class QueryError(ConfigError):
    """A listing's window that cannot be: a negative limit or offset."""

    code = "E-QUERY"


class EventTypeChoiceError(ChoiceError, UnknownTypeError):
    """A filter's event type outside PLOVER's: E-CHOICE like any closed option, and an UnknownTypeError
    for callers of the network and incident views, which have always raised that for it."""


class MissingExtraError(ConfigError):
    """An optional extra (pandas, polars) is needed for a conversion and is not installed.

    >>> err = MissingExtraError("polars is not installed; pip install polars")
    >>> err.code, isinstance(err, ConfigError)
    ('E-LIBRARY-EXTRA', True)
    """

    code = "E-LIBRARY-EXTRA"


# The server's answers to requests it cannot serve: the framework's statuses as our codes.


class BadRequestError(NewsgraphError):
    code = "E-BAD-REQUEST"
    status = 400


class UnauthorizedError(NewsgraphError):
    code = "E-UNAUTHORIZED"
    status = 401


class ForbiddenError(NewsgraphError):
    code = "E-FORBIDDEN"
    status = 403


class MethodNotAllowedError(NewsgraphError):
    code = "E-METHOD-NOT-ALLOWED"
    status = 405


class RequestTooLargeError(NewsgraphError):
    code = "E-TOO-LARGE"
    status = 413


class UnsupportedMediaError(NewsgraphError):
    code = "E-UNSUPPORTED-MEDIA"
    status = 415


class InvalidRequestError(NewsgraphError):
    """A request whose parameters or body do not fit the route's schema."""

    code = "E-VALIDATION"
    status = 422


class UnknownParameterError(InvalidRequestError):
    """A query parameter the route does not take: refused, never ignored."""

    status = 400


class TooManyRequestsError(NewsgraphError):
    code = "E-TOO-MANY"
    status = 429


class HttpError(NewsgraphError):
    """A status the framework raised that has no code of its own."""

    code = "E-HTTP"


class InternalError(NewsgraphError):
    """A bug met while answering a request; the server log has the traceback."""

    code = "E-INTERNAL"


# agent B: codes of the pipeline's own failure records.
class StageError(NewsgraphError):
    """A stage failed on one document (a bug): the document's Failure record carries this code."""

    code = "E-STAGE-INTERNAL"


class WorkerLostError(NewsgraphError):
    """The worker process analysing a document died (killed for memory, a crash in native code)."""

    code = "E-STAGE-WORKER"


class DaskMissingError(NewsgraphError):
    """``ingest --workers`` or ``--scheduler`` without the optional Dask extra installed."""

    code = "E-SCALE-DASK-MISSING"
    status = 501
