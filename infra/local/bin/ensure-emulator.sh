#!/usr/bin/env bash
# Makes sure the tests and the local run have an AWS emulator to talk to.
#  - AWS_ENDPOINT_URL set (LocalStack, Floci, MiniStack, a running moto): nothing to do.
#  - moto_server on the PATH (preinstalled on the project's build machines) or in .venv: done.
#  - otherwise: install a pinned moto[server] with pip into the project-local .venv.
set -euo pipefail
MOTO_VERSION=5.2.1
root=$(cd "$(dirname "$0")/../../.." && pwd)

if [ -n "${AWS_ENDPOINT_URL:-}" ]; then
  echo "emulator: using AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL"; exit 0
fi
if [ -n "${MOTO_SERVER:-}" ] && [ -x "$MOTO_SERVER" ]; then
  echo "emulator: using MOTO_SERVER=$MOTO_SERVER"; exit 0
fi
if [ -x "$root/.venv/bin/moto_server" ]; then
  echo "emulator: using $root/.venv/bin/moto_server"; exit 0
fi
if command -v moto_server >/dev/null 2>&1 && moto_server --help >/dev/null 2>&1; then
  echo "emulator: using $(command -v moto_server)"; exit 0
fi

echo "emulator: moto_server not found; installing moto[server]==$MOTO_VERSION into $root/.venv"
if ! command -v python3 >/dev/null 2>&1; then
  echo "emulator: python3 is needed to install moto (or set AWS_ENDPOINT_URL to a running emulator)" >&2
  exit 1
fi
python3 -m venv "$root/.venv" || {
  echo "emulator: 'python3 -m venv' failed (on Debian/Ubuntu: apt-get install python3-venv)" >&2; exit 1; }
"$root/.venv/bin/pip" install --quiet "moto[server]==$MOTO_VERSION" || {
  echo "emulator: pip could not install moto[server]==$MOTO_VERSION; install it yourself or set AWS_ENDPOINT_URL" >&2
  exit 1; }
echo "emulator: installed $root/.venv/bin/moto_server"
