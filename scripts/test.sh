#!/usr/bin/env bash
# `npm test`: every check the project has, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-browsers.sh

# Store tests run on PostgreSQL as well as SQLite. Set TEST_DATABASE_URL= (empty)
# to run SQLite only; a URL that doesn't answer fails the run rather than
# silently skipping a dialect.
export TEST_DATABASE_URL="${TEST_DATABASE_URL-postgres://postgres@127.0.0.1:5432/postgres}"

echo "== types";       npm run -s typecheck
echo "== lint+format"; npm run -s lint
echo "== build";       npm run -s build
echo "== bundle size"; npm run -s size
echo "== unit + integration"; npx vitest run
echo "== end to end";  npx playwright test
