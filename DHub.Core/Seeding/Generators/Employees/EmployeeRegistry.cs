using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>What later tables need to know about an employee: role, department and when they worked here.</summary>
internal readonly record struct EmployeeFact(
    StaffRole Role,
    int DepartmentIndex,
    DateOnly HireDate,
    DateOnly? TerminationDate,
    string Status,
    int? ManagerIndex,
    bool IsHead,
    decimal Salary)
{
    public bool IsEmployedOn(DateOnly day) => HireDate <= day && (TerminationDate is not { } end || day <= end);
}

/// <summary>
/// The employees by index, and the way every other table picks one: from the pool of roles that
/// does that work, among the people employed on the day of the event.
/// </summary>
internal sealed class EmployeeRegistry() : TableOutput("employees_db.employees")
{
    private readonly List<EmployeeFact> _staff = [];
    private readonly Dictionary<StaffPool, int[]> _poolMembers = [];

    public int Count
    {
        get
        {
            EnsureComplete();
            return _staff.Count;
        }
    }

    public EmployeeFact this[int index]
    {
        get
        {
            EnsureComplete();
            return _staff[index];
        }
    }

    internal void Add(EmployeeFact employee)
    {
        _staff.Add(employee);
        _poolMembers.Clear();
    }

    protected override void Clear()
    {
        _staff.Clear();
        _poolMembers.Clear();
    }

    /// <summary>The head of a department; null when the department has nobody (only below 12 employees).</summary>
    public int? HeadOf(int departmentIndex)
    {
        EnsureComplete();
        for (var i = 0; i < _staff.Count; i++)
        {
            if (_staff[i].IsHead && _staff[i].DepartmentIndex == departmentIndex)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Indexes of the pool's employees; everyone when no employee has one of its roles (tiny staffs).</summary>
    public IReadOnlyList<int> Members(StaffPool pool)
    {
        EnsureComplete();
        if (!_poolMembers.TryGetValue(pool, out var members))
        {
            members = Enumerable.Range(0, _staff.Count).Where(i => pool.Roles.Contains(_staff[i].Role)).ToArray();
            if (members.Length == 0)
            {
                members = Enumerable.Range(0, _staff.Count).ToArray();
            }

            _poolMembers[pool] = members;
        }

        return members;
    }

    /// <summary>
    /// A random member of <paramref name="pool"/> employed on <paramref name="day"/>. Heads were hired
    /// before any customer existed and never leave, so the scan finds someone for every event of the
    /// generated history; the fallback only serves pools without a head (fewer than 12 employees).
    /// </summary>
    public int Pick(SeedRandom random, StaffPool pool, DateOnly day)
    {
        var members = Members(pool);
        var start = random.Number(0, members.Count - 1);
        for (var k = 0; k < members.Count; k++)
        {
            var candidate = members[(start + k) % members.Count];
            if (_staff[candidate].IsEmployedOn(day))
            {
                return candidate;
            }
        }

        return members[start];
    }
}
