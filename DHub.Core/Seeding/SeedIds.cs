using System.Globalization;
using System.Numerics;

namespace DHub.Core.Seeding;

/// <summary>
/// The id and business-number formats of every table. The n-th row of a table always gets the
/// n-th id, so any table can compute another table's ids from an index instead of storing them.
/// Salts derive from the run seed (ids change with the seed) and from the prefix (EMP-x and
/// DEPT-x do not share digits).
/// </summary>
internal sealed class SeedIds(int seed)
{
    private readonly ulong _runSalt = Mix((ulong)(uint)seed + 0x5EED);

    public string Employee(int index) => Hex("EMP-", index, 8);

    public static string EmployeeNumber(int index) => "E" + (10000 + index).ToString(CultureInfo.InvariantCulture);

    public string Department(int index) => Hex("DEPT-", index, 8);

    public string Program(int index) => Hex("PROG-", index, 6);

    public string Customer(int index) => Hex("CUST-", index, 10);

    public string Account(int index) => Hex("ACC-", index, 12);

    public string AccountNumber(int index) => Digits("account_number", index, 10);

    public string Transaction(long index) => Hex("TXN-", index, 16);

    public string Interaction(int index) => Hex("INT-", index, 12);

    public string Complaint(int index) => Hex("CMP-", index, 12);

    public string Campaign(int index) => Hex("CAM-", index, 10);

    public string Application(int index) => Hex("LAPP-", index, 12);

    public string Loan(int index) => Hex("LOAN-", index, 12);

    public string LoanNumber(int index) => Digits("loan_number", index, 10);

    public string Collateral(int index) => Hex("COL-", index, 12);

    public string Policy(int index) => Hex("POL-", index, 10);

    public string PolicyNumber(int index) => "PN" + Digits("policy_number", index, 10);

    public string Claim(int index) => Hex("CLM-", index, 12);

    public string ClaimNumber(int index) => "CN" + Digits("claim_number", index, 10);

    public string PremiumPayment(long index) => Hex("PAY-", index, 12);

    public string Kyc(int index) => Hex("KYC-", index, 10);

    public string AmlCheck(long index) => Hex("AML-", index, 12);

    public string Sar(int index) => Hex("SAR-", index, 10);

    public string RegulatoryReport(int index) => Hex("RPT-", index, 8);

    public string Rule(int index) => Hex("RULE-", index, 4);

    public string Violation(int index) => Hex("VIO-", index, 12);

    /// <summary>The 20 branches BR001..BR020 (no branch table exists; the codes are a fixed convention).</summary>
    public static string Branch(int index) => "BR" + (index + 1).ToString("000", CultureInfo.InvariantCulture);

    public const int BranchCount = 20;

    /// <summary>Internal project codes PRJ-001.. that employee_assignments of type 'project' point to.</summary>
    public static string Project(int index) => "PRJ-" + (index + 1).ToString("000", CultureInfo.InvariantCulture);

    private string Hex(string prefix, long index, int digits) =>
        UniqueIds.Hex(prefix, index, digits, _runSalt + Mix(Fnv(prefix)));

    // UniqueIds.Digits is affine in the index, so consecutive rows would get numbers with a visible
    // common step; scattering the index first (a bijection too) makes them look unrelated.
    private string Digits(string stream, long index, int digits)
    {
        var salt = _runSalt ^ Mix(Fnv(stream));
        var range = 9 * (long)Math.Pow(10, digits - 1);
        return UniqueIds.Digits(Scatter(index, range, salt), digits, (long)(salt >> 2));
    }

    /// <summary>
    /// A bijection on [0, range): an invertible mix on the smallest power of two covering the range,
    /// re-applied until the value lands inside it ("cycle walking" keeps the mapping one to one).
    /// </summary>
    private static long Scatter(long index, long range, ulong salt)
    {
        if (index < 0 || index >= range)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Only {range} distinct numbers exist.");
        }

        var bits = 64 - BitOperations.LeadingZeroCount((ulong)(range - 1));
        var mask = (1UL << bits) - 1;
        var x = (ulong)index;
        do
        {
            x = (x + salt) & mask;
            x = (x * 0x9E3779B97F4A7C15UL) & mask;
            x ^= x >> (bits / 2);
            x = (x * 0xBF58476D1CE4E5B9UL) & mask;
            x ^= x >> ((bits / 2) + 1);
        }
        while (x >= (ulong)range);

        return (long)x;
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    // SplitMix64 finaliser: spreads a small input over all 64 bits.
    internal static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
