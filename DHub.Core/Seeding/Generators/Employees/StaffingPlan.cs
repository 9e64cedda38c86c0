using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>One seat of the staffing plan: the role, and whether this person heads the role's department.</summary>
internal readonly record struct StaffSeat(RoleProfile Profile, bool IsHead);

/// <summary>
/// Decides every employee's role before any row is written, so managers (department heads) are
/// known up front. Heads come first: one per role in priority order, then the remaining seats by
/// share (whole seats by floor, the leftover by a weighted draw), shuffled.
/// </summary>
internal static class StaffingPlan
{
    public static IReadOnlyList<StaffSeat> Create(int employeeCount, SeedRandom random)
    {
        var roles = StaffRoles.ByPriority;
        var heads = Math.Min(employeeCount, roles.Count);
        var seats = new List<StaffSeat>(employeeCount);
        for (var i = 0; i < heads; i++)
        {
            seats.Add(new StaffSeat(roles[i], true));
        }

        var remaining = employeeCount - heads;
        var staff = new List<RoleProfile>(remaining);
        foreach (var role in roles)
        {
            staff.AddRange(Enumerable.Repeat(role, (int)(remaining * role.Share)));
        }

        var byShare = new WeightedChoice<RoleProfile>(roles.Select(r => (r, r.Share)).ToArray());
        while (staff.Count < remaining)
        {
            staff.Add(byShare.Pick(random));
        }

        for (var i = staff.Count - 1; i > 0; i--)
        {
            var j = random.Number(0, i);
            (staff[i], staff[j]) = (staff[j], staff[i]);
        }

        seats.AddRange(staff.Select(r => new StaffSeat(r, false)));
        return seats;
    }
}
