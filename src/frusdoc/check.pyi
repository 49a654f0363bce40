# Deprecated alias of frusdoc.diagnostics for type checkers (runtime: frusdoc/_moved.py); removed with it.
from frusdoc.diagnostics import *  # noqa: F403 - an alias is every name of the new module
from frusdoc.diagnostics import __all__ as __all__
