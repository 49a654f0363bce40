# Deprecated alias of frusdoc.emend.proposals for type checkers (runtime: frusdoc/_moved.py); removed with it.
from frusdoc.emend.proposals import *  # noqa: F403 - an alias is every name of the new module
from frusdoc.emend.proposals import __all__ as __all__
