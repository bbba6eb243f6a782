#!/usr/bin/env bash
# Runs TagCF's whole test suite on a fresh machine. It prepares what the tests need itself:
# PostgreSQL running, pgvector installed, the `tagcf_test` and `tagcf_faults` databases with the extension
# (ops/scripts/setup-postgres.sh, idempotent) and chromium with its driver for the creator page's
# browser test (ops/scripts/setup-browser.sh, idempotent), then runs every module's tests with Maven.
# Tests use the real PostgreSQL, a real port-bound Temporal dev server and the real ONNX model.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TAGCF_DATABASES="tagcf_test tagcf_faults" ops/scripts/setup-postgres.sh
# The creator page's browser test drives Debian's headless chromium.
ops/scripts/setup-browser.sh

# The embedding model unpacks native libraries on first use; keep them inside the checkout.
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$ROOT/.cache/djl}"
# Two modules at a time where the reactor allows: the fault-injection tests (their own database)
# then run beside the integration tests, much of both being waits on outages and processes.
exec mvn -B -ntp -T 2 test "$@"
