# Deprecated alias of frusdoc.tree for type checkers (runtime: frusdoc/_moved.py); removed with it.
from frusdoc.tree import *  # noqa: F403 - an alias is every name of the new module
from frusdoc.tree import __all__ as __all__
