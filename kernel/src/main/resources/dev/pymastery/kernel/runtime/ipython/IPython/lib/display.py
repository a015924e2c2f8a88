"""IPython.lib.display: Audio, IFrame, YouTubeVideo, FileLink(s) and Code."""

import base64
import html
import io
import math
import os
import struct
import wave

from IPython.core.display import DisplayObject, TextDisplayObject, _is_url

__all__ = ["Audio", "IFrame", "YouTubeVideo", "VimeoVideo", "ScribdDocument", "FileLink", "FileLinks", "Code"]


class Audio(DisplayObject):
    """Sound in an HTML <audio> player: samples with a rate (made into a WAV), a file, bytes or a URL.

    Samples are a sequence of numbers (one channel) or a sequence of channels; with normalize=True
    they are scaled to the full 16-bit range, otherwise they must lie in [-1, 1].
    """

    _read_flags = "rb"

    def __init__(self, data=None, filename=None, url=None, embed=None, rate=None, autoplay=False,
                 normalize=True, *, element_id=None):
        if filename is None and url is None and data is None:
            raise ValueError("Audio needs data (samples, or WAV/MP3 bytes), a filename or a url")
        if embed is False and url is None:
            raise ValueError("Audio without a url must be embedded (embed=True)")
        if _is_url(data) and url is None:
            data, url = None, data
        elif isinstance(data, (str, os.PathLike)) and filename is None:
            data, filename = None, os.fspath(data)
        self.embed = embed if embed is not None else url is None
        self.autoplay = autoplay
        self.element_id = element_id
        self._fetch_url = self.embed
        super().__init__(data=data, url=url, filename=filename)
        self.mimetype = "audio/wav"
        if self.data is not None and not isinstance(self.data, (bytes, bytearray)):
            if rate is None:
                raise ValueError("samples need their rate: Audio(samples, rate=44100)")
            self.data = _wav(self.data, rate, normalize)
        elif self.data is not None:
            self.mimetype = _sound_type(bytes(self.data), filename or url)
        elif url is not None:
            self.mimetype = _sound_type(b"", url)

    def _repr_html_(self):
        autoplay = ' autoplay="autoplay"' if self.autoplay else ""
        element = ' id="%s"' % html.escape(self.element_id, quote=True) if self.element_id else ""
        if self.embed:
            src = "data:%s;base64,%s" % (self.mimetype, base64.b64encode(self.data).decode("ascii"))
        else:
            src = html.escape(self.url, quote=True)
        return ('<audio%s controls="controls"%s>\n'
                '    <source src="%s" type="%s" />\n'
                '    Your browser does not support the audio element.\n'
                '</audio>') % (element, autoplay, src, self.mimetype)


def _sound_type(data, name):
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[:3] == b"ID3" or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg"
    if data[:4] == b"OggS":
        return "audio/ogg"
    if name:
        lowered = name.lower()
        for extension, kind in ((".mp3", "audio/mpeg"), (".ogg", "audio/ogg"), (".wav", "audio/wav")):
            if lowered.endswith(extension):
                return kind
    return "audio/wav"


def _wav(samples, rate, normalize):
    """16-bit PCM WAV bytes from one channel of numbers or a sequence of channels."""
    if hasattr(samples, "tolist"):
        samples = samples.tolist()
    samples = list(samples)
    if samples and isinstance(samples[0], (list, tuple)):
        channels = [list(map(float, channel)) for channel in samples]
    else:
        channels = [list(map(float, samples))]
    if len({len(c) for c in channels}) > 1:
        raise ValueError("every channel needs the same number of samples")
    peak = max((abs(x) for c in channels for x in c), default=0.0)
    if any(math.isnan(x) or math.isinf(x) for c in channels for x in c):
        raise ValueError("audio samples must be finite numbers")
    if normalize:
        scale = 32767 / peak if peak else 0.0
    else:
        if peak > 1:
            raise ValueError("with normalize=False, audio samples must lie in [-1, 1]")
        scale = 32767
    frames = io.BytesIO()
    for values in zip(*channels):
        frames.write(struct.pack("<%dh" % len(values), *(int(round(v * scale)) for v in values)))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(len(channels))
        w.setsampwidth(2)
        w.setframerate(int(rate))
        w.writeframes(frames.getvalue())
    return out.getvalue()


class IFrame:
    """A web page in an <iframe> of the given size; extra keyword arguments become URL parameters."""

    iframe = ('<iframe\n            width="{width}"\n            height="{height}"\n            src="{src}{params}"\n'
              '            frameborder="0"\n            allowfullscreen\n            {extras}\n        ></iframe>')

    def __init__(self, src, width, height, extras=None, **kwargs):
        self.src = src
        self.width = width
        self.height = height
        self.extras = list(extras or [])
        self.params = kwargs

    def _repr_html_(self):
        from urllib.parse import urlencode

        params = "?" + urlencode(self.params) if self.params else ""
        return self.iframe.format(src=html.escape(self.src, quote=True), width=self.width, height=self.height,
                                  params=params, extras=" ".join(self.extras))

    def __repr__(self):
        return "<%s.%s object>" % (type(self).__module__, type(self).__name__)


class YouTubeVideo(IFrame):
    """A YouTube video by its id, e.g. YouTubeVideo("dQw4w9WgXcQ", start=30)."""

    def __init__(self, id, width=400, height=300, allow_autoplay=False, **kwargs):
        self.id = id
        extras = ['allow="autoplay"'] if allow_autoplay else None
        super().__init__("https://www.youtube.com/embed/%s" % id, width, height, extras, **kwargs)

    def _repr_jpeg_(self):
        return None


class VimeoVideo(IFrame):
    def __init__(self, id, width=400, height=300, **kwargs):
        super().__init__("https://player.vimeo.com/video/%s" % id, width, height, **kwargs)


class ScribdDocument(IFrame):
    def __init__(self, id, width=400, height=300, **kwargs):
        super().__init__("https://www.scribd.com/embeds/%s/content" % id, width, height, **kwargs)


class FileLink:
    """A link to a file below the notebook server's root, as JupyterLab serves it under files/."""

    html_link_str = "<a href='%s' target='_blank'>%s</a>"

    def __init__(self, path, url_prefix="", result_html_prefix="", result_html_suffix="<br>"):
        if os.path.isdir(path):
            raise ValueError("%s is a directory: use FileLinks to link the files in it" % path)
        self.path = os.fspath(path)
        self.url_prefix = url_prefix
        self.result_html_prefix = result_html_prefix
        self.result_html_suffix = result_html_suffix

    def _format_path(self):
        from urllib.parse import quote

        href = quote(self.url_prefix + self.path.replace(os.sep, "/"))
        link = self.html_link_str % (html.escape(href, quote=True), html.escape(self.path))
        return self.result_html_prefix + link + self.result_html_suffix

    def _repr_html_(self):
        if not os.path.exists(self.path):
            return ("Path (<tt>%s</tt>) doesn't exist. It may still be in the process of being generated, "
                    "or you may have the incorrect path." % html.escape(self.path))
        return self._format_path()

    def __repr__(self):
        return os.path.abspath(self.path)


class FileLinks(FileLink):
    """Links to every file below a directory (optionally only some suffixes), folder by folder."""

    def __init__(self, path, url_prefix="", included_suffixes=None, result_html_prefix="",
                 result_html_suffix="<br>", recursive=True):
        if not os.path.isdir(path):
            raise ValueError("%s is not a directory: use FileLink for one file" % path)
        self.path = os.fspath(path)
        self.url_prefix = url_prefix
        self.included_suffixes = included_suffixes
        self.result_html_prefix = result_html_prefix
        self.result_html_suffix = result_html_suffix
        self.recursive = recursive

    def _files(self):
        for root, dirs, files in os.walk(self.path):
            dirs.sort()
            chosen = sorted(f for f in files if self.included_suffixes is None
                            or os.path.splitext(f)[1] in self.included_suffixes)
            yield root, chosen
            if not self.recursive:
                break

    def _repr_html_(self):
        parts = []
        for root, files in self._files():
            parts.append(self.result_html_prefix + html.escape(root + "/") + self.result_html_suffix)
            for name in files:
                parts.append(FileLink(os.path.join(root, name), self.url_prefix, "&nbsp;&nbsp;",
                                      self.result_html_suffix)._format_path())
        return "\n".join(parts)

    def __repr__(self):
        lines = []
        for root, files in self._files():
            lines.append(root + "/")
            lines.extend("  " + name for name in files)
        return "\n".join(lines)


class Code(TextDisplayObject):
    """Source code shown with highlighting (Pygments where installed, plain <pre> otherwise)."""

    def __init__(self, data=None, url=None, filename=None, language=None):
        self.language = language
        super().__init__(data=data, url=url, filename=filename)

    def _lexer(self):
        from pygments.lexers import get_lexer_by_name, get_lexer_for_filename, guess_lexer

        if self.language:
            return get_lexer_by_name(self.language)
        if self.filename:
            return get_lexer_for_filename(self.filename)
        return guess_lexer(self.data)

    def _repr_html_(self):
        try:
            from pygments import highlight
            from pygments.formatters import HtmlFormatter
        except ImportError:
            return '<pre class="code">%s</pre>' % html.escape(self.data)
        formatter = HtmlFormatter()
        return "<style>%s</style>%s" % (formatter.get_style_defs(".output_html"), highlight(self.data, self._lexer(), formatter))

    def _repr_latex_(self):
        return None

    def __repr__(self):
        return self.data
