"""IPython.core.display: display() and the objects that render as HTML, images, LaTeX and more.

Each class keeps its data and answers the _repr_*_ methods the kernel's display machinery reads,
so ``display(HTML("<b>x</b>"))``, a class as a cell's last value, and JupyterLab's renderers work
as they do with IPython.
"""

import base64
import html
import json
import mimetypes
import os
import struct
import sys
from urllib.request import urlopen

_host = _pymastery_host  # noqa: F821 - injected by the kernel's importer

__all__ = [
    "display", "update_display", "clear_output", "publish_display_data", "DisplayHandle",
    "display_pretty", "display_html", "display_markdown", "display_svg", "display_png", "display_jpeg",
    "display_latex", "display_json", "display_javascript", "display_pdf",
    "DisplayObject", "TextDisplayObject", "Pretty", "HTML", "Markdown", "Math", "Latex", "SVG",
    "JSON", "GeoJSON", "Javascript", "Image", "Video", "set_matplotlib_formats",
]

_MIME_OF = {
    "pretty": "text/plain", "html": "text/html", "markdown": "text/markdown", "svg": "image/svg+xml",
    "png": "image/png", "jpeg": "image/jpeg", "latex": "text/latex", "json": "application/json",
    "javascript": "application/javascript", "pdf": "application/pdf",
}


# ---------------------------------------------------------------------------- display functions


def display(*objs, include=None, exclude=None, metadata=None, transient=None, display_id=None,
            raw=False, clear=False, **kwargs):
    """Shows each object below the cell with its richest representations.

    display_id=True (or a string) returns a DisplayHandle whose update() replaces the output in
    place; include/exclude keep or drop MIME types; raw=True takes MIME bundles as they are.
    """
    if transient and "display_id" in transient:
        display_id = transient["display_id"]
    update = bool(kwargs.pop("update", False))
    if display_id is True:
        display_id = DisplayHandle().display_id
    if include is None and exclude is None:
        _host.display(*objs, display_id=display_id, update=update, raw=raw, metadata=metadata, clear=clear)
    else:
        if clear:
            clear_output(wait=True)
        for obj in objs:
            bundle = {"data": dict(obj), "metadata": {}} if raw else _host.format(obj)
            data = {m: v for m, v in bundle["data"].items()
                    if (include is None or m in include) and (exclude is None or m not in exclude)}
            meta = {m: v for m, v in bundle["metadata"].items() if m in data}
            meta.update(metadata or {})
            if data:
                _host.display(data, raw=True, metadata=meta, display_id=display_id, update=update)
    if display_id is not None and not update:
        return DisplayHandle(display_id)
    return None


def update_display(obj, *, display_id, **kwargs):
    """Replaces the output shown under display_id."""
    kwargs["update"] = True
    display(obj, display_id=display_id, **kwargs)


def clear_output(wait=False):
    """Clears the cell's output; wait=True clears when the next output arrives (no flicker)."""
    _host.clear_output(wait)


def publish_display_data(data, metadata=None, source=None, *, transient=None, **kwargs):
    """Publishes a MIME bundle as it is."""
    display_id = (transient or {}).get("display_id")
    _host.display(data, raw=True, metadata=metadata, display_id=display_id, update=bool(kwargs.get("update")))


class DisplayHandle:
    """A handle on one output: display() shows the object there, update() replaces it in place."""

    _count = 0

    def __init__(self, display_id=None):
        if display_id is None:
            DisplayHandle._count += 1
            display_id = "pymastery-%d-%d" % (os.getpid(), DisplayHandle._count)
        self.display_id = display_id

    def __repr__(self):
        return "<%s display_id=%s>" % (type(self).__name__, self.display_id)

    def display(self, obj, **kwargs):
        display(obj, display_id=self.display_id, **kwargs)

    def update(self, obj, **kwargs):
        update_display(obj, display_id=self.display_id, **kwargs)


def _display_as(kind):
    mime = _MIME_OF[kind]

    def show(*objs, raw=False, metadata=None):
        if raw:
            for obj in objs:
                publish_display_data({mime: obj}, metadata=metadata)
        else:
            display(*objs, include=["text/plain", mime], metadata=metadata)

    show.__name__ = "display_" + kind
    show.__doc__ = "Shows objects as %s (raw=True: the objects are already %s data)." % (mime, mime)
    return show


display_pretty = _display_as("pretty")
display_html = _display_as("html")
display_markdown = _display_as("markdown")
display_svg = _display_as("svg")
display_png = _display_as("png")
display_jpeg = _display_as("jpeg")
display_latex = _display_as("latex")
display_json = _display_as("json")
display_javascript = _display_as("javascript")
display_pdf = _display_as("pdf")


def set_matplotlib_formats(*formats, **kwargs):
    print("set_matplotlib_formats: figures appear in %%cpython cells, where matplotlib is installed; "
          "there, set matplotlib's rcParams['savefig.format'] instead", file=sys.stderr)


# ---------------------------------------------------------------------------- display objects


def _is_url(value):
    """Whether a display object's data argument is a web address to fetch or link to."""
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _size_attributes(width, height):
    """The width and height attributes of an HTML element, for those given."""
    return (' width="%d"' % width if width else "") + (' height="%d"' % height if height else "")


def _read(source, binary):
    with open(source, "rb" if binary else "r", **({} if binary else {"encoding": "utf-8"})) as f:
        return f.read()


def _fetch(url, binary):
    with urlopen(url, timeout=30) as response:
        body = response.read()
    if binary:
        return body
    charset = response.headers.get_content_charset() or "utf-8"
    return body.decode(charset, "replace")


class DisplayObject:
    """Data from a value, a file or a URL, shown through its _repr_*_ methods."""

    _read_flags = "r"
    metadata = None

    def __init__(self, data=None, url=None, filename=None, metadata=None):
        if isinstance(data, (os.PathLike,)):
            data, filename = None, os.fspath(data)
        elif isinstance(data, str):
            if _is_url(data) and url is None:
                data, url = None, data
            elif len(data) < 4096 and "\n" not in data and os.path.isfile(data) and filename is None:
                data, filename = None, data
        self.data = data
        self.url = url
        self.filename = filename
        self.metadata = dict(metadata) if metadata else {}
        self.reload()
        self._check_data()

    def __repr__(self):
        return "<%s.%s object>" % (type(self).__module__, type(self).__name__)

    def _check_data(self):
        pass

    def _data_and_metadata(self):
        if self.metadata:
            return self.data, dict(self.metadata)
        return self.data

    def reload(self):
        """Reads the data again from the file or URL it came from."""
        binary = self._read_flags == "rb"
        if self.filename is not None:
            self.data = _read(self.filename, binary)
        elif self.url is not None and self._fetch_url:
            self.data = _fetch(self.url, binary)

    _fetch_url = True


class TextDisplayObject(DisplayObject):
    """A display object whose data is text."""

    def _check_data(self):
        if self.data is not None and not isinstance(self.data, str):
            raise TypeError("%s expects text data, not %s" % (type(self).__name__, type(self.data).__name__))


class Pretty(TextDisplayObject):
    def _repr_pretty_(self, pp, cycle):
        return pp.text(self.data)

    def __repr__(self):
        return self.data if isinstance(self.data, str) else super().__repr__()


class HTML(TextDisplayObject):
    def __init__(self, data=None, url=None, filename=None, metadata=None):
        if isinstance(data, str) and data.lstrip().startswith("<iframe ") and "srcdoc" not in data:
            print("Consider using IPython.display.IFrame instead", file=sys.stderr)
        super().__init__(data=data, url=url, filename=filename, metadata=metadata)

    def _repr_html_(self):
        return self._data_and_metadata()

    def __html__(self):
        return self._repr_html_()


class Markdown(TextDisplayObject):
    def _repr_markdown_(self):
        return self._data_and_metadata()


class Math(TextDisplayObject):
    """A formula: $...$ delimiters are optional."""

    def _repr_latex_(self):
        text = self.data.strip().strip("$")
        if self.metadata:
            return "$\\displaystyle %s$" % text, dict(self.metadata)
        return "$\\displaystyle %s$" % text


class Latex(TextDisplayObject):
    def _repr_latex_(self):
        return self._data_and_metadata()


class SVG(DisplayObject):
    """SVG text (or bytes); anything before the <svg element (an XML prolog, a doctype) is dropped."""

    _read_flags = "rb"

    def _check_data(self):
        if isinstance(self.data, bytes):
            self.data = self.data.decode("utf-8", "replace")
        if self.data is not None:
            start = self.data.find("<svg")
            if start < 0:
                raise ValueError("SVG data has no <svg element")
            self.data = self.data[start:]

    def _repr_svg_(self):
        return self._data_and_metadata()


class JSON(DisplayObject):
    """JSON data shown by JupyterLab's tree viewer; expanded and root set how it opens."""

    def __init__(self, data=None, url=None, filename=None, expanded=False, metadata=None, root="root", **kwargs):
        self.expanded = expanded
        self.root = root
        md = {"expanded": expanded, "root": root}
        md.update(metadata or {})
        md.update(kwargs)
        super().__init__(data=data, url=url, filename=filename, metadata=md)

    def _check_data(self):
        if isinstance(self.data, str):
            self.data = json.loads(self.data)
        if self.data is not None and not isinstance(self.data, (dict, list)):
            raise TypeError("JSON expects a dict or a list (or their JSON text), not %s" % type(self.data).__name__)

    def _repr_json_(self):
        return self.data, dict(self.metadata)


class GeoJSON(JSON):
    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"application/geo+json": self.data, "text/plain": "<IPython.display.GeoJSON object>"}, {
            "application/geo+json": dict(self.metadata)}


class Javascript(TextDisplayObject):
    """JavaScript run by the front end (JupyterLab runs it only in trusted notebooks)."""

    def __init__(self, data=None, url=None, filename=None, lib=None, css=None):
        self.lib = [lib] if isinstance(lib, str) else list(lib or [])
        self.css = [css] if isinstance(css, str) else list(css or [])
        if _is_url(data) and url is None and not self.lib:
            data, url = None, data
        self._fetch_url = False
        super().__init__(data=data, url=url, filename=filename)

    def _repr_javascript_(self):
        parts = []
        for sheet in self.css:
            parts.append("$('head').append($('<link rel=\"stylesheet\" type=\"text/css\" href=\"%s\"/>'));" % sheet)
        code = self.data or ""
        if self.url and not self.data:
            code = "var s = document.createElement('script'); s.src = %s; document.head.appendChild(s);" % json.dumps(self.url)
        for lib in reversed(self.lib):
            code = "$.getScript(%s, function () {\n%s\n});" % (json.dumps(lib), code)
        parts.append(code)
        return "\n".join(parts)


_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8"
_GIF = (b"GIF87a", b"GIF89a")


def _image_format(data):
    if data[:8] == _PNG:
        return "png"
    if data[:2] == _JPEG:
        return "jpeg"
    if data[:6] in _GIF:
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def _png_size(data):
    if data[:8] == _PNG and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    return None


def _jpeg_size(data):
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    return None


class Image(DisplayObject):
    """An image from bytes, a file or a URL: PNG, JPEG, GIF or WebP, embedded or linked."""

    _read_flags = "rb"
    _FORMATS = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}

    def __init__(self, data=None, url=None, filename=None, format=None, embed=None, width=None, height=None,
                 retina=False, unconfined=False, metadata=None, alt=None):
        if _is_url(data) and url is None:
            data, url = None, data
        elif isinstance(data, (str, os.PathLike)) and filename is None:
            data, filename = None, os.fspath(data)
        source = filename or url
        if format is None and source is not None:
            extension = source.rsplit(".", 1)[-1].lower() if "." in source else ""
            format = "jpeg" if extension == "jpg" else extension if extension in self._FORMATS else None
        if embed is None:
            embed = url is None
        if format is not None:
            format = format.lower()
            if format == "jpg":
                format = "jpeg"
            if embed and format not in self._FORMATS:
                raise ValueError("cannot embed the %r image format; embed PNG, JPEG, GIF or WebP" % format)
        self.format = format
        self.embed = embed
        self.width = width
        self.height = height
        self.retina = retina
        self.unconfined = unconfined
        self.alt = alt
        self._fetch_url = bool(embed)
        super().__init__(data=data, url=url, filename=filename, metadata=metadata)
        if self.embed and self.data is not None:
            found = _image_format(self.data)
            if self.format is None:
                self.format = found
            if self.format is None:
                raise ValueError("the image data is not PNG, JPEG, GIF or WebP; give format= if it is one")
        if retina:
            self._retina_shape()

    def _check_data(self):
        if isinstance(self.data, str) and self.embed:
            self.data = base64.b64decode(self.data)

    def _retina_shape(self):
        size = _png_size(self.data) if self.format == "png" else _jpeg_size(self.data) if self.format == "jpeg" else None
        if size:
            self.width, self.height = size[0] // 2, size[1] // 2

    @property
    def mimetype(self):
        return self._FORMATS.get(self.format) if self.format else None

    def _metadata(self):
        md = {}
        if self.width:
            md["width"] = self.width
        if self.height:
            md["height"] = self.height
        if self.unconfined:
            md["unconfined"] = True
        if self.alt:
            md["alt"] = self.alt
        md.update(self.metadata or {})
        return md

    def _repr_mimebundle_(self, include=None, exclude=None):
        if self.embed:
            data = base64.b64encode(self.data).decode("ascii")
            md = self._metadata()
            return {self.mimetype: data, "text/plain": "<IPython.core.display.Image object>"}, (
                {self.mimetype: md} if md else {})
        attrs = _size_attributes(self.width, self.height)
        if self.alt:
            attrs += ' alt="%s"' % html.escape(self.alt, quote=True)
        return {"text/html": '<img src="%s"%s/>' % (html.escape(self.url, quote=True), attrs),
                "text/plain": "<IPython.core.display.Image object>"}

    def _data_and_metadata(self, always_both=False):
        md = self._metadata()
        return (self.data, md) if md or always_both else self.data

    def _repr_png_(self):
        if self.embed and self.format == "png":
            return self._data_and_metadata()
        return None

    def _repr_jpeg_(self):
        if self.embed and self.format == "jpeg":
            return self._data_and_metadata()
        return None


class Video(DisplayObject):
    """A video from a file, bytes or a URL, shown in an HTML <video> element."""

    _read_flags = "rb"

    def __init__(self, data=None, url=None, filename=None, embed=False, mimetype=None, width=None, height=None,
                 html_attributes="controls"):
        if _is_url(data) and url is None:
            data, url = None, data
        elif isinstance(data, (str, os.PathLike)) and filename is None and not embed:
            url, data = os.fspath(data), None
        elif isinstance(data, (str, os.PathLike)) and filename is None:
            data, filename = None, os.fspath(data)
        if url is None and filename is None and data is not None and not embed:
            raise ValueError("video data in memory must be embedded: give embed=True")
        self.mimetype = mimetype
        self.embed = embed
        self.width = width
        self.height = height
        self.html_attributes = html_attributes
        self._fetch_url = False
        super().__init__(data=data, url=url, filename=filename if embed else None)
        if filename is not None and not embed:
            self.url = filename

    def _repr_html_(self):
        size = _size_attributes(self.width, self.height)
        if not self.embed:
            return '<video src="%s" %s%s>\n      Your browser does not support the <code>video</code> element.\n    </video>' % (
                html.escape(self.url, quote=True), self.html_attributes, size)
        mimetype = self.mimetype or (mimetypes.guess_type(self.filename or "")[0] if self.filename else None) or "video/mp4"
        data = self.data if isinstance(self.data, bytes) else base64.b64decode(self.data)
        encoded = base64.b64encode(data).decode("ascii")
        return '<video %s%s>\n <source src="data:%s;base64,%s" type="%s">\n Your browser does not support the video tag.\n </video>' % (
            self.html_attributes, size, mimetype, encoded, mimetype)
