"""The Jupyter project's kernel conformance suite (jupyter_kernel_test) with IPython-style samples.

Runs against the kernel named by KERNEL_NAME (default python3, Debian's ipykernel). The tests that
drive it (KernelConformanceIT) run it against the PyMastery kernel and against ipykernel: both must
pass, so every sample here is IPython's behaviour, checked on IPython itself.

    KERNEL_NAME=pymastery JUPYTER_PATH=... python3 -m unittest -v kernel_conformance
"""

import os
import re
import unittest

import jupyter_kernel_test

TIMEOUT = 120
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class IPythonStyleKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("KERNEL_NAME", "python3")
    language_name = "python"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"
    code_stderr = "import sys; print('test', file=sys.stderr)"
    # Completion from the cell's text: none of these names exists until the cell runs.
    completion_samples = [
        {"text": "zi", "matches": {"zip"}},
        {"text": "import os\nos.pathse", "matches": {"pathsep"}},
        {"text": "import collections as col\ncol.Orde", "matches": {"OrderedDict"}},
        {"text": "from os import path\npath.joi", "matches": {"join"}},
        {"text": "result_total = 3\nresult_t", "matches": {"result_total"}},
        {"text": "def area(width, height=2):\n    return width * height\narea(wid", "matches": {"width="}},
        {"text": "for item_name in range(3):\n    item_n", "matches": {"item_name"}},
        {"text": "with open('x') as handle_one:\n    handle_o", "matches": {"handle_one"}},
    ]
    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n  return x*2\n\n\n", "len?", "%pwd"]
    incomplete_code_samples = ["print('''hello", "def f(x):\n  x*2"]
    invalid_code_samples = ["import = 7q"]
    code_page_something = "print?"
    code_generate_error = "raise ValueError('expected')"
    code_execute_result = [
        {"code": "1+2+3", "result": "6"},
        {"code": "[n*n for n in range(1, 4)]", "result": "[1, 4, 9]"},
    ]
    code_display_data = [
        {"code": "from IPython.display import HTML, display; display(HTML('<b>test</b>'))", "mime": "text/html"},
        {"code": "from IPython.display import Math, display; display(Math(r'\\frac{1}{2}'))", "mime": "text/latex"},
        {"code": "from IPython.display import Markdown, display; display(Markdown('*em*'))", "mime": "text/markdown"},
    ]
    code_history_pattern = "1?2*"
    supported_history_operations = ("tail", "search")
    code_inspect_sample = "zip"
    code_clear_output = "from IPython.display import clear_output; clear_output()"

    # ------------------------------------------------------------------ the project's own samples

    def run_cell(self, code, ok=True):
        """Runs code; returns the reply's content and its IOPub messages (up to idle), in order.

        Unlike execute_helper, waits as long as a cell takes between two messages (a display after
        an import, a first call), so a slow cell never leaves messages behind for the next test.
        """
        self.flush_channels()
        msg_id = self.kc.execute(code=code)
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    break
                continue
            if msg["msg_type"] != "execute_input":
                outputs.append(msg)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        if ok:
            self.assertEqual(reply["content"]["status"], "ok", "%s failed: %s" % (code, reply["content"]))
        return reply["content"], outputs

    def outputs_of(self, outputs, *types):
        return [m["content"] for m in outputs if m["msg_type"] in types]

    def text_of(self, outputs):
        return "".join(c["text"] for c in self.outputs_of(outputs, "stream"))

    def result_of(self, outputs):
        results = self.outputs_of(outputs, "execute_result")
        self.assertEqual(len(results), 1, "one execute_result, got %s" % outputs)
        return results[0]["data"]

    def test_ipython_display_classes_render_with_their_mime_types(self):
        self.run_cell(
            "import base64, os, tempfile\n"
            "from IPython.display import (HTML, Markdown, Latex, Math, SVG, JSON, Javascript, Image, Code,\n"
            "    Pretty, IFrame, FileLink, Audio, Video, display)\n"
            "png = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')\n"
            "png_file = os.path.join(tempfile.mkdtemp(), 'dot.png')\n"
            "with open(png_file, 'wb') as f:\n"
            "    f.write(png)\n")
        samples = [
            ("HTML('<b>x</b>')", "text/html", "<b>x</b>"),
            ("Markdown('**x**')", "text/markdown", "**x**"),
            ("Latex(r'$\\alpha$')", "text/latex", "$\\alpha$"),
            ("Math(r'\\alpha')", "text/latex", "$\\displaystyle \\alpha$"),
            ("SVG('<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"></svg>')", "image/svg+xml", "<svg"),
            ("JSON({'a': [1, 2]})", "application/json", {"a": [1, 2]}),
            ("Javascript('console.log(1)')", "application/javascript", "console.log(1)"),
            ("Image(png)", "image/png", "iVBORw0KGgo"),
            ("Image(filename=png_file)", "image/png", "iVBORw0KGgo"),
            ("Image(url='https://example.org/a.png')", "text/html", "<img src=\"https://example.org/a.png\""),
            ("Code('x = 1', language='python')", "text/html", "x"),
            ("IFrame('https://example.org', 300, 200)", "text/html", "<iframe"),
            ("FileLink(png_file)", "text/html", "dot.png"),
            ("Audio([0.0, 0.5, -0.5, 1.0] * 50, rate=8000)", "text/html", "data:audio/wav;base64,UklGR"),
            ("Video('https://example.org/v.mp4')", "text/html", "<video src=\"https://example.org/v.mp4\""),
            ("Pretty('plain words')", "text/plain", "plain words"),
        ]
        for expression, mime, fragment in samples:
            with self.subTest(expression=expression):
                _, outputs = self.run_cell("display(%s)" % expression)
                shown = self.outputs_of(outputs, "display_data")
                self.assertEqual(len(shown), 1, outputs)
                data = shown[0]["data"]
                self.assertIn(mime, data)
                self.assertIn("text/plain", data)
                if isinstance(fragment, dict):
                    self.assertEqual(data[mime], fragment)
                else:
                    self.assertIn(fragment, data[mime])

    def test_image_size_travels_as_metadata(self):
        self.run_cell("from IPython.display import Image, display\nimport base64\n"
                      "png = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')")
        _, outputs = self.run_cell("display(Image(png, width=40, height=30))")
        shown = self.outputs_of(outputs, "display_data")[0]
        self.assertEqual(shown["metadata"]["image/png"], {"width": 40, "height": 30})

    def test_a_display_handle_updates_its_output_in_place(self):
        _, outputs = self.run_cell(
            "from IPython.display import display, update_display, Markdown\n"
            "handle = display(Markdown('one'), display_id=True)\n"
            "handle.update(Markdown('two'))\n"
            "update_display(Markdown('three'), display_id=handle.display_id)")
        first = self.outputs_of(outputs, "display_data")
        updates = self.outputs_of(outputs, "update_display_data")
        self.assertEqual(len(first), 1)
        self.assertEqual([u["data"]["text/markdown"] for u in updates], ["two", "three"])
        display_id = first[0]["transient"]["display_id"]
        self.assertTrue(all(u["transient"]["display_id"] == display_id for u in updates))

    def test_clear_output_with_wait_is_sent(self):
        _, outputs = self.run_cell("from IPython.display import clear_output\nprint('a')\nclear_output(wait=True)\nprint('b')")
        cleared = self.outputs_of(outputs, "clear_output")
        self.assertEqual(cleared, [{"wait": True}])

    def test_get_ipython_is_the_notebook_shell(self):
        _, outputs = self.run_cell(
            "import os\n"
            "from IPython import get_ipython\n"
            "from IPython.core.getipython import get_ipython as core_get_ipython\n"
            "shell = get_ipython()\n"
            "print(type(shell).__name__, shell is core_get_ipython(), shell.user_ns is globals(),\n"
            "      shell.run_line_magic('pwd', '') == os.getcwd(), 'IPKernelApp' in shell.config)\n"
            "shell.user_ns['pushed_name'] = 41\n")
        self.assertEqual(self.text_of(outputs), "ZMQInteractiveShell True True True True\n")
        content, outputs = self.run_cell("pushed_name + 1")
        self.assertEqual(self.result_of(outputs)["text/plain"], "42")

    def test_display_pub_publishes_a_bundle(self):
        _, outputs = self.run_cell(
            "get_ipython().display_pub.publish({'text/plain': 'plain', 'text/html': '<p>rich</p>'})")
        shown = self.outputs_of(outputs, "display_data")
        self.assertEqual(shown[0]["data"], {"text/plain": "plain", "text/html": "<p>rich</p>"})

    def test_a_learner_registers_line_and_cell_magics(self):
        self.run_cell(
            "from IPython.core.magic import register_line_magic, register_cell_magic, register_line_cell_magic\n"
            "@register_line_magic\n"
            "def shout(line):\n"
            "    'Shouts the line.'\n"
            "    return line.upper()\n"
            "@register_cell_magic('backwards')\n"
            "def reverse_cell(line, cell):\n"
            "    return line + '|' + cell[::-1]\n"
            "@register_line_cell_magic\n"
            "def both(line, cell=None):\n"
            "    return 'line' if cell is None else 'cell'\n")
        _, outputs = self.run_cell("%shout quiet")
        self.assertEqual(self.result_of(outputs)["text/plain"], "'QUIET'")
        # IPython hands a cell magic its body with the last line's newline.
        _, outputs = self.run_cell("%%backwards arg\nabc")
        self.assertEqual(self.result_of(outputs)["text/plain"], "'arg|\\ncba'")
        _, outputs = self.run_cell("x = %both\nprint(x)")
        self.assertEqual(self.text_of(outputs), "line\n")
        _, outputs = self.run_cell("%%both\nbody")
        self.assertEqual(self.result_of(outputs)["text/plain"], "'cell'")
        _, outputs = self.run_cell("get_ipython().run_cell_magic('backwards', 'a', 'xy')")
        self.assertEqual(self.result_of(outputs)["text/plain"], "'a|yx'")

    def test_a_magics_class_registers_its_methods(self):
        self.run_cell(
            "from IPython.core.magic import Magics, magics_class, line_magic, cell_magic\n"
            "@magics_class\n"
            "class Counter(Magics):\n"
            "    count = 0\n"
            "    @line_magic\n"
            "    def bump(self, line):\n"
            "        Counter.count += int(line or 1)\n"
            "        return Counter.count\n"
            "    @cell_magic('lines')\n"
            "    def count_lines(self, line, cell):\n"
            "        return len(cell.splitlines())\n"
            "get_ipython().register_magics(Counter)\n")
        self.run_cell("%bump 2")
        _, outputs = self.run_cell("%bump 3")
        self.assertEqual(self.result_of(outputs)["text/plain"], "5")
        _, outputs = self.run_cell("%%lines\na\nb\nc")
        self.assertEqual(self.result_of(outputs)["text/plain"], "3")

    def page_of(self, code):
        content, outputs = self.run_cell(code)
        pages = [p for p in content["payload"] if p.get("source") == "page"]
        self.assertEqual(len(pages), 1, "%s: one page payload, got %s" % (code, content["payload"]))
        return ANSI.sub("", pages[0]["data"]["text/plain"])

    def test_help_comes_as_a_pager_payload_in_every_spelling(self):
        self.run_cell(
            "def documented(a, b=2):\n"
            "    '''Adds a and b.'''\n"
            "    return a + b  # the body\n")
        for code in ("documented?", "?documented", "%pinfo documented"):
            with self.subTest(code=code):
                text = self.page_of(code)
                self.assertIn("Adds a and b.", text)
                self.assertIn("documented(a, b=2)", text)
                self.assertNotIn("# the body", text)
        for code in ("documented??", "??documented", "%pinfo2 documented", "%psource documented"):
            with self.subTest(code=code):
                self.assertIn("return a + b  # the body", self.page_of(code))
        self.assertIn("Adds a and b.", self.page_of("%pdoc documented"))
        self.assertIn("Join", self.page_of("import os.path\nos.path.join?"))

    def test_help_on_a_missing_name_says_so(self):
        content, outputs = self.run_cell("no_such_name_here?")
        self.assertEqual([p for p in content["payload"] if p.get("source") == "page"], [])
        self.assertIn("Object `no_such_name_here` not found.", self.text_of(outputs))

    def test_events_run_around_each_cell(self):
        self.run_cell(
            "seen = []\n"
            "def after(result):\n"
            "    seen.append((result.success, result.info.raw_cell.strip()))\n"
            "get_ipython().events.register('post_run_cell', after)\n")
        self.run_cell("1/0", ok=False)
        self.run_cell("'fine'")
        _, outputs = self.run_cell("get_ipython().events.unregister('post_run_cell', after)\nprint(seen[-2:])")
        self.assertEqual(self.text_of(outputs), "[(False, '1/0'), (True, \"'fine'\")]\n")

    def test_run_executes_a_file_as_main_and_keeps_its_names(self):
        self.run_cell(
            "import os, tempfile\n"
            "run_dir = tempfile.mkdtemp()\n"
            "with open(os.path.join(run_dir, 'tripler.py'), 'w') as f:\n"
            "    f.write('import sys\\n'\n"
            "            'def triple(x):\\n'\n"
            "            '    return x * 3\\n'\n"
            "            'RESULT = triple(int(sys.argv[1]))\\n'\n"
            "            'print(\"ran as\", __name__, sys.argv[1:])\\n')\n"
            "os.chdir(run_dir)\n")
        _, outputs = self.run_cell("%run tripler.py 5")
        self.assertEqual(self.text_of(outputs), "ran as __main__ ['5']\n")
        _, outputs = self.run_cell("RESULT, triple(2)")
        self.assertEqual(self.result_of(outputs)["text/plain"], "(15, 6)")
        content, _ = self.run_cell("%load -s triple tripler.py")
        loads = [p for p in content["payload"] if p.get("source") == "set_next_input"]
        self.assertEqual(len(loads), 1, content["payload"])
        self.assertTrue(loads[0]["text"].startswith("# %load -s triple tripler.py\n"), loads[0]["text"])
        self.assertIn("def triple(x):\n    return x * 3", loads[0]["text"])
        self.assertNotIn("RESULT", loads[0]["text"])
        self.assertTrue(loads[0]["replace"])

    def test_capture_keeps_what_a_cell_prints_and_displays(self):
        _, outputs = self.run_cell(
            "%%capture captured\n"
            "from IPython.display import display, HTML\n"
            "print('kept back')\n"
            "display(HTML('<i>kept</i>'))\n")
        self.assertEqual(self.outputs_of(outputs, "stream", "display_data"), [])
        _, outputs = self.run_cell("print(repr(captured.stdout), len(captured.outputs), captured.outputs[0].data['text/html'])")
        self.assertEqual(self.text_of(outputs), "'kept back\\n' 1 <i>kept</i>\n")
        _, outputs = self.run_cell("captured.show()")
        self.assertEqual(self.text_of(outputs), "kept back\n")
        self.assertEqual(self.outputs_of(outputs, "display_data")[0]["data"]["text/html"], "<i>kept</i>")
        _, outputs = self.run_cell(
            "from IPython.utils.capture import capture_output\n"
            "with capture_output() as block:\n"
            "    print('inside')\n"
            "print('outside', repr(block.stdout))")
        self.assertEqual(self.text_of(outputs), "outside 'inside\\n'\n")

    def test_xmode_minimal_shows_only_the_error_line(self):
        self.run_cell("%xmode Minimal")
        try:
            content, _ = self.run_cell("def fails():\n    return 1 / 0\nfails()", ok=False)
            lines = [ANSI.sub("", line) for line in content["traceback"]]
            self.assertEqual(content["ename"], "ZeroDivisionError")
            self.assertIn("ZeroDivisionError: division by zero", "\n".join(lines))
            self.assertNotIn("fails()", "\n".join(lines))
        finally:
            self.run_cell("%xmode Context")

    def test_precision_sets_how_floats_print(self):
        try:
            self.run_cell("%precision 3")
            _, outputs = self.run_cell("3.14159265")
            self.assertEqual(self.result_of(outputs)["text/plain"], "3.142")
            _, outputs = self.run_cell("[1.0, 2.5]")
            self.assertEqual(self.result_of(outputs)["text/plain"], "[1.000, 2.500]")
        finally:
            self.run_cell("%precision")
        _, outputs = self.run_cell("3.14159265")
        self.assertEqual(self.result_of(outputs)["text/plain"], "3.14159265")

    def test_reset_f_deletes_the_learners_names(self):
        self.run_cell("doomed = 1")
        self.run_cell("%reset -f")
        _, outputs = self.run_cell("'doomed' in globals()")
        self.assertEqual(self.result_of(outputs)["text/plain"], "False")

    def complete(self, code):
        self.flush_channels()
        msg_id = self.kc.complete(code, len(code))
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        return reply["content"]

    def test_completion_offsets_count_code_points_and_carry_types(self):
        code = "label = 'caf\u00e9 \U0001F600'\nimport os\nos.pathse"
        reply = self.complete(code)
        self.assertEqual(reply["cursor_end"], len(code))
        self.assertEqual(reply["cursor_start"], len(code) - len("pathse"))
        types = reply["metadata"]["_jupyter_types_experimental"]
        pathsep = [t for t in types if t["text"] == "pathsep"]
        self.assertEqual(len(pathsep), 1, types)
        self.assertEqual((pathsep[0]["start"], pathsep[0]["end"]), (reply["cursor_start"], len(code)))

    def test_completion_offers_paths_inside_strings(self):
        self.run_cell(
            "import os, tempfile\n"
            "os.chdir(tempfile.mkdtemp())\n"
            "os.mkdir('notebooks_dir')\n"
            "open('notes_file.txt', 'w').close()\n")
        reply = self.complete("open('note")
        self.assertTrue({"notebooks_dir/", "notes_file.txt"} <= set(reply["matches"]), reply["matches"])
        self.assertEqual(reply["cursor_start"], len("open('"))

    def test_completion_does_not_run_a_module_the_cell_imports(self):
        self.run_cell(
            "import os, sys, tempfile\n"
            "side_dir = tempfile.mkdtemp()\n"
            "sys.path.insert(0, side_dir)\n"
            "with open(os.path.join(side_dir, 'noisy_module.py'), 'w') as f:\n"
            "    f.write('import os\\nopen(os.path.join(os.path.dirname(__file__), \"ran\"), \"w\").close()\\n'\n"
            "            'def quiet_function():\\n    pass\\n')\n")
        reply = self.complete("import noisy_module\nnoisy_module.quiet_f")
        self.assertEqual(reply["matches"], ["quiet_function"])
        _, outputs = self.run_cell("os.path.exists(os.path.join(side_dir, 'ran'))")
        self.assertEqual(self.result_of(outputs)["text/plain"], "False")

    COMM_API = (
        "try:\n"
        "    import comm\n"
        "    create_comm, manager = comm.create_comm, comm.get_comm_manager()\n"
        "except ImportError:  # ipykernel before 6.18 (Debian bookworm's 6.17) has its own comm module\n"
        "    from ipykernel.comm import Comm as create_comm\n"
        "    manager = get_ipython().kernel.comm_manager\n")

    def send_shell(self, msg_type, content):
        """Sends a shell message without a reply (comm_*); returns its IOPub messages up to idle."""
        self.flush_channels()
        msg = self.kc.session.msg(msg_type, content)
        self.kc.shell_channel.send(msg)
        outputs = []
        while True:
            reply = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                continue
            if reply["msg_type"] == "status":
                if reply["content"]["execution_state"] == "idle":
                    return outputs
                continue
            outputs.append(reply)

    def test_a_comm_opened_by_the_kernel_talks_both_ways(self):
        self.run_cell(self.COMM_API)
        _, outputs = self.run_cell(
            "received, closed = [], []\n"
            "channel = create_comm(target_name='pm.test', data={'hello': 1}, metadata={'version': '2.1.0'})\n"
            "channel.on_msg(lambda msg: received.append(msg['content']['data']))\n"
            "channel.on_close(lambda msg: closed.append(msg['content']['data']))\n")
        opened = self.outputs_of(outputs, "comm_open")
        self.assertEqual(len(opened), 1, outputs)
        self.assertEqual(opened[0]["target_name"], "pm.test")
        self.assertEqual(opened[0]["data"], {"hello": 1})
        # the message's own metadata, where ipywidgets puts its protocol version
        self.assertEqual([m["metadata"] for m in outputs if m["msg_type"] == "comm_open"], [{"version": "2.1.0"}])
        comm_id = opened[0]["comm_id"]
        msg_id = self.kc.comm_info(target_name="pm.test")
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["comms"], {comm_id: {"target_name": "pm.test"}})
        self.send_shell("comm_msg", {"comm_id": comm_id, "data": {"x": 2}})
        _, outputs = self.run_cell("channel.send({'back': 3})\nprint(received)")
        self.assertEqual(self.text_of(outputs), "[{'x': 2}]\n")
        sent = self.outputs_of(outputs, "comm_msg")
        self.assertEqual([(m["comm_id"], m["data"]) for m in sent], [(comm_id, {"back": 3})])
        self.send_shell("comm_close", {"comm_id": comm_id, "data": {"bye": True}})
        _, outputs = self.run_cell("print(closed)")
        self.assertEqual(self.text_of(outputs), "[{'bye': True}]\n")

    def test_a_comm_opened_by_the_front_end_reaches_its_target(self):
        self.run_cell(self.COMM_API)
        self.run_cell(
            "def echo_target(channel, msg):\n"
            "    channel.send({'ready': msg['content']['data']})\n"
            "    channel.on_msg(lambda m: channel.send({'echo': m['content']['data']}))\n"
            "manager.register_target('pm.echo', echo_target)\n")
        outputs = self.send_shell("comm_open", {"comm_id": "front-1", "target_name": "pm.echo", "data": {"n": 1}})
        self.assertEqual([(m["content"]["comm_id"], m["content"]["data"]) for m in outputs if m["msg_type"] == "comm_msg"],
                         [("front-1", {"ready": {"n": 1}})])
        outputs = self.send_shell("comm_msg", {"comm_id": "front-1", "data": {"ping": 2}})
        self.assertEqual([m["content"]["data"] for m in outputs if m["msg_type"] == "comm_msg"], [{"echo": {"ping": 2}}])
        outputs = self.send_shell("comm_open", {"comm_id": "front-2", "target_name": "pm.nobody", "data": {}})
        self.assertEqual([m["content"]["comm_id"] for m in outputs if m["msg_type"] == "comm_close"], ["front-2"])

    def test_comm_messages_carry_binary_buffers_both_ways(self):
        self.run_cell(self.COMM_API)
        self.run_cell(
            "got = []\n"
            "def binary_target(channel, msg):\n"
            "    got.append([bytes(b) for b in msg['buffers']])\n"
            "    channel.on_msg(lambda m: got.append([bytes(b) for b in m['buffers']]))\n"
            "    channel.send({'kind': 'bytes'}, buffers=[b'\\x00\\x01\\xff', bytearray(b'two')])\n"
            "manager.register_target('pm.binary', binary_target)\n")
        self.flush_channels()
        msg = self.kc.session.msg("comm_open", {"comm_id": "bin-1", "target_name": "pm.binary", "data": {}})
        self.kc.session.send(self.kc.shell_channel.socket, msg, buffers=[b"\x10\x20"])
        sent = []
        while True:
            reply = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                continue
            if reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle":
                break
            if reply["msg_type"] == "comm_msg":
                sent.append(reply)
        self.assertEqual(len(sent), 1)
        self.assertEqual([bytes(b) for b in sent[0]["buffers"]], [b"\x00\x01\xff", b"two"])
        msg = self.kc.session.msg("comm_msg", {"comm_id": "bin-1", "data": {}})
        self.kc.session.send(self.kc.shell_channel.socket, msg, buffers=[b"abc", b""])
        _, outputs = self.run_cell("print(got)")
        self.assertEqual(self.text_of(outputs), "[[b'\\x10 '], [b'abc', b'']]\n")

    def test_the_kernel_object_knows_the_request_being_served(self):
        self.flush_channels()
        msg_id = self.kc.execute(code="print(get_ipython().kernel.get_parent()['header']['msg_id'])")
        text = ""
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] == "stream":
                text += msg["content"]["text"]
        self.assertEqual(text, msg_id + "\n")

    def test_set_next_input_is_a_payload(self):
        content, _ = self.run_cell("get_ipython().set_next_input('print(42)')")
        payloads = [p for p in content["payload"] if p.get("source") == "set_next_input"]
        self.assertEqual(len(payloads), 1)
        self.assertEqual(payloads[0]["text"], "print(42)")


if __name__ == "__main__":
    unittest.main()
