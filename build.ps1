# Tollgate bootstrap for Windows PowerShell and pwsh: the same steps as build.sh.
[CmdletBinding()]
Param([Parameter(Position = 0, Mandatory = $false, ValueFromRemainingArguments = $true)][string[]]$BuildArguments)

$ErrorActionPreference = "Stop"
$ProgressPreference = "SilentlyContinue"

$ScriptDir = Split-Path $MyInvocation.MyCommand.Path -Parent
$BuildDirectory = Join-Path $ScriptDir "build"
$BuildProjectFile = Join-Path $BuildDirectory "_build.csproj"
$TempDirectory = Join-Path $ScriptDir ".nuke/temp"
$BuildOutput = Join-Path $TempDirectory "build-bin"
$BuildStamp = Join-Path $TempDirectory "build.stamp"
$DotNetGlobalFile = Join-Path $ScriptDir "global.json"
$DotNetInstallUrl = "https://dot.net/v1/dotnet-install.ps1"

$env:DOTNET_NOLOGO = 1
$env:DOTNET_CLI_TELEMETRY_OPTOUT = 1
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = 1
$env:DOTNET_MULTILEVEL_LOOKUP = 0

function Test-Sdk([string]$Exe) {
    Push-Location $ScriptDir
    try { & $Exe --version *> $null; return $LASTEXITCODE -eq 0 } catch { return $false } finally { Pop-Location }
}

$OnPath = Get-Command "dotnet" -ErrorAction SilentlyContinue
if ($null -ne $OnPath -and (Test-Sdk $OnPath.Source)) {
    $DotNetExe = $OnPath.Source
} else {
    $DotNetDirectory = Join-Path $TempDirectory "dotnet"
    $DotNetExe = Join-Path $DotNetDirectory "dotnet.exe"
    if (!(Test-Path $DotNetExe) -or !(Test-Sdk $DotNetExe)) {
        $DotNetVersion = (Get-Content $DotNetGlobalFile | Out-String | ConvertFrom-Json).sdk.version
        if (!$DotNetVersion) { Write-Error "$DotNetGlobalFile names no sdk.version; add one, e.g. `"sdk`": { `"version`": `"10.0.100`" }."; exit 2 }
        Write-Output "Installing .NET SDK $DotNetVersion into $DotNetDirectory (no matching dotnet on PATH)..."
        New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
        $DotNetInstallFile = Join-Path $TempDirectory "dotnet-install.ps1"
        [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
        (New-Object System.Net.WebClient).DownloadFile($DotNetInstallUrl, $DotNetInstallFile)
        & powershell -NoProfile -ExecutionPolicy ByPass -File $DotNetInstallFile -InstallDir $DotNetDirectory -Version $DotNetVersion -NoPath
    }
    $env:DOTNET_ROOT = $DotNetDirectory
    $env:PATH = "$DotNetDirectory;$env:PATH"
}

function Test-NeedsBuild {
    if (!(Test-Path (Join-Path $BuildOutput "_build.dll")) -or !(Test-Path $BuildStamp)) { return $true }
    $Stamp = (Get-Item $BuildStamp).LastWriteTimeUtc
    $Inputs = @($BuildDirectory)
    $Project = Get-Content $BuildProjectFile | Out-String
    foreach ($Match in [regex]::Matches($Project, 'ProjectReference Include="([^"]*)"')) {
        $Inputs += Split-Path (Join-Path $BuildDirectory $Match.Groups[1].Value) -Parent
    }
    foreach ($File in "global.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config") {
        if (Test-Path (Join-Path $ScriptDir $File)) { $Inputs += Join-Path $ScriptDir $File }
    }
    $Extensions = ".cs", ".csproj", ".props", ".targets", ".json", ".config", ".resx"
    $Newer = Get-ChildItem -Path $Inputs -Recurse -File |
        Where-Object { $Extensions -contains $_.Extension -and $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.LastWriteTimeUtc -gt $Stamp } |
        Select-Object -First 1
    return $null -ne $Newer
}

if (Test-NeedsBuild) {
    New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
    $Started = [DateTime]::UtcNow
    $BuildLog = & $DotNetExe build $BuildProjectFile --output $BuildOutput --nologo --verbosity quiet -clp:NoSummary 2>&1
    if ($LASTEXITCODE -ne 0) {
        $BuildLog | Write-Output
        Write-Error "The build project $BuildProjectFile did not compile (see above)."
        exit 1
    }
    Set-Content -Path $BuildStamp -Value ""
    (Get-Item $BuildStamp).LastWriteTimeUtc = $Started
}

& $DotNetExe (Join-Path $BuildOutput "_build.dll") $BuildArguments
exit $LASTEXITCODE
