using Tollgate.Gates.Shards;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Shards;

public sealed class ShardPlanTests
{
    private static ShardUnit Test(string name, double size) => new(ShardWork.Test, $"tests/{name}/{name}.csproj", null, size);

    [Fact]
    public void Units_go_longest_first_to_the_least_loaded_shard_with_ties_to_the_lowest_index()
    {
        var units = new[] { Test("A", 1), Test("B", 7), Test("C", 3), Test("D", 5), Test("E", 2), Test("F", 2) };
        var timings = new ShardTimings(units.ToDictionary(u => u.Key, u => u.Size));

        var plan = ShardPlan.Assign(units, 3, timings);

        // B 7 → shard 1; D 5 → 2; C 3 → 3; E 2 → 3 (loads 7, 5, 5); F 2 → 2, the lowest of the tied; A 1 → 3.
        Assert.Equal(["tests/B/B.csproj"], plan.Of(1).Select(u => u.Project));
        Assert.Equal(["tests/D/D.csproj", "tests/F/F.csproj"], plan.Of(2).Select(u => u.Project));
        Assert.Equal(["tests/A/A.csproj", "tests/C/C.csproj", "tests/E/E.csproj"], plan.Of(3).Select(u => u.Project));
        Assert.Equal([7.0, 7, 6], plan.Loads);
    }

    [Fact]
    public void The_same_inputs_in_any_order_give_the_same_plan_on_every_agent()
    {
        var units = Enumerable.Range(1, 20).Select(i => Test($"P{i:00}", i % 4)).ToList();

        var one = ShardPlan.Assign(units, 3);
        var other = ShardPlan.Assign(units.AsEnumerable().Reverse().ToList(), 3);

        Assert.All(Enumerable.Range(1, 3), i => Assert.Equal(one.Of(i).Select(u => u.Key), other.Of(i).Select(u => u.Key)));
    }

    [Fact]
    public void A_second_run_with_the_first_run_s_timings_is_better_balanced_than_round_robin()
    {
        // Sizes say little of durations here: the integration tests are few but slow.
        var units = new[] { Test("Unit", 400), Test("Integration", 20), Test("Api", 60), Test("Db", 15), Test("Ui", 30), Test("Smoke", 5) };
        var measured = new ShardTimings(new Dictionary<string, double>
        {
            [Test("Unit", 0).Key] = 40,
            [Test("Integration", 0).Key] = 300,
            [Test("Api", 0).Key] = 90,
            [Test("Db", 0).Key] = 200,
            [Test("Ui", 0).Key] = 120,
            [Test("Smoke", 0).Key] = 30,
        });

        var bySize = ShardPlan.Assign(units, 3);
        var byHistory = ShardPlan.Assign(units, 3, measured);
        var roundRobin = ShardPlan.RoundRobin(units, 3, measured);

        // What each plan costs, measured by the first run's durations.
        double Spread(ShardPlan plan)
        {
            var costs = Enumerable.Range(1, 3).Select(i => plan.Of(i).Sum(u => measured.Seconds[u.Key])).ToList();
            return costs.Max() / costs.Min();
        }

        Assert.True(Spread(byHistory) < Spread(roundRobin), $"history {Spread(byHistory):0.00} vs round robin {Spread(roundRobin):0.00}");
        Assert.True(Spread(byHistory) < Spread(bySize), $"history {Spread(byHistory):0.00} vs by size {Spread(bySize):0.00}");
        Assert.Equal(byHistory.Loads, Enumerable.Range(1, 3).Select(i => byHistory.Of(i).Sum(u => measured.Seconds[u.Key])));
    }

    [Fact]
    public void A_unit_without_history_weighs_its_size_at_the_pace_its_kind_had()
    {
        var known = Test("Known", 10);
        var fresh = Test("Fresh", 20);

        var plan = ShardPlan.Assign([known, fresh, Test("Other", 1)], 2, new ShardTimings(new Dictionary<string, double> { [known.Key] = 30 }));

        // Known: 30 s for 10 tests → Fresh (20 tests) ≈ 60 s, the heaviest: alone on shard 1.
        Assert.Equal([fresh.Key], plan.Of(1).Select(u => u.Key));
        Assert.Equal(60, plan.Loads[0], 3);
    }

    [Fact]
    public void Timings_round_trip_and_newer_ones_replace_older()
    {
        using var directory = new TempDirectory(withNuke: false);
        var old = new ShardTimings(new Dictionary<string, double> { ["test:a"] = 1.5, ["test:b"] = 2 });

        var file = directory.Write("shard-timings.json", old.With(new ShardTimings(new Dictionary<string, double> { ["test:b"] = 3.25 })).ToJson());

        Assert.Equal(new Dictionary<string, double> { ["test:a"] = 1.5, ["test:b"] = 3.25 }, ShardTimings.Read(file).Seconds);
        var bad = directory.Write("bad.json", "{ \"tests\": [] }");
        Assert.StartsWith($"{bad} is not a shard timings file", Assert.Throws<InvalidDataException>(() => ShardTimings.Read(bad)).Message, StringComparison.Ordinal);
        Assert.StartsWith("--shard-timings /nope: no timings there", Assert.Throws<InvalidDataException>(() => ShardTimings.Read("/nope")).Message, StringComparison.Ordinal);
    }
}
