namespace DHub.Core.Seeding.Generators;

/// <summary>A list of facts, one per produced row or per chosen row, readable once its table is complete.</summary>
internal sealed class ProducedFacts<T>(string producer) : TableOutput(producer), IReadOnlyList<T>
{
    private readonly List<T> _facts = [];

    public int Count
    {
        get
        {
            EnsureComplete();
            return _facts.Count;
        }
    }

    public T this[int index]
    {
        get
        {
            EnsureComplete();
            return _facts[index];
        }
    }

    internal void Add(T fact) => _facts.Add(fact);

    public IEnumerator<T> GetEnumerator()
    {
        EnsureComplete();
        return _facts.GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    protected override void Clear() => _facts.Clear();
}
