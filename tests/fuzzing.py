"""How long the fuzzing tests run, set once for all of them (the API's
schemathesis run, the importers', the search's).

``MURAFAQA_FUZZ_EXAMPLES``: the examples of each property, scaled by the test
(15 by default: CI's bounded run). The default run is derandomized: the same
cases every time, so that CI cannot fail one day and pass the next.
``MURAFAQA_FUZZ_SEED=N`` draws other cases instead (a longer hunt: a few
seeds with more examples); a failure prints the seed that finds it again.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, seed, settings

EXAMPLES = int(os.environ.get("MURAFAQA_FUZZ_EXAMPLES", "15"))
SEED = os.environ.get("MURAFAQA_FUZZ_SEED")


def fuzz(examples: int, **more: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Hypothesis settings of a fuzzing test: ``examples`` cases, no deadline,
    nothing kept between runs, derandomized unless a seed is given."""
    chosen = settings(max_examples=examples, deadline=None, database=None, derandomize=SEED is None,
                      suppress_health_check=list(HealthCheck), **more)

    def apply(test: Callable[..., Any]) -> Callable[..., Any]:
        test = chosen(test)
        return seed(int(SEED))(test) if SEED is not None else test

    return apply
