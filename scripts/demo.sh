#!/usr/bin/env bash
# The main job until `aivm devnet` exists: the VM demo.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "aivm: VM demo (devnet not built yet)"
./bin/aivm --help
