using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
using DHub.Hosting.Postgres;
using DHub.Tests.Dashboard;
using DHub.Tests.Faults;

namespace DHub.Tests.Infrastructure.Tiers;

/// <summary>
/// A test class that starts PostgreSQL, the AppHost, a browser or a process must carry a tier
/// (<see cref="CategoryAttribute"/>), so that it cannot slip into the fast tier unnoticed.
/// </summary>
public sealed class SlowTestTaggingTests
{
    private static readonly HashSet<Type> SlowTypes =
    [
        typeof(LocalAppFixture), typeof(AppHostFactory), typeof(ThrowawayPostgres), typeof(OwnApp),
        typeof(HeadlessChromium), typeof(ProcessStartInfo),
    ];

    private static readonly HashSet<string> SlowCollections =
        new([LocalAppCollection.Name, OwnServersCollection.Name, DashboardCollection.Name], StringComparer.Ordinal);

    [Fact]
    public void Every_test_class_that_starts_something_slow_carries_a_tier()
    {
        var untagged = TestClasses()
            .Where(type => type.GetCustomAttribute<CategoryAttribute>() is null)
            .Select(type => (type, reason: SlowBecause(type)))
            .Where(found => found.reason is not null)
            .Select(found => $"{found.type.FullName}: {found.reason}")
            .ToList();

        Assert.True(untagged.Count == 0,
            "Tag these classes [Integration], [Faults] or [Browser] (DHub.Tests.Infrastructure.Tiers):\n" + string.Join('\n', untagged));
    }

    [Fact]
    public void The_scan_sees_a_slow_type_used_only_inside_an_async_method()
    {
        // AppModelTests reaches AppHostFactory only from async test methods (compiler-generated state machines).
        Assert.NotNull(SlowBecause(typeof(AppHost.AppModelTests)));
        Assert.Null(SlowBecause(typeof(SlowTestTaggingTests)));
    }

    private static IEnumerable<Type> TestClasses() =>
        typeof(SlowTestTaggingTests).Assembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false } &&
            type.GetMethods().Any(method => method.GetCustomAttribute<FactAttribute>() is not null));

    private static string? SlowBecause(Type type)
    {
        var collection = type.GetCustomAttributesData()
            .Where(data => data.AttributeType == typeof(CollectionAttribute))
            .Select(data => data.ConstructorArguments.FirstOrDefault().Value as string)
            .FirstOrDefault(name => name is not null && SlowCollections.Contains(name));
        if (collection is not null)
        {
            return $"in the collection {collection}";
        }

        var used = TypeAndNested(type).SelectMany(MethodsOf).SelectMany(ReferencedTypes).FirstOrDefault(SlowTypes.Contains)
            ?? type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).FirstOrDefault(SlowTypes.Contains);
        return used is null ? null : $"uses {used.Name}";
    }

    private static IEnumerable<Type> TypeAndNested(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(TypeAndNested).Prepend(type);

    private static IEnumerable<MethodBase> MethodsOf(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All));
    }

    /// <summary>The declaring types of the members and types the method's IL refers to.</summary>
    private static IEnumerable<Type> ReferencedTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? TwoByte[il[at + 1]] : OneByte[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType)
            {
                var member = Resolve(method, BitConverter.ToInt32(il, at));
                var referenced = member as Type ?? member?.DeclaringType;
                if (referenced is not null)
                {
                    yield return referenced;
                }
            }

            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static MemberInfo? Resolve(MethodBase method, int token)
    {
        try
        {
            var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            return method.Module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static readonly OpCode[] OneByte = OpCodeTable(twoByte: false);
    private static readonly OpCode[] TwoByte = OpCodeTable(twoByte: true);

    private static OpCode[] OpCodeTable(bool twoByte)
    {
        var table = new OpCode[256];
        foreach (var code in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!))
        {
            if ((code.Size == 2) == twoByte)
            {
                table[(ushort)code.Value & 0xFF] = code;
            }
        }

        return table;
    }
}
