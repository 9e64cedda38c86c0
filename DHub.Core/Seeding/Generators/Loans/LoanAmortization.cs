namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>One installment of an annuity loan.</summary>
internal readonly record struct Installment(int Number, decimal Principal, decimal Interest)
{
    public decimal Total => Principal + Interest;
}

/// <summary>
/// An annuity schedule: fixed payment P·r(1+r)^n / ((1+r)^n − 1), interest on the
/// remaining balance rounded to cents, the last installment clearing what is left. Loans use it for
/// outstanding_balance and repayment_schedule for its rows, so both always agree.
/// </summary>
internal sealed class LoanAmortization
{
    private readonly decimal _principal;
    private readonly decimal _monthlyRate;
    private readonly int _term;
    private readonly decimal _payment;

    public LoanAmortization(decimal principal, decimal annualRate, int termMonths)
    {
        _principal = principal;
        _monthlyRate = annualRate / 12m;
        _term = termMonths;
        var r = (double)_monthlyRate;
        var growth = Math.Pow(1 + r, termMonths);
        _payment = r == 0
            ? Math.Round(principal / termMonths, 2)
            : Math.Round((decimal)((double)principal * r * growth / (growth - 1)), 2);
    }

    public IEnumerable<Installment> Installments()
    {
        var remaining = _principal;
        for (var n = 1; n <= _term; n++)
        {
            var interest = Math.Round(remaining * _monthlyRate, 2);
            var principalPart = n == _term ? remaining : Math.Min(remaining, Math.Round(_payment - interest, 2));
            remaining -= principalPart;
            yield return new Installment(n, principalPart, interest);
        }
    }

    /// <summary>Principal still owed once the first <paramref name="paidInstallments"/> installments are paid.</summary>
    public decimal RemainingAfter(int paidInstallments) =>
        _principal - Installments().Take(Math.Clamp(paidInstallments, 0, _term)).Sum(i => i.Principal);
}
