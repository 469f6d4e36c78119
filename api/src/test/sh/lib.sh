# Shared by the checks that mvn -B verify runs in the api module's integration-test phase against
# the built platform. Sourced, not run.
set -euo pipefail

log() { printf '[%s] %s\n' "${CHECK:-check}" "$*"; }
die() { printf '[%s] ERROR: %s\n' "${CHECK:-check}" "$*" >&2; exit 1; }

# Fails with the command to install a missing tool; .ci/run installs all of them on a fresh machine.
need() { # need <command> <Debian package>
  command -v "$1" >/dev/null 2>&1 \
    || die "'$1' is needed by this check and is not installed: run 'apt-get install $2', or .ci/run, which installs every tool the test suite needs"
}

# Prints a free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
