#!/usr/bin/env bash
# Installs what hcard needs on a fresh Debian machine with Node 20, and nothing that is already
# there: pnpm (pinned), then the workspace's packages from the lockfile. Idempotent; sourced by
# scripts/demo and scripts/test so each README command works on its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PNPM_VERSION=10.34.9
# Debian packages hcard needs: the PC/SC daemon and the headers the `pcsclite` binding compiles
# against, the vpcd virtual reader the emulator plugs into, scriptor for third-party checks,
# and iproute2 for the loopback quick-ACK setting (test rig, `hcard demo`, `hcard emulate`).
# The desk page's browser test needs Chromium (/usr/bin/chromium, driven by playwright-core)
# and a CJK font, without which Chinese renders as nothing: fonts-wqy-microhei (1.6 MB) rather
# than fonts-noto-cjk (57 MB). curl runs the README's gateway walkthrough (tested as written). wrk is the benchmarks' load
# generator from another process (`pnpm bench:gateway`).
# postgresql: the issuance journal's PostgreSQL tests start a private throwaway server from it.
# socat makes the pseudo-terminal pairs the emulated ID-card reader serves on (`hcard idcard emulate`).
# build-essential and python3: node-gyp compiles the `pcsclite` binding from source at install.
APT_PACKAGES=(pcscd libpcsclite-dev vsmartcard-vpcd pcsc-tools iproute2 chromium fonts-wqy-microhei curl wrk postgresql socat build-essential python3)

log() { printf 'hcard setup: %s\n' "$*" >&2; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  log "Node.js 20 or newer is required (found: $(node --version 2>/dev/null || echo none))."
  exit 1
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  # dpkg -s alone also succeeds for removed packages whose config files remain.
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# corepack cannot verify pnpm's registry signature here (testing/virtual-pcsc.md): use npm.
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  log "installing pnpm $PNPM_VERSION"
  npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null
fi

if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  log "installing workspace packages"
  pnpm install --frozen-lockfile --reporter=silent
fi
