#!/usr/bin/env bash
# The web console: unit tests of its modules (node --test), and browser tests in Debian's Chromium
# driven by playwright-core (pinned in api/src/test/console/package-lock.json; no browser download),
# against a fake platform and against the built jar (started on free ports and always stopped).
CHECK=console
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../console"
need node nodejs
need npm npm
need chromium chromium
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "the console tests need Node.js 20 or newer; found $(node --version)"
log "installing the test dependencies (npm ci)"
npm ci --no-audit --no-fund --loglevel=error
log "unit tests"
node --test unit/*.test.mjs
log "browser test against the fake platform (screenshots in api/target/console)"
node --test --test-concurrency=1 e2e/console-fake.test.mjs
log "browser test against the real platform (api/target/statecraft.jar)"
node e2e/run-against-jar.mjs
