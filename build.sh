#!/usr/bin/env bash
# Tollgate bootstrap: finds or installs the .NET SDK that global.json asks for, builds build/_build.csproj
# when its inputs changed (not otherwise), and runs it with every argument. The exit code passes through.
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_DIRECTORY="$SCRIPT_DIR/build"
BUILD_PROJECT_FILE="$BUILD_DIRECTORY/_build.csproj"
TEMP_DIRECTORY="$SCRIPT_DIR/.nuke/temp"
BUILD_OUTPUT="$TEMP_DIRECTORY/build-bin"
BUILD_STAMP="$TEMP_DIRECTORY/build.stamp"
DOTNET_GLOBAL_FILE="$SCRIPT_DIR/global.json"
DOTNET_INSTALL_URL="https://dot.net/v1/dotnet-install.sh"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_MULTILEVEL_LOOKUP=0

# The dotnet on PATH is used when it satisfies global.json: `dotnet --version` run in the root fails otherwise.
# A passed check is remembered until global.json, the dotnet on PATH or its installed SDKs change.
SDK_CHECK="$TEMP_DIRECTORY/sdk-check"
path_dotnet_satisfies() {
    local dotnet sdks
    dotnet=$(command -v dotnet 2>/dev/null) || return 1
    sdks="$(dirname "$(readlink -f "$dotnet")")/sdk"
    if [[ -f "$SDK_CHECK" && "$(cat "$SDK_CHECK")" == "$dotnet" && ! "$DOTNET_GLOBAL_FILE" -nt "$SDK_CHECK" && ! "$sdks" -nt "$SDK_CHECK" ]]; then
        return 0
    fi
    (cd "$SCRIPT_DIR" && "$dotnet" --version >/dev/null 2>&1) || return 1
    mkdir -p "$TEMP_DIRECTORY" && echo "$dotnet" > "$SDK_CHECK"
}

if path_dotnet_satisfies; then
    DOTNET_EXE="$(command -v dotnet)"
else
    DOTNET_DIRECTORY="$TEMP_DIRECTORY/dotnet"
    DOTNET_EXE="$DOTNET_DIRECTORY/dotnet"
    if [[ ! -x "$DOTNET_EXE" ]] || ! (cd "$SCRIPT_DIR" && "$DOTNET_EXE" --version >/dev/null 2>&1); then
        DOTNET_VERSION=$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$DOTNET_GLOBAL_FILE" | head -n 1)
        if [[ -z "$DOTNET_VERSION" ]]; then
            echo "error: $DOTNET_GLOBAL_FILE names no sdk.version; add one, e.g. \"sdk\": { \"version\": \"10.0.100\" }." >&2
            exit 2
        fi
        echo "Installing .NET SDK $DOTNET_VERSION into $DOTNET_DIRECTORY (no matching dotnet on PATH)..."
        mkdir -p "$TEMP_DIRECTORY"
        DOTNET_INSTALL_FILE="$TEMP_DIRECTORY/dotnet-install.sh"
        if command -v curl >/dev/null 2>&1; then
            curl -fsSL "$DOTNET_INSTALL_URL" -o "$DOTNET_INSTALL_FILE"
        else
            wget -q "$DOTNET_INSTALL_URL" -O "$DOTNET_INSTALL_FILE"
        fi
        chmod +x "$DOTNET_INSTALL_FILE"
        "$DOTNET_INSTALL_FILE" --install-dir "$DOTNET_DIRECTORY" --version "$DOTNET_VERSION" --no-path
    fi
    export DOTNET_ROOT="$DOTNET_DIRECTORY"
    export PATH="$DOTNET_DIRECTORY:$PATH"
fi

# The build project is rebuilt only when a file it is made from is newer than the last successful build:
# build/, the projects it references, and the root's MSBuild, NuGet and SDK settings.
build_inputs() {
    echo "$BUILD_DIRECTORY"
    sed -n 's/.*ProjectReference Include="\([^"]*\)".*/\1/p' "$BUILD_PROJECT_FILE" | tr '\\' '/' | while read -r reference; do
        case "$reference" in
            /*) dirname "$reference" ;;
            *) dirname "$BUILD_DIRECTORY/$reference" ;;
        esac
    done
    for file in global.json Directory.Build.props Directory.Build.targets Directory.Packages.props NuGet.config nuget.config; do
        [[ -f "$SCRIPT_DIR/$file" ]] && echo "$SCRIPT_DIR/$file"
    done
}

needs_build() {
    [[ -f "$BUILD_OUTPUT/_build.dll" && -f "$BUILD_STAMP" ]] || return 0
    local inputs=()
    while read -r input; do inputs+=("$input"); done < <(build_inputs)
    [[ -n "$(find "${inputs[@]}" -newer "$BUILD_STAMP" -type f \
        \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' -o -name '*.config' -o -name '*.resx' \) \
        -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]]
}

if needs_build; then
    mkdir -p "$TEMP_DIRECTORY"
    touch "$BUILD_STAMP.new"
    if ! BUILD_LOG=$("$DOTNET_EXE" build "$BUILD_PROJECT_FILE" --output "$BUILD_OUTPUT" --nologo --verbosity quiet -clp:NoSummary 2>&1); then
        echo "$BUILD_LOG" >&2
        echo "error: the build project $BUILD_PROJECT_FILE did not compile (see above)." >&2
        rm -f "$BUILD_STAMP.new"
        exit 1
    fi
    mv "$BUILD_STAMP.new" "$BUILD_STAMP"
fi

exec "$DOTNET_EXE" "$BUILD_OUTPUT/_build.dll" "$@"
