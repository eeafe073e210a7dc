#!/usr/bin/env python3
"""A screen-reader pass over the widget with Orca, headless: what a blind reader hears.

Starts Xvfb, a D-Bus session, the AT-SPI bus, Chromium (with its accessibility tree on) and
Orca (with a silent speech server that logs every utterance, one line at a time), then for
each scenario loads a page, sends real key presses with xdotool and writes down what Orca
spoke after each step. Standard library only. Run by scripts/screen-reader.sh, which installs
the Debian packages and serves www/; or by hand:

    python3 tools/screen-reader/listen.py --base http://127.0.0.1:8731/ [--only tabs-en,checker-zh]

Transcripts: tests/screen-reader/transcripts/<scenario>-<lang>.txt and SUMMARY.md.

Orca runs in a child process under Debian's /usr/bin/python3 (it needs the system's
PyGObject): `listen.py --orca-child LOG PREFS` imports orca, replaces its speech server
factory by a silent one that writes each utterance with its voice and language, makes its
debug log line-buffered, and then runs orca's main() exactly as /usr/bin/orca would.
"""

import argparse
import base64
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "tests", "screen-reader", "transcripts")
WIDTH, HEIGHT = 1280, 900


# ------------------------------------------------------------------------------------------
# Orca child: runs inside Debian's python3, in-process, with a silent logging speech server.
# ------------------------------------------------------------------------------------------

def orca_child(log_path, prefs_dir):
    """Runs Orca with a speech server that speaks nothing and logs everything."""
    sys.path.insert(0, "/usr/lib/python3/dist-packages")
    log = open(log_path, "a", buffering=1, encoding="utf-8")  # line-buffered

    def emit(kind, text, extra=""):
        text = text.replace("\n", " ")
        log.write(f"{time.monotonic():.3f}\t{kind}\t{text}\t{extra}\n")

    from orca import debug  # noqa: E402
    from orca import speechserver  # noqa: E402
    from orca import speech_generator  # noqa: E402

    # Orca's own debug log, line by line (its --debug-file is buffered until exit).
    debug.debugFile = open(log_path + ".debug", "w", buffering=1, encoding="utf-8")
    debug.debugLevel = debug.LEVEL_INFO

    # The language Orca found for each piece of text (from the AT-SPI `language` text
    # attribute, i.e. the nearest HTML `lang`): Orca 43 logs it but keeps the default voice.
    # It is carried on the voice as `x-lang` so that each utterance says which it was.
    original_voice = speech_generator.SpeechGenerator.voice

    def voice(self, key=None, **args):
        result = original_voice(self, key, **args)
        lang = args.get("language")
        if lang and result:
            result[0]["x-lang"] = lang + ("-" + args["dialect"] if args.get("dialect") else "")
        return result

    speech_generator.SpeechGenerator.voice = voice
    default_lang = (os.environ.get("LANG") or "en").split(".")[0].split("_")[0] or "en"
    if default_lang in ("C", "POSIX"):
        default_lang = "en"

    class SilentServer(speechserver.SpeechServer):
        """A speech server that says nothing: each utterance goes to the log with its voice."""

        @staticmethod
        def getFactoryName():
            return "Silent (vats-pilot screen-reader pass)"

        @staticmethod
        def getSpeechServers():
            return [_server()]

        @staticmethod
        def getSpeechServer(info=None):
            return _server()

        @staticmethod
        def shutdownActiveServers():
            pass

        def getInfo(self):
            return [self.getFactoryName(), "silent"]

        def getVoiceFamilies(self):
            return [speechserver.VoiceFamily({
                speechserver.VoiceFamily.NAME: "default",
                speechserver.VoiceFamily.LANG: "en",
                speechserver.VoiceFamily.DIALECT: "",
                speechserver.VoiceFamily.VARIANT: None,
            })]

        def getOutputModules(self):
            return ["silent"]

        def getLanguage(self):
            return "en"

        def _voice(self, acss):
            acss = acss or {}
            fam = acss.get("family") or {}
            voice_lang = fam.get("lang") or default_lang
            return f"voice lang={voice_lang} text lang={acss.get('x-lang') or '-'}"

        def speak(self, text=None, acss=None, interrupt=True):
            if text:
                emit("SPEAK", text, self._voice(acss))

        def speakUtterances(self, utteranceList, acss=None, interrupt=True):
            for u in utteranceList:
                self.speak(str(u), acss, interrupt)

        def speakCharacter(self, character, acss=None):
            emit("CHAR", character, self._voice(acss))

        def speakKeyEvent(self, event, acss=None):
            emit("KEY", getattr(event, "event_string", str(event)), self._voice(acss))

        def sayAll(self, utteranceIterator, progressCallback):
            for context, acss in utteranceIterator:
                self.speak(getattr(context, "utterance", str(context)), acss)

        def increaseSpeechRate(self, step=5):
            pass

        def decreaseSpeechRate(self, step=5):
            pass

        def increaseSpeechPitch(self, step=0.5):
            pass

        def decreaseSpeechPitch(self, step=0.5):
            pass

        def increaseSpeechVolume(self, step=0.5):
            pass

        def decreaseSpeechVolume(self, step=0.5):
            pass

        def updateCapitalizationStyle(self):
            pass

        def updatePunctuationLevel(self):
            pass

        def stop(self):
            pass

        def shutdown(self):
            pass

        def reset(self, text=None, acss=None):
            pass

        def list_output_modules(self):
            return ["silent"]

        def get_output_module(self):
            return "silent"

        def set_output_module(self, module):
            pass

    instance = []

    def _server():
        if not instance:
            instance.append(SilentServer())
        return instance[0]

    import types
    factory = types.ModuleType("orca.silentspeechfactory")
    factory.SpeechServer = SilentServer
    sys.modules["orca.silentspeechfactory"] = factory
    sys.modules["silentspeechfactory"] = factory
    emit("READY", "orca child started", "")

    sys.argv = ["orca", "--user-prefs", prefs_dir, "--replace"]
    import runpy
    runpy.run_path("/usr/bin/orca", run_name="__main__")


# ------------------------------------------------------------------------------------------
# A tiny Chrome DevTools Protocol client (standard library WebSocket), used only to load
# pages and to ask which element has focus. Keys never go through it: Orca does not see
# CDP key events, so every key is a real X key press from xdotool.
# ------------------------------------------------------------------------------------------

class Cdp:
    def __init__(self, ws_url):
        u = urllib.parse.urlparse(ws_url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        req = (f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(req.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise RuntimeError("CDP handshake failed")
            head += chunk
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"CDP handshake refused: {head[:80]!r}")
        self.next_id = 0

    def _send(self, text):
        data = text.encode()
        n = len(data)
        hdr = bytearray([0x81])
        if n < 126:
            hdr.append(0x80 | n)
        elif n < 65536:
            hdr += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            hdr += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(bytes(hdr) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _recv_exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise RuntimeError("CDP connection closed")
            buf += chunk
        return buf

    def _recv(self):
        msg = b""
        while True:
            b0, b1 = self._recv_exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            payload = self._recv_exact(n)
            op = b0 & 0x0F
            if op == 0x9:  # ping
                continue
            msg += payload
            if b0 & 0x80:
                return msg.decode("utf-8", "replace")

    def call(self, method, **params):
        self.next_id += 1
        mid = self.next_id
        self._send(json.dumps({"id": mid, "method": method, "params": params}))
        while True:
            m = json.loads(self._recv())
            if m.get("id") == mid:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})

    def eval(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        return r.get("result", {}).get("value")


# The focused element, through shadow roots: tag, id, role, name-ish text.
ACTIVE_JS = r"""(() => {
  let a = document.activeElement, path = [];
  while (a && a.shadowRoot && a.shadowRoot.activeElement) { path.push(a.tagName.toLowerCase()); a = a.shadowRoot.activeElement; }
  if (!a || a === document.body) return 'body (focus lost or on the page)';
  const t = (a.getAttribute('aria-label') || a.textContent || a.value || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  const role = a.getAttribute('role');
  return (path.length ? path.join('>') + '>' : '') + a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + (role ? '[role=' + role + ']' : '') + (t ? ' "' + t + '"' : '');
})()"""


# A point of the page (x, y in the viewport, plus the height of the browser's own bars) that
# holds no control and lies before the widget, for the click that puts focus in the document.
EMPTY_SPOT_JS = r"""(() => {
  const top = window.outerHeight - window.innerHeight;
  for (const [x, y] of [[4, 4], [innerWidth - 30, 4], [4, 60], [innerWidth / 2, 4]]) {
    const el = document.elementFromPoint(x, y);
    if (!el || el.closest('a, button, input, select, textarea, summary, [tabindex], vats-pilot, #app')) continue;
    return [x, y, top];
  }
  return [4, 4, top];
})()"""


# ------------------------------------------------------------------------------------------
# The session: Xvfb, D-Bus, AT-SPI, Chromium, Orca.
# ------------------------------------------------------------------------------------------

class Session:
    def __init__(self, args):
        self.args = args
        self.procs = []
        self.tmp = tempfile.mkdtemp(prefix="vats-sr-")
        self.env = dict(os.environ)
        self.log_path = os.path.join(self.tmp, "speech.log")
        open(self.log_path, "w").close()
        self.cdp = None

    # --- processes -----------------------------------------------------------------------
    def spawn(self, name, cmd, env=None, **kw):
        out = open(os.path.join(self.tmp, f"{name}.out"), "w")
        kw.setdefault("stdout", out)
        kw.setdefault("stderr", subprocess.STDOUT)
        p = subprocess.Popen(cmd, env=env or self.env, start_new_session=True, **kw)
        self.procs.append((name, p))
        return p

    def stop(self):
        for name, p in reversed(self.procs):
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.time() + 5
        for name, p in reversed(self.procs):
            try:
                p.wait(max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        if not self.args.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def start(self):
        # Xvfb: it picks a free display and tells us which.
        r, w = os.pipe()
        self.spawn("xvfb", ["Xvfb", "-displayfd", str(w), "-screen", "0", f"{WIDTH}x{HEIGHT + 124}x24",
                            "-nolisten", "tcp", "-noreset"], pass_fds=(w,))
        os.close(w)
        disp = b""
        deadline = time.time() + 15
        while not disp.endswith(b"\n") and time.time() < deadline:
            disp += os.read(r, 16)
        os.close(r)
        self.env["DISPLAY"] = ":" + disp.decode().strip()
        # A D-Bus session of our own.
        p = self.spawn("dbus", ["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = p.stdout.readline().decode().strip()
        for k in ("XDG_RUNTIME_DIR",):
            self.env.pop(k, None)
        self.env["XDG_RUNTIME_DIR"] = os.path.join(self.tmp, "run")
        os.makedirs(self.env["XDG_RUNTIME_DIR"], mode=0o700)
        self.env["HOME"] = os.path.join(self.tmp, "home")
        os.makedirs(self.env["HOME"])
        self.env["NO_AT_BRIDGE"] = "0"
        self.env["GTK_A11Y"] = "atspi"
        self.env["LANG"] = self.env.get("LANG") or "C.UTF-8"
        # The accessibility bus, launched at once (not on first use), and switched on.
        launcher = next((x for x in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher") if os.path.exists(x)), None)
        if not launcher:
            raise SystemExit("at-spi-bus-launcher not found (install at-spi2-core)")
        self.spawn("atspi", [launcher, "--launch-immediately"])
        self.wait_for(lambda: self.dbus_ok(["--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress"]), 15, "the AT-SPI bus")
        self.dbus_set_a11y()
        # Orca, in a child under the system's Python, with a silent logging speech server.
        prefs = os.path.join(self.tmp, "orca-prefs")
        os.makedirs(prefs)
        write_orca_prefs(prefs)
        self.orca = self.spawn("orca", ["/usr/bin/python3", os.path.abspath(__file__), "--orca-child", self.log_path, prefs])
        self.wait_for(lambda: "READY" in open(self.log_path, encoding="utf-8").read(), 30, "Orca to start")
        self.wait_for(lambda: self.orca_running(), 40, "Orca to finish loading")
        # Chromium, with its renderer accessibility on, in a window of fixed size.
        self.cdp_port = free_port()
        chrome = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not chrome:
            raise SystemExit("chromium not found")
        cenv = dict(self.env, ACCESSIBILITY_ENABLED="1")
        self.spawn("chromium", [chrome, "--no-sandbox", "--test-type", "--no-first-run", "--no-default-browser-check",
                                f"--user-data-dir={os.path.join(self.tmp, 'chrome')}", "--force-renderer-accessibility",
                                f"--window-size={WIDTH},{HEIGHT}", "--window-position=0,0", "--disable-gpu",
                                "--password-store=basic", "--disable-features=Translate,MediaRouter,OptimizationHints",
                                "--disable-component-update", "--disable-background-networking", "--lang=en-US",
                                f"--remote-debugging-port={self.cdp_port}", "--remote-allow-origins=*", "about:blank"], env=cenv)
        self.wait_for(lambda: self.page_target() is not None, 30, "Chromium")
        self.cdp = Cdp(self.page_target()["webSocketDebuggerUrl"])
        self.cdp.call("Page.enable")
        self.wait_for(lambda: self.window_id() is not None, 20, "the Chromium window")

    def wait_for(self, fn, timeout, what):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if fn():
                    return
            except Exception:
                pass
            time.sleep(0.3)
        raise SystemExit(f"timed out waiting for {what} (logs in {self.tmp})")

    def dbus_ok(self, args):
        return subprocess.run(["dbus-send", "--session", "--print-reply", *args], env=self.env,
                              capture_output=True, timeout=5).returncode == 0

    def dbus_set_a11y(self):
        for prop in ("IsEnabled", "ScreenReaderEnabled"):
            self.dbus_ok(["--dest=org.a11y.Bus", "/org/a11y/bus", "org.freedesktop.DBus.Properties.Set",
                          "string:org.a11y.Status", f"string:{prop}", "variant:boolean:true"])

    def orca_running(self):
        return self.orca.poll() is None and any("SPEAK" in l or "orca" in l.lower() for l in self.read_log(0)[0][1:])

    def page_target(self):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.cdp_port}/json/list", timeout=3) as r:
            pages = [t for t in json.load(r) if t.get("type") == "page"]
        return pages[0] if pages else None

    def window_id(self):
        r = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "chromium"], env=self.env, capture_output=True, text=True)
        ids = r.stdout.split()
        self.win = ids[-1] if ids else None
        return self.win

    # --- input ---------------------------------------------------------------------------
    def xdo(self, *args):
        subprocess.run(["xdotool", *args], env=self.env, check=False, capture_output=True)

    def key(self, k):
        self.xdo("key", "--clearmodifiers", "--delay", "60", k)

    def type(self, text):
        self.xdo("type", "--delay", "120", text)

    # --- speech log ----------------------------------------------------------------------
    def read_log(self, pos):
        with open(self.log_path, encoding="utf-8") as f:
            f.seek(pos)
            data = f.read()
            end = f.tell()
        lines = [l.split("\t") for l in data.splitlines() if l.count("\t") >= 3]
        return lines, end

    def settle(self, pos, quiet=0.8, longest=8.0, first=1.8):
        """Waits until Orca has spoken and then been quiet for `quiet` s (or, if it says nothing,
        `first` s), and returns what it said since `pos`. Orca is sometimes seconds late."""
        start = time.time()
        last = None
        seen = 0
        while True:
            time.sleep(0.1)
            lines, _ = self.read_log(pos)
            if len(lines) != seen:
                seen = len(lines)
                last = time.time()
            now = time.time()
            if now - start >= longest or (last is None and now - start >= first) or (last and now - last >= quiet):
                break
        lines, end = self.read_log(pos)
        return [(l[1], l[2], l[3]) for l in lines if l[1] in ("SPEAK", "CHAR", "KEY")], end

    def mark(self):
        return os.path.getsize(self.log_path)

    def active(self):
        try:
            return self.cdp.eval(ACTIVE_JS)
        except Exception as e:
            return f"(unknown: {e})"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# ------------------------------------------------------------------------------------------
# Scenarios: a page, then steps. A step is (description, action, argument[, expect]) where
# action is "key" (xdotool key names, space-separated, pressed one after another) or "type";
# `expect` names what the step should make Orca say (checked in SUMMARY.md).
# ------------------------------------------------------------------------------------------

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")

T = {
    "en": {"count": r"\d+ of \d+ match", "verdict_any": r"(allowed|not allowed|Allowed|Not allowed|capped|Up to|up to|Yes|No)",
           "pending": "Choose a place and a service", "switch": "中文"},
    "zh": {"count": r"符合条件 ?\d+ ?家", "verdict_any": r"(允许|不允许|可以|不可以|上限|最高)",
           "pending": "请选择地点和业务", "switch": "English"},
}


def tabs_n(n, what="Tab"):
    return [(f"{what} ({i + 1})", "key", "Tab") for i in range(n)]


def scenarios(lang):
    t = T[lang]
    q = f"?lang={lang}"
    out = {}
    out["landing-index"] = ("index.html" + q, [
        *tabs_n(6),
        ("Shift+Tab (back)", "key", "shift+Tab"),
    ])
    article = []
    if lang == "zh":
        # The article's <vats-pilot> has no lang attribute (English); a reader switches it with
        # the widget's own language button, by keyboard.
        article = [("Tab into the widget (language switch)", "key", "Tab"),
                   ("Enter: switch the widget to Chinese", "key", "Return"),
                   ("Shift+Tab (back to the page)", "key", "shift+Tab")]
    out["landing-article"] = ("article.html", [*article, *tabs_n(6)])
    out["tabs"] = ("index.html" + q, [
        ("Tab (language switch)", "key", "Tab"),
        ("Tab into the tab list", "key", "Tab"),
        ("Right arrow", "key", "Right"),
        ("Right arrow", "key", "Right"),
        ("Right arrow", "key", "Right"),
        ("Right arrow (wraps)", "key", "Right"),
        ("Left arrow (wraps back)", "key", "Left"),
        ("Home", "key", "Home"),
        ("End", "key", "End"),
        ("Home", "key", "Home"),
        ("Tab into the panel", "key", "Tab"),
        ("Shift+Tab back to the tab list", "key", "shift+Tab"),
    ])
    out["map"] = ("index.html" + q + "#tab=map", [
        ("Tab (language switch)", "key", "Tab"),
        ("Tab (tab list)", "key", "Tab"),
        ("Tab onto the map's first area", "key", "Tab"),
        ("Right arrow: next area", "key", "Right"),
        ("Right arrow: next area", "key", "Right"),
        ("Right arrow: next area", "key", "Right"),
        ("Left arrow: back one area", "key", "Left"),
        ("Enter: select this area", "key", "Return"),
        *[(f"Tab through the area card ({i + 1})", "key", "Tab") for i in range(5)],
        ("Escape (on the card)", "key", "Escape"),
    ])
    out["list"] = ("index.html" + q + "#tab=list", [
        ("Tab (language switch)", "key", "Tab"),
        ("Tab (tab list)", "key", "Tab"),
        ("Tab until the search box", "until", r"input#\S+-q\b"),
        ("Type 'Siemens'", "type", "Siemens", "count"),
        ("Backspace ×7 (clear the search)", "key", " ".join(["BackSpace"] * 7), "count"),
        ("Tab (filters summary)", "key", "Tab"),
        ("Tab to the first filter (area)", "key", "Tab"),
        ("Alt+Down: open the choices", "key", "alt+Down"),
        ("Down", "key", "Down"),
        ("Down", "key", "Down"),
        ("Enter: choose it", "key", "Return", "count"),
        ("Tab (next field)", "key", "Tab"),
    ])
    out["checker"] = ("index.html" + q + "#tab=checker", [
        ("Tab (language switch)", "key", "Tab"),
        ("Tab (tab list)", "key", "Tab"),
        ("Tab to the place question", "key", "Tab"),
        ("Alt+Down: open the places", "key", "alt+Down"),
        ("Down ×5 (to Shanghai outside Pudong)", "key", "Down Down Down Down Down"),
        ("Enter: choose the place (first required answer)", "key", "Return", "no-verdict"),
        ("Tab to the service filter box", "key", "Tab"),
        ("Tab to the service question", "key", "Tab"),
        ("Alt+Down: open the services", "key", "alt+Down"),
        ("Down (first service)", "key", "Down"),
        ("Enter: choose the service (second required answer)", "key", "Return", "verdict"),
        ("Tab to the foreign share box", "key", "Tab"),
        ("Type '49' (within the cap: same verdict)", "type", "49"),
        ("Backspace ×2, type '100' (over the cap)", "key", "BackSpace BackSpace"),
        ("(typing '100')", "type", "100", "verdict"),
        ("Tab out of the share box", "key", "Tab"),
    ])
    return out


class Runner:
    def __init__(self, session, base):
        self.s = session
        self.base = base

    def load(self, path):
        s = self.s
        s.cdp.call("Page.navigate", url=urllib.parse.urljoin(self.base, path))
        ready = "document.querySelector('#app[data-ready], vats-pilot[data-ready]') !== null"
        s.wait_for(lambda: s.cdp.eval(ready), 30, f"the widget on {path}")
        s.cdp.eval("document.activeElement && document.activeElement.blur(); scrollTo(0, 0); true")
        # Real focus in the page: the window gets X focus and a click on an empty spot of the
        # page, before the widget (its margin or the masthead), puts the keyboard in the document:
        # the next Tab goes to the first control after that spot.
        spot = s.cdp.eval(EMPTY_SPOT_JS) or [4, 4, 80]
        s.xdo("windowfocus", "--sync", s.win)
        s.xdo("mousemove", "--sync", str(spot[0]), str(spot[1] + spot[2]))
        time.sleep(0.2)

    def run(self, name, lang, path, steps):
        s = self.s
        pos = s.mark()
        self.load(path)
        s.xdo("click", "1")
        said, pos = s.settle(pos, quiet=2.0, longest=12, first=4)
        rec = [{"step": f"Load {path} and click an empty part of the page", "said": said, "focus": s.active(), "expect": None}]
        for st in steps:
            desc, action, arg = st[:3]
            expect = st[3] if len(st) > 3 else None
            if action == "until":
                for k in range(6):
                    pos = s.mark()
                    s.key("Tab")
                    said, pos = s.settle(pos)
                    focus = s.active()
                    rec.append({"step": f"{desc}: Tab {k + 1}", "said": said, "focus": focus, "expect": None})
                    if re.search(arg, focus or ""):
                        break
                continue
            pos = s.mark()
            if action == "key":
                for k in arg.split():
                    s.key(k)
            else:
                s.type(arg)
            said, pos = s.settle(pos)
            rec.append({"step": desc, "said": said, "focus": s.active(), "expect": expect})
        return rec


def fmt_utt(kind, text, voice):
    v = voice.replace("voice=", "").strip()
    tag = "" if kind == "SPEAK" else f"[{kind.lower()}] "
    return f"    » {tag}{text}    ⟨{v}⟩"


def write_transcript(name, lang, path, rec):
    os.makedirs(OUT, exist_ok=True)
    lines = [f"# {name} ({lang}): {path}", "# Each step: the keys pressed, then every utterance Orca spoke (⟨voice/language⟩), then where focus is.", ""]
    for i, r in enumerate(rec):
        lines.append(f"[{i}] {r['step']}")
        if not r["said"]:
            lines.append("    (nothing spoken)")
        for kind, text, voice in r["said"]:
            lines.append(fmt_utt(kind, text, voice))
        lines.append(f"    focus: {r['focus']}")
        lines.append("")
    with open(os.path.join(OUT, f"{name}-{lang}.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


# ------------------------------------------------------------------------------------------
# What a blind reader would trip on, found in the transcripts.
# ------------------------------------------------------------------------------------------

BARE_ROLES = {"button", "push button", "toggle button", "combo box", "entry", "menu item", "link", "group",
              "tab", "page tab", "panel", "section", "list", "list item", "image", "graphic", "spin button",
              "按钮", "链接", "组合框"}


def norm(t):
    return re.sub(r"\s+", " ", t).strip().lower()


def voice_lang(voice):
    m = re.search(r"voice lang=(\S+)", voice)
    return (m.group(1) if m else "").lower()


def text_lang(voice):
    m = re.search(r"text lang=(\S+)", voice)
    return (m.group(1) if m else "-").lower()


def analyse(name, lang, rec):
    t = T[lang]
    found = []
    for i, r in enumerate(rec):
        texts = [x[1] for x in r["said"] if x[0] == "SPEAK"]
        where = f"step [{i}] {r['step']}"
        # Unnamed controls: a role said with no name.
        for x in texts:
            if norm(x) in BARE_ROLES:
                found.append(("unnamed", f"{where}: Orca said only the role '{x}' (no accessible name)"))
        if i > 0 and r["step"].startswith("Tab") and not texts and "body" not in (r["focus"] or ""):
            found.append(("silent", f"{where}: focus moved to {r['focus']} but Orca said nothing"))
        # Said twice in one step.
        seen = {}
        for x in texts:
            k = norm(x)
            if len(k) > 2:
                seen[k] = seen.get(k, 0) + 1
        for k, n in seen.items():
            if n > 1:
                found.append(("repeat", f"{where}: said {n}× — '{k[:120]}'"))
        for x in texts:
            words = norm(x).split()
            for w in range(2, 6):
                for j in range(len(words) - 2 * w + 1):
                    if words[j:j + w] == words[j + w:j + 2 * w] and len(" ".join(words[j:j + w])) > 3:
                        found.append(("repeat", f"{where}: name read twice in one utterance — '{x[:120]}'"))
                        break
                else:
                    continue
                break
        # Live regions.
        if r["expect"] == "count":
            hits = [x for x in texts if re.search(t["count"], x)]
            if not hits:
                found.append(("live", f"{where}: the result count changed but was never announced"))
            elif len(hits) > 1:
                found.append(("live", f"{where}: the result count was announced {len(hits)}× ({hits})"))
        if r["expect"] == "verdict":
            hits = [x for x in texts if re.search(t["verdict_any"], x) and len(x) > 12]
            if not hits:
                found.append(("live", f"{where}: the verdict was not announced"))
            elif len(hits) > 1:
                found.append(("live", f"{where}: verdict announced in {len(hits)} utterances: " + " | ".join(h[:90] for h in hits)))
        if r["expect"] == "no-verdict":
            if any(t["pending"] in x for x in texts):
                found.append(("live", f"{where}: the unchanged prompt '{t['pending']}…' was announced again"))
        # Chinese read with a non-Chinese voice, and why: the text's language as Orca found it
        # (the nearest `lang`, for text content; names from aria-label carry none) and the voice.
        for kind, x, voice in r["said"]:
            if not CJK.search(x):
                continue
            tl, vl = text_lang(voice), voice_lang(voice)
            if not tl.startswith("zh"):
                why = "no language known for it (a name or label: Orca finds no lang)" if tl == "-" else f"marked lang={tl}"
                found.append(("voice", f"{where}: Chinese read with the '{vl}' voice, {why} — '{x[:80]}'"))
            elif not vl.startswith("zh"):
                found.append(("voice-orca", f"{where}: text marked lang={tl} but Orca kept the '{vl}' voice — '{x[:60]}'"))
        if lang == "zh":
            for kind, x, voice in r["said"]:
                tl = text_lang(voice)
                if tl.startswith("en") and CJK.search(x):
                    found.append(("voice", f"{where}: Chinese text inside an element marked lang=en — '{x[:80]}'"))
        # Focus lost.
        if "body" in (r["focus"] or "") and i > 0:
            found.append(("focus", f"{where}: focus went to the page body (lost)"))
    return found


KIND_TITLE = {
    "unnamed": "Unnamed controls",
    "silent": "Focus moved, nothing said",
    "repeat": "Read twice",
    "live": "Announcements that repeat or never come",
    "voice": "Chinese read with an English voice (the page's markup)",
    "voice-orca": "Chinese read with an English voice although marked Chinese (Orca 43 does not switch voices)",
    "focus": "Lost focus",
}


def write_summary(results, elapsed):
    lines = ["# Screen-reader pass: what a blind reader trips on", "",
             f"Orca (silent speech server, every utterance logged), Chromium with `--force-renderer-accessibility`, "
             f"real keys with xdotool, under Xvfb. Generated by `scripts/screen-reader.sh` in {elapsed:.0f} s; "
             "transcripts beside this file. Findings are heuristics over the transcripts; read the transcript "
             "for the step before acting on one.", ""]
    for (name, lang), (path, rec, found) in results.items():
        lines.append(f"## {name} ({lang}) — `{path}`")
        if not found:
            lines.append("")
            lines.append("No problem found by the checks.")
        by = {}
        for kind, text in found:
            by.setdefault(kind, []).append(text)
        for kind, items in by.items():
            lines.append("")
            lines.append(f"**{KIND_TITLE[kind]}**")
            lines.append("")
            for it in dict.fromkeys(items):
                lines.append(f"- {it}")
        lines.append("")
    with open(os.path.join(OUT, "SUMMARY.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


# ------------------------------------------------------------------------------------------

def write_orca_prefs(prefs_dir):
    """Orca's settings: the silent speech server, no say-all on load, default verbosity."""
    general = {
        "speechServerFactory": "silentspeechfactory",
        "speechServerInfo": ["Silent (vats-pilot screen-reader pass)", "silent"],
        "enableSpeech": True,
        "enableBraille": False,
        "enableBrailleMonitor": False,
        "enableSound": False,
        "sayAllOnLoad": False,
        "pageSummaryOnLoad": False,
        "enableTutorialMessages": False,
        "enableMnemonicSpeaking": False,
        "enableKeyEcho": False,
        "firstStart": False,
        "orcaModifierKeys": ["Insert", "KP_Insert"],
    }
    conf = {"general": general, "profiles": {"default": {"profile": ["Default", "default"], **general}},
            "pronunciations": {}, "keybindings": {}}
    with open(os.path.join(prefs_dir, "user-settings.conf"), "w") as f:
        json.dump(conf, f, indent=2)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", required=True, help="URL of the served www/ folder, e.g. http://127.0.0.1:8731/")
    ap.add_argument("--only", default="", help="comma-separated scenario-lang names, e.g. tabs-en,checker-zh")
    ap.add_argument("--langs", default="en,zh")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder with all logs")
    args = ap.parse_args()
    t0 = time.time()
    s = Session(args)
    results = {}
    spoke = 0
    try:
        s.start()
        runner = Runner(s, args.base)
        only = {x for x in args.only.split(",") if x}
        for lang in args.langs.split(","):
            for name, (path, steps) in scenarios(lang).items():
                if only and f"{name}-{lang}" not in only:
                    continue
                print(f"[screen-reader] {name}-{lang}: {path}", flush=True)
                rec = runner.run(name, lang, path, steps)
                write_transcript(name, lang, path, rec)
                spoke += sum(len(r["said"]) for r in rec)
                results[(name, lang)] = (path, rec, analyse(name, lang, rec))
        write_summary(results, time.time() - t0)
    finally:
        if args.keep:
            print(f"[screen-reader] logs kept in {s.tmp}")
        s.stop()
    print(f"[screen-reader] {len(results)} transcripts, {spoke} utterances, {time.time() - t0:.0f} s → {os.path.relpath(OUT, ROOT)}/")
    if spoke == 0:
        print("[screen-reader] Orca spoke nothing: see the logs (rerun with --keep)", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--orca-child":
        orca_child(sys.argv[2], sys.argv[3])
    else:
        sys.exit(main())
