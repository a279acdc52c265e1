import subprocess
import sys


def test_importing_the_arabic_package_loads_no_django():
    probe = "import sys, sahafa.arabic; print(sorted(m for m in sys.modules if 'django' in m))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
