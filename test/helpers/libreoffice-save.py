# Saves one workbook through LibreOffice's filters, with a password to open where asked (what its
# 另存为 → 使用密码保存 does), for compound-file.ts. A private profile; soffice in its own process
# group, ended with it.
# stdin: {"src": path, "profile": dir, "saves": [{"filter": "MS Excel 97", "password": "1234"?, "out": path}]}
import json
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


spec = json.load(sys.stdin)
pipe = "lo-save-%d" % os.getpid()
proc = subprocess.Popen(
    ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(spec["profile"]), "--headless", "--norestore", "--invisible", "--accept=pipe,name=%s;urp;" % pipe],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
    start_new_session=True,
)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(300):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.2)
    if ctx is None:
        raise SystemExit("soffice did not answer")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(spec["src"]), "_blank", 0, (prop("Hidden", True),))
    for s in spec["saves"]:
        props = (prop("FilterName", s["filter"]),) + ((prop("Password", s["password"]),) if s.get("password") else ())
        doc.storeToURL(uno.systemPathToFileUrl(s["out"]), props)
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the bridge closes as soffice quits
    proc.wait(timeout=60)
finally:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
