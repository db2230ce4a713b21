"""eark-validator on one package, offline: run in its own environment (it pins lxml 5.1). The validator reads
the CSIP vocabularies from their URLs when it is imported; here they come from the copies the package ships.

    python tests/eark_check.py PACKAGE.zip…   → prints the reports as a JSON list
"""
import sys
import urllib.request
from importlib.util import find_spec
from pathlib import Path

VOCABULARIES = Path(find_spec("eark_validator").submodule_search_locations[0]) / "ipxml" / "resources" / "vocabs"


def _shipped(url: str):
    return open(VOCABULARIES / url.rsplit("/", 1)[1], "rb")


urllib.request.urlopen = _shipped  # before eark_validator binds it

from eark_validator.packages import PackageValidator  # noqa: E402

print("[" + ",".join(PackageValidator(Path(p)).validation_report.model_dump_json() for p in sys.argv[1:]) + "]")
