"""Namespaces and element names of FRUS TEI."""

from __future__ import annotations

from frusdoc import _args

__all__ = ["FRUS", "TEI", "XI", "XML", "clark", "local"]

TEI = "http://www.tei-c.org/ns/1.0"
"""The TEI namespace."""
FRUS = "http://history.state.gov/frus/ns/1.0"
"""The namespace of FRUS's own TEI attributes and elements."""
XML = "http://www.w3.org/XML/1998/namespace"
"""The ``xml:`` namespace (``xml:id``, ``xml:lang``)."""
XI = "http://www.w3.org/2001/XInclude"
"""The XInclude namespace."""

_TEI_PREFIX = "{" + TEI + "}"


_LOCAL: dict[str, str] = {}


def local(tag: str) -> str:
    """The model's name for an element: the local name of a TEI element,
    Clark notation (``{namespace}name``) for any other."""
    if type(tag) is str:  # the check only when the name is not known yet: local() is on the readers' path
        name = _LOCAL.get(tag)
        if name is not None:
            return name
    _args.expect_str("local(tag)", tag)
    name = _LOCAL.get(tag)
    if name is None:
        name = tag[len(_TEI_PREFIX) :] if tag.startswith(_TEI_PREFIX) else tag
        if len(_LOCAL) < 10_000:  # a vocabulary, not data: bounded anyway
            _LOCAL[tag] = name
    return name


def clark(name: str) -> str:
    """The lxml tag for a model name (the inverse of :func:`local`)."""
    _args.expect_str("clark(name)", name)
    return name if name.startswith("{") else _TEI_PREFIX + name
