namespace Tollgate.Tests.Support;

/// <summary>The build/_build.csproj a consuming repository writes, with the reference to Tollgate it uses.</summary>
internal static class BuildProjectFile
{
    public static string Text(string tollgateReference) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            {tollgateReference}
          </ItemGroup>
        </Project>
        """;
}
