namespace DHub.Core.DataHub.Catalog;

/// <summary>
/// Orders a parent/child list so every parent precedes its children, keeping file order among
/// siblings, and reports cycles, so that a parent exists before its children refer to it.
/// </summary>
internal static class HierarchyOrder
{
    public static IReadOnlyList<T> ParentsFirst<T>(
        IReadOnlyList<T> items, Func<T, string> id, Func<T, string?> parent, List<string> problems, string kind)
    {
        var byParent = items.ToLookup(i => parent(i) ?? "");
        var ordered = new List<T>(items.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string parentId)
        {
            foreach (var child in byParent[parentId])
            {
                if (visited.Add(id(child)))
                {
                    ordered.Add(child);
                    Visit(id(child));
                }
            }
        }

        Visit("");
        foreach (var item in items.Where(i => !visited.Contains(id(i))))
        {
            problems.Add($"{kind} '{id(item)}' is part of a parent cycle");
        }

        return ordered;
    }
}
