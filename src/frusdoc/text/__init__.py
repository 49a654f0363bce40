"""Plain text of history.state.gov document pages, in and out, losslessly.

``render(parse(s)) == s`` for every string ``s``; ``parse(render(d)) == d`` for
every document in canonical form (see ``docs/text.md``).
"""

from frusdoc.text.reader import parse
from frusdoc.text.writer import canonical_layout, render, spans

__all__ = ["canonical_layout", "parse", "render", "spans"]
