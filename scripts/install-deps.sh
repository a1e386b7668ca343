#!/usr/bin/env bash
# Installs the Debian packages Alim needs, only those missing; uses sudo when not root.
set -euo pipefail
PKGS=(libxml2-dev libxml2-utils libsqlite3-dev zlib1g-dev pkg-config libcairo2-dev libpango1.0-dev
      fonts-dejavu-core poppler-utils qpdf python3)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing: ${missing[*]}"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
