"""Join PDFs into one file as they come, without holding them in memory.

A batch of 600 diagnostic sheets is built sheet by sheet; each finished sheet
is copied object by object to the output file straight away, and only the
offsets of the objects written (a few bytes each) stay in memory until the
cross-reference table is written at the end. Memory therefore does not grow
with the batch (pypdf's PdfWriter would keep every page until ``write``).
The price: each sheet carries its own font subsets, so the file is larger
than one document laid out in a single pass would be.
"""
from __future__ import annotations

import io
from array import array
from typing import BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


class PdfJoiner:
    """Append whole PDFs to ``out``; call ``close()`` to finish the file."""

    CATALOG, PAGES = 1, 2

    def __init__(self, out: BinaryIO, title: str = "") -> None:
        self.out = out
        self.title = title
        self.offsets = array("q", [0, 0, 0])  # by object number; 8 bytes each
        self.next_number = 3
        self.kids = array("q")
        self.outline: list[tuple[str, int]] = []  # (title, first page object)
        self.out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    def _new(self) -> int:
        number = self.next_number
        self.next_number += 1
        self.offsets.append(0)
        return number

    def _write(self, number: int, obj: PdfObject) -> None:
        self.offsets[number] = self.out.tell()
        self.out.write(f"{number} 0 obj\n".encode())
        obj.write_to_stream(self.out)
        self.out.write(b"\nendobj\n")

    def add(self, pdf: bytes, bookmark: str | None = None) -> int:
        """Copy every page of ``pdf`` (and what they use); returns the page count."""
        reader = PdfReader(io.BytesIO(pdf))
        numbers: dict[int, int] = {}  # source object number -> ours
        pending: list[tuple[int, PdfObject]] = []

        def ref(source: IndirectObject) -> IndirectObject:
            if source.idnum not in numbers:
                numbers[source.idnum] = self._new()
                found = source.get_object()
                # a reference to an object the file lacks is a reference to null (PDF 1.7, 7.3.10)
                pending.append((numbers[source.idnum], NullObject() if found is None else found))
            return IndirectObject(numbers[source.idnum], 0, None)

        def copy(obj: PdfObject) -> PdfObject:
            if isinstance(obj, IndirectObject):
                return ref(obj)
            if isinstance(obj, StreamObject):
                clone = StreamObject()
                clone._data = obj._data  # still encoded: copied as it is
                for key, value in obj.items():
                    if key != "/Length":
                        clone[NameObject(key)] = copy(value)
                return clone
            if isinstance(obj, DictionaryObject):
                clone_d = DictionaryObject()
                for key, value in obj.items():
                    clone_d[NameObject(key)] = copy(value)
                return clone_d
            if isinstance(obj, ArrayObject):
                return ArrayObject(copy(v) for v in obj)
            return obj

        first = None
        for page in reader.pages:
            number = self._new()
            first = first or number
            clone = DictionaryObject()
            for key, value in page.items():
                if key not in ("/Parent",):
                    clone[NameObject(key)] = copy(value)
            for key in _INHERITED:
                if key not in clone and key in page:
                    clone[NameObject(key)] = copy(page[key])
            clone[NameObject("/Parent")] = IndirectObject(self.PAGES, 0, None)
            self._write(number, clone)
            self.kids.append(number)
            while pending:
                target, source = pending.pop()
                self._write(target, copy(source))
        if bookmark and first:
            self.outline.append((bookmark, first))
        return len(reader.pages)

    def close(self) -> None:
        """Write the page tree, the bookmarks, the catalog and the xref table."""
        pages = DictionaryObject({
            NameObject("/Type"): NameObject("/Pages"),
            NameObject("/Kids"): ArrayObject(IndirectObject(k, 0, None) for k in self.kids),
            NameObject("/Count"): NumberObject(len(self.kids)),
        })
        self._write(self.PAGES, pages)
        catalog = DictionaryObject({NameObject("/Type"): NameObject("/Catalog"),
                                    NameObject("/Pages"): IndirectObject(self.PAGES, 0, None)})
        if self.outline:
            root = self._new()
            items = [self._new() for _ in self.outline]
            for i, ((title, page), number) in enumerate(zip(self.outline, items)):
                item = DictionaryObject({
                    NameObject("/Title"): TextStringObject(title),
                    NameObject("/Parent"): IndirectObject(root, 0, None),
                    NameObject("/Dest"): ArrayObject([IndirectObject(page, 0, None), NameObject("/XYZ"),
                                                      NullObject(), NullObject(), NullObject()]),
                })
                if i:
                    item[NameObject("/Prev")] = IndirectObject(items[i - 1], 0, None)
                if i + 1 < len(items):
                    item[NameObject("/Next")] = IndirectObject(items[i + 1], 0, None)
                self._write(number, item)
            self._write(root, DictionaryObject({
                NameObject("/Type"): NameObject("/Outlines"),
                NameObject("/First"): IndirectObject(items[0], 0, None),
                NameObject("/Last"): IndirectObject(items[-1], 0, None),
                NameObject("/Count"): NumberObject(len(items)),
            }))
            catalog[NameObject("/Outlines")] = IndirectObject(root, 0, None)
            catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
        self._write(self.CATALOG, catalog)
        info = self._new()
        self._write(info, DictionaryObject({NameObject("/Title"): TextStringObject(self.title),
                                            NameObject("/Producer"): TextStringObject("Murafaqa Desktop")}))
        xref = self.out.tell()
        size = self.next_number
        lines = [f"xref\n0 {size}\n", "0000000000 65535 f \n"]
        for number in range(1, size):
            lines.append(f"{self.offsets[number]:010d} 00000 n \n")
        self.out.write("".join(lines).encode())
        self.out.write(f"trailer\n<< /Size {size} /Root {self.CATALOG} 0 R /Info {info} 0 R >>\n"
                       f"startxref\n{xref}\n%%EOF\n".encode())
