"""DESIGN.md's one rule: the core and the readers never import Qt."""

import pkgutil
import subprocess
import sys

import viewer.core
import viewer.io


def test_core_and_io_import_with_qt_blocked():
    modules = [
        m.name
        for pkg in (viewer.core, viewer.io)
        for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")
    ]
    assert "viewer.core.tracks" in modules
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    __import__(m)\n"
        "print('ok', len(sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok")
