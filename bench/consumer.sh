# Sourced by the bench scripts: lays the sample fixture out in $1 as a repository that builds with this
# checkout's Tollgate (ProjectReference), with a Build class implementing the components in $2 and the
# default target $3 (e.g. "ICoverage" "((ITest)x).Test").
make_consumer() {
    local work=$1 components=$2 default_target=$3 here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    cp -r "$here/tests/fixtures/sample/." "$work/"
    mkdir -p "$work/.nuke" "$work/build"
    cp "$here/build.sh" "$here/global.json" "$work/"
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
