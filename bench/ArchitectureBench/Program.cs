using System.Diagnostics;
using System.Globalization;
using Tollgate.Gates.ArchitectureTests;
using Tollgate.Tools.Assemblies;

// Times the ArchitectureTests engine: reading every type's dependencies from metadata and IL, then
// checking a layers rule and a cycles rule, on Tollgate's own assembly and on System.Private.CoreLib.
// Each assembly is read once to warm up, then timed over several runs; the median is reported.
const int Runs = 5;
var rulesFor = new Dictionary<string, ArchitectureRule[]>
{
    ["Tollgate.dll"] =
    [
        new LayersRule("layers", [new Layer("Components", TypeSet.Of("Tollgate.*")), new Layer("Gates", TypeSet.Of("Tollgate.Gates.**")), new Layer("Evidence", TypeSet.Of("Tollgate.Evidence.**")), new Layer("Tools", TypeSet.Of("Tollgate.Tools.**")), new Layer("Engine", TypeSet.Of("Tollgate.Engine.**"))]),
        new NoCyclesRule("cycles", "Tollgate.*"),
    ],
    ["System.Private.CoreLib.dll"] =
    [
        new LayersRule("layers", [new Layer("Collections", TypeSet.Of("System.Collections.**")), new Layer("Text", TypeSet.Of("System.Text.**")), new Layer("Runtime", TypeSet.Of("System.Runtime.**"))]),
        new NoCyclesRule("cycles", "System.*"),
    ],
};

foreach (var path in new[] { typeof(Tollgate.TollgateBuild).Assembly.Location, typeof(object).Assembly.Location })
{
    var rules = rulesFor[Path.GetFileName(path)];
    AssemblyDependencyReader.Read(path);
    var times = new List<double>();
    int types = 0, dependencies = 0, violations = 0;
    for (var i = 0; i < Runs; i++)
    {
        var clock = Stopwatch.StartNew();
        var read = AssemblyDependencyReader.Read(path);
        violations = rules.Sum(rule => rule.Check(read).Count());
        times.Add(clock.Elapsed.TotalSeconds);
        types = read.Count;
        dependencies = read.Sum(t => t.Dependencies.Count);
    }

    var median = times.Order().ElementAt(Runs / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Path.GetFileName(path),-28} {types,6} types {dependencies,8} dependencies {violations,6} violations  {median * 1000,8:0} ms  {types / median,8:0} types/s"));
}
