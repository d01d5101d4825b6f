# Sourced by the bench scripts: lays the sample fixture out in $1 as a repository that builds with this
# checkout's Tollgate (ProjectReference), with a Build class implementing the components in $2 and the
# default target $3 (e.g. "ICoverage" "((ITest)x).Test").
make_consumer() {
    local work=$1 components=$2 default_target=$3 here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    cp -r "$here/tests/fixtures/sample/." "$work/"
    mkdir -p "$work/.nuke" "$work/build"
    cp "$here/build.sh" "$here/global.json" "$work/"
    write_build_project "$work" "$components" "$default_target"
}

# Lays out in $1 a repository of $2 libraries (the sample's library, renamed Lib1..LibN), each with its own xunit
# test project with coverlet, in one Repo.slnx, building with this checkout's Tollgate and every standard gate.
make_libraries() {
    local work=$1 count=$2 here sample i
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    sample="$here/tests/fixtures/sample"
    mkdir -p "$work/src" "$work/tests" "$work/.nuke" "$work/build"
    cp "$sample/Directory.Build.props" "$sample/Directory.Packages.props" "$here/build.sh" "$here/global.json" "$work/"
    printf '<Solution>\n' > "$work/Repo.slnx"
    for i in $(seq 1 "$count"); do
        cp -r "$sample/src/Sample" "$work/src/Lib$i" && mv "$work/src/Lib$i/Sample.csproj" "$work/src/Lib$i/Lib$i.csproj"
        cp -r "$sample/tests/Sample.Tests" "$work/tests/Lib$i.Tests" && mv "$work/tests/Lib$i.Tests/Sample.Tests.csproj" "$work/tests/Lib$i.Tests/Lib$i.Tests.csproj"
        sed -i "s#../../src/Sample/Sample.csproj#../../src/Lib$i/Lib$i.csproj#" "$work/tests/Lib$i.Tests/Lib$i.Tests.csproj"
        printf '  <Project Path="src/Lib%s/Lib%s.csproj" />\n  <Project Path="tests/Lib%s.Tests/Lib%s.Tests.csproj" />\n' "$i" "$i" "$i" "$i" >> "$work/Repo.slnx"
    done
    printf '</Solution>\n' >> "$work/Repo.slnx"
    write_build_project "$work" IStandardGates "((ITest)x).Test"
}

# $1: a repository of $2 libraries as make_libraries lays them out, each with $3 more source files of seven generated rules
# (arithmetic, comparisons and conditions: about a hundred mutants a file) and a test class per file that checks each rule on
# two inputs, so most mutants die and the boundary ones live, as in real code.
make_generated() {
    local work=$1 count=$2 files=$3
    make_libraries "$work" "$count"
    python3 - "$work" "$count" "$files" <<'PY'
import os, sys
work, count, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def rule(k):
    return f"""    public static int Rule{k}(int a, int b)
    {{
        if (a > b && b >= {k % 5})
        {{
            return (a - b) * {k % 4 + 2} + {k};
        }}

        var c = a * 2 + b - {k % 3};
        return c > {k} ? c / 2 : c + {k % 7};
    }}
"""
def expected(k, a, b):
    if a > b and b >= k % 5:
        return (a - b) * (k % 4 + 2) + k
    c = a * 2 + b - k % 3
    return int(c / 2) if c > k else c + k % 7
for lib in range(1, count + 1):
    for f in range(1, files + 1):
        ks = range(f * 10, f * 10 + 7)
        src = os.path.join(work, "src", f"Lib{lib}", "Rules")
        os.makedirs(src, exist_ok=True)
        with open(os.path.join(src, f"Rules{f}.cs"), "w") as out:
            out.write(f"namespace Sample.Rules;\n\npublic static class Rules{f}\n{{\n" + "\n".join(rule(k) for k in ks) + "}\n")
        with open(os.path.join(work, "tests", f"Lib{lib}.Tests", f"Rules{f}Tests.cs"), "w") as out:
            out.write(f"using Sample.Rules;\nusing Xunit;\n\nnamespace Sample.Tests;\n\npublic class Rules{f}Tests\n{{\n")
            for k in ks:
                out.write(f"    [Fact]\n    public void Rule{k}_holds()\n    {{\n")
                for a, b in ((9, 5), (1, 3), (k * 2, 0)):
                    out.write(f"        Assert.Equal({expected(k, a, b)}, Rules{f}.Rule{k}({a}, {b}));\n")
                out.write("    }\n\n")
            out.write("}\n")
PY
}

# The build project and Build class of a consumer in $1 with the components $2 and the default target $3.
write_build_project() {
    local work=$1 components=$2 default_target=$3 here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    cat > "$work/build/_build.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup><ProjectReference Include="$here/src/Tollgate/Tollgate.csproj" /></ItemGroup>
</Project>
XML
    cat > "$work/build/Build.cs" <<CS
using Tollgate;
internal sealed class Build : TollgateBuild, $components
{
    public static int Main(string[] args) => Execute<Build>(args, x => $default_target);
}
CS
}

# Lays out in $1 the platforms fixture as a repository on Microsoft.Testing.Platform alone: global.json runs dotnet test in
# the platform's mode, the VSTest project is left out of the solution, and every test application has Microsoft's TRX
# extension and coverlet.MTP, so that one bare `dotnet test --solution` with the platform's options does the gates' work.
make_platforms() {
    local work=$1 here project
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    cp -r "$here/tests/fixtures/platforms/." "$work/"
    mkdir -p "$work/.nuke" "$work/build"
    cp "$here/build.sh" "$work/"
    printf '{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" }, "test": { "runner": "Microsoft.Testing.Platform" } }\n' > "$work/global.json"
    (cd "$work" && dotnet sln Shapes.sln remove tests/Shapes.LegacyTests/Shapes.LegacyTests.csproj >/dev/null)
    for project in "$work"/tests/Shapes.*Tests/*.csproj; do
        grep -q 'Microsoft.Testing.Extensions.TrxReport' "$project" || sed -i 's#</ItemGroup>#  <PackageReference Include="Microsoft.Testing.Extensions.TrxReport" Version="2.5.3" />\n  </ItemGroup>#' "$project"
        grep -q 'coverlet.MTP' "$project" || sed -i '0,/<\/ItemGroup>/s##  <PackageReference Include="coverlet.MTP" Version="10.1.1" />\n  </ItemGroup>#' "$project"
    done
    write_build_project "$work" IStandardGates "((ITest)x).Test"
}
