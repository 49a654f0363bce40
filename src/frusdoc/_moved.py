"""Old module paths that keep working for one release, with a ``DeprecationWarning``.

``frusdoc.walk``, ``frusdoc.check`` and ``frusdoc.emend.propose`` were
modules shadowed by the functions of the same name (``frusdoc.check.RULES``
was an ``AttributeError``). The modules are now :mod:`frusdoc.tree`,
:mod:`frusdoc.diagnostics` and :mod:`frusdoc.emend.proposals`; the attributes
``frusdoc.walk``, ``frusdoc.check`` and ``frusdoc.emend.propose`` stay the
functions.

An alias is a module object registered in ``sys.modules`` under the old name
when ``frusdoc`` is imported, so ``from frusdoc.check import RULES`` and
``importlib.import_module("frusdoc.walk")`` find it without a file. Python sets
a submodule as an attribute of its package only when it loads it from a
finder, never when it is already in ``sys.modules``: importing an alias leaves
the functions ``frusdoc.walk``/``frusdoc.check`` in place, in either order of
imports. Names are looked up in the new module on each access (module
``__getattr__``), so an alias always gives the new module's current objects;
the first access warns, as a deprecated module warns once, when first
imported.
"""

from __future__ import annotations

import sys
import types
import warnings

__all__: list[str] = []

#: Old module path → new module path. Removed in the release after 0.2.
MOVED: dict[str, str] = {
    "frusdoc.walk": "frusdoc.tree",
    "frusdoc.check": "frusdoc.diagnostics",
    "frusdoc.emend.propose": "frusdoc.emend.proposals",
}


class _Alias(types.ModuleType):
    """A deprecated module path: every public name is the new module's."""

    def __init__(self, name: str, target: types.ModuleType) -> None:
        super().__init__(name, f"Deprecated alias of {target.__name__}: import that module instead.")
        self._frusdoc_target = target
        self._frusdoc_warned = False

    def __getattr__(self, name: str) -> object:
        # Dunders the import system probes (``__path__``, ``__file__``) are
        # not the new module's: an alias is no package and has no file.
        if name.startswith("__") and name != "__all__":
            raise AttributeError(name)
        target = self._frusdoc_target
        if not self._frusdoc_warned:
            self._frusdoc_warned = True
            warnings.warn(
                f"the module {self.__name__} is deprecated: import {target.__name__} "
                f"(from {target.__name__} import {name}); {self.__name__} goes in the next release",
                DeprecationWarning,
                stacklevel=2,
            )
        return getattr(target, name)

    def __dir__(self) -> list[str]:
        return sorted(set(dir(self._frusdoc_target)))


def register() -> None:
    """Put an alias for every moved module in ``sys.modules`` (idempotent)."""
    for old, new in MOVED.items():
        if old not in sys.modules:
            sys.modules[old] = _Alias(old, sys.modules[new])
