using System.Reflection;
using System.Runtime.CompilerServices;
using SourceCheck.Csl;
using SourceCheck.Formatting;

namespace SourceCheck.Tests.Formatting;

/// <summary>Sort and disambiguation keys reuse one rendering context per thread (<see cref="Ctx.Reset"/>): a reset
/// context must be a new one in every field, or a key would depend on the item rendered before it.</summary>
public sealed class CtxResetTests
{
    private static object Instance(Type type)
    {
        if (type == typeof(string))
        {
            return "x";
        }

        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 3);
            if (type == typeof(byte[]))
            {
                ((byte[])array).AsSpan().Fill(2);
            }

            return array;
        }

        if (type.IsInterface && type.IsGenericType)
        {
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()))!;
        }

        return type.IsGenericType ? Activator.CreateInstance(type)! : RuntimeHelpers.GetUninitializedObject(type);
    }

    private static object? NonDefault(Type type, object? fresh)
    {
        if (type == typeof(bool))
        {
            return !(bool)fresh!;
        }

        if (type == typeof(int))
        {
            return 7;
        }

        if (type == typeof(long))
        {
            return 7L;
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(1);
        }

        return Instance(Nullable.GetUnderlyingType(type) ?? type);
    }

    [Fact]
    public void Should_make_a_used_context_equal_to_a_new_one_in_every_field()
    {
        var style = (Style)RuntimeHelpers.GetUninitializedObject(typeof(Style));
        var locale = (Locale)RuntimeHelpers.GetUninitializedObject(typeof(Locale));
        var item = (CslItem)RuntimeHelpers.GetUninitializedObject(typeof(CslItem));
        var section = (Section)RuntimeHelpers.GetUninitializedObject(typeof(Section));
        var state = new ItemState();
        var budget = new OutputBudget(100, null);
        var fresh = new Ctx { Style = style, Locale = locale, Item = item, Section = section, State = state, Budget = budget };

        var used = new Ctx { Style = style, Locale = locale, Item = item, Section = section, State = state };
        var fields = typeof(Ctx).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.True(fields.Length > 40, $"only {fields.Length} fields found");
        foreach (var f in fields)
        {
            f.SetValue(used, NonDefault(f.FieldType, f.GetValue(fresh)));
            object? before = f.GetValue(fresh), after = f.GetValue(used);
            Assert.False(f.FieldType.IsValueType ? Equals(before, after) : ReferenceEquals(before, after), $"{f.Name} was not changed");
        }

        used.Reset(style, locale, item, section, state, bib: false, implicitYearSuffix: false, budget);

        foreach (var f in fields)
        {
            object? want = f.GetValue(fresh), got = f.GetValue(used);
            if (f.Name == nameof(Ctx.VariableMemo))
            {
                // the memo array is kept, all unknown again
                Assert.All((byte[])got!, b => Assert.Equal(0, b));
                continue;
            }

            // (the message names the field only: the stand-in objects have no usable ToString)
            Assert.True(f.FieldType.IsValueType ? Equals(want, got) : ReferenceEquals(want, got), $"{f.Name} differs from a new context after Reset");
        }
    }
}
