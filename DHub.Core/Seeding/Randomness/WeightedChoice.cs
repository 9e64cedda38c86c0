using DHub.Core.Schema;

namespace DHub.Core.Seeding.Randomness;

/// <summary>A fixed set of options drawn with given relative weights.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedChoice(params (T Item, double Weight)[] options)
    {
        if (options.Length == 0 || options.Any(o => o.Weight < 0) || options.Sum(o => o.Weight) <= 0)
        {
            throw new ArgumentException("A weighted choice needs at least one option and a positive total weight.", nameof(options));
        }

        _items = options.Select(o => o.Item).ToArray();
        _cumulative = new double[options.Length];
        var total = 0.0;
        for (var i = 0; i < options.Length; i++)
        {
            total += options[i].Weight;
            _cumulative[i] = total;
        }
    }

    public T Pick(SeedRandom random)
    {
        var x = random.Double() * _cumulative[^1];
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (x < _cumulative[i])
            {
                return _items[i];
            }
        }

        return _items[^1];
    }
}

/// <summary>Weighted draws over a vocabulary column, checked once against the vocabulary so no generator can write a value outside it.</summary>
internal static class VocabularyChoice
{
    public static WeightedChoice<string> Of(Vocabulary vocabulary, params (string Value, double Weight)[] options)
    {
        foreach (var (value, _) in options)
        {
            if (!vocabulary.Contains(value))
            {
                throw new InvalidOperationException(
                    $"'{value}' is not in the vocabulary of {vocabulary.Database}.{vocabulary.Table}.{vocabulary.Column}.");
            }
        }

        return new WeightedChoice<string>(options);
    }

    public static WeightedChoice<string> Uniform(Vocabulary vocabulary) =>
        new(vocabulary.Values.Select(v => (v, 1.0)).ToArray());

    /// <summary>A single value of the vocabulary, checked the same way (for values a rule sets rather than draws).</summary>
    public static string Value(Vocabulary vocabulary, string value) =>
        vocabulary.Contains(value)
            ? value
            : throw new InvalidOperationException($"'{value}' is not in the vocabulary of {vocabulary.Database}.{vocabulary.Table}.{vocabulary.Column}.");
}
