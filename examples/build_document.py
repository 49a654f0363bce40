"""Build a FRUS document in code and print it as frusdoc JSON.

The founding example, President Roosevelt to Stalin, April 11, 1942
(frus1942v03), cut to its heading, a paragraph with a page break and a
footnote, and the signature.

    python examples/build_document.py
"""

from __future__ import annotations

import frusdoc
from frusdoc import Closer, Document, Note, NoteRef, PageBreak, Paragraph, Signed, Text


def build() -> Document:
    """The seed document, in part, built node by node."""
    return Document(
        volume="frus1942v03",
        title=(
            Text(
                text="President Roosevelt to the President of the Council of People’s "
                "Commissars of the Soviet Union (Stalin)"
            ),
            NoteRef(label="80"),
        ),
        blocks=(
            Paragraph(
                inlines=(
                    Text(text="Perhaps if things go as well as we "),
                    PageBreak(label="543"),
                    Text(text=" hope, you and I could spend a few days together next Summer."),
                )
            ),
            Paragraph(
                inlines=(Text(text="I have sent Hopkins"), NoteRef(label="82"), Text(text=" to London."))
            ),
            Closer(blocks=(Signed(inlines=(Text(text="Franklin D. Roosevelt"),)),)),
        ),
        notes=(
            Note(
                label="80",
                blocks=(Paragraph(inlines=(Text(text="Copy obtained from the Roosevelt Library."),)),),
            ),
            Note(label="82", blocks=(Paragraph(inlines=(Text(text="Harry L. Hopkins."),)),)),
        ),
    )


def main() -> None:
    doc = build()
    print(frusdoc.json.dumps(doc, indent=True))
    assert frusdoc.json.loads(frusdoc.json.dumps(doc), type=Document) == doc


if __name__ == "__main__":
    main()
