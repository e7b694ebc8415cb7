"""Entry script of the bundled application (PyInstaller needs a file, not a module)."""
import sys

from murafaqa_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
