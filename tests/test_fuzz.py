"""The schema-driven fuzz run: schemathesis makes valid and invalid requests for every operation in /openapi.json
and sends them to the app in process; any 5xx fails, and so does any status, content type, header or body the
spec does not describe, a 405 without its ``Allow`` header, or invalid data that is not refused.

Bounded to about a minute, over the stand-in encoder: ``QA_FUZZ_EXAMPLES`` examples per operation and mode
(default 300). Marked ``heavy``: ``make test`` runs it, ``make test-fast`` does not.
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, negative_data_rejection,
                                               response_headers_conformance, response_schema_conformance,
                                               status_code_conformance, unsupported_method)

pytestmark = pytest.mark.heavy
EXAMPLES = int(os.environ.get("QA_FUZZ_EXAMPLES", "300"))
LOCAL = "http://localhost"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance, negative_data_rejection, unsupported_method]


@pytest.fixture(scope="module")
def fuzz_schema(fast_service, fast_settings):
    from qa.api import create_app

    return schemathesis.openapi.from_asgi("/openapi.json", create_app(fast_settings, service=fast_service),
                                          headers={"host": "localhost"})


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_response_matches_the_spec(fuzz_schema, mode):
    operations = [result.ok() for result in fuzz_schema.get_all_operations()]
    assert len(operations) >= 5
    for operation in operations:  # negative mode has nothing to break where every input is valid (GET /health)
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def exchange(case):
            case.call_and_validate(base_url=LOCAL, checks=CHECKS)

        try:
            exchange()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE, f"{operation.label}: no valid request could be made"
