"""Shared test settings.

Hypothesis runs derandomized, so `make test` explores the same examples on every
machine and a red CI run can be reproduced exactly; set HYPOTHESIS_PROFILE=explore
to search with fresh random examples while developing.
"""

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
