#!/usr/bin/env bash
# Types per second of the ArchitectureTests engine on Tollgate's own assembly and on System.Private.CoreLib.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/ArchitectureBench"
dotnet run --configuration Release --nologo
