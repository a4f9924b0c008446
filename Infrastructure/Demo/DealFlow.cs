namespace SalesCrm.Infrastructure.Demo;

/// <summary>
/// How generated deals arise and walk the pipeline (<see cref="RepWorld"/> draws from these), and what that flow wins on
/// average, so targets set from it (quotas, commission plans) sit around what a rep really wins instead of a guess that can
/// drift from the walk.
/// </summary>
public static class DealFlow
{
    /// <summary>Chance of moving on from each open stage rather than being lost there (later stages use the last).</summary>
    private static readonly double[] AdvanceShare = [0.72, 0.68, 0.62, 0.7, 0.6];

    /// <summary>Days a deal stays in a stage: at least this many, plus an exponential wait of <see cref="MeanExtraDaysInStage"/> on average.</summary>
    public const double MinDaysInStage = 2;

    public const double MeanExtraDaysInStage = 9;

    /// <summary>Chance, past the first stage, that a move goes one stage back (taken out of the advance share).</summary>
    public const double BackwardShare = 0.04;

    /// <summary>
    /// Follow-ups planned in one stay, drawn from a Poisson distribution of this mean: more before moving on than before
    /// being lost (the deals a rep keeps chasing are the ones that advance), so follow-ups per stage advance have the tail of
    /// four, five and more a real team shows, and about a third of lost deals had at most one. Weighted by the advance shares
    /// the three average about 1.5 a stay, as the uniform 0–3 they replace did, so the generated volume is unchanged.
    /// </summary>
    public const double FollowUpsBeforeAdvance = 1.8;

    public const double FollowUpsBeforeLoss = 0.9;

    /// <summary>Follow-ups in a stay that ends with a move back, or has not ended yet.</summary>
    public const double FollowUpsOtherwise = 1.5;

    /// <summary>Chance that a lost deal is reopened in the stage it was lost from.</summary>
    public const double ReopenShare = 0.03;

    /// <summary>Share of leads converted into a deal.</summary>
    public const double LeadConversionShare = 0.25;

    /// <summary>Deal amounts are log-normal: exp(mu + sigma · N(0, 1)).</summary>
    public const double AmountLogMean = 9.2;

    public const double AmountLogSigma = 0.6;

    public const double WorkingDaysPerMonth = 21.7;

    public const double WorkingDaysPerQuarter = 65;

    /// <summary>The mean deal amount, exp(mu + sigma² / 2): about 11,850.</summary>
    public static double MeanAmount { get; } = Math.Exp(AmountLogMean + (AmountLogSigma * AmountLogSigma / 2));

    /// <summary>Deals a rep wins per working day on average: the deals they open (directly and from converted leads) times the win share.</summary>
    public static double WonPerWorkingDay(GeneratorProfile profile, int openStages) =>
        (profile.OpportunitiesPerDay + (profile.LeadsPerDay * LeadConversionShare)) * WinShare(openStages);

    /// <summary>
    /// The chance that a new deal ends won, from the walk's absorbing chain: w(i) = advance(i)·w(i+1) + back(i)·w(i−1) +
    /// lost(i)·reopen·w(i), with w(won) = 1. Solved by iterating from w = 0, which converges from below. For the default
    /// pipeline's five open stages it is about 0.12.
    /// </summary>
    public static double WinShare(int openStages)
    {
        var win = new double[openStages + 1];
        win[openStages] = 1;
        for (var round = 0; round < 500; round++)
        {
            for (var i = openStages - 1; i >= 0; i--)
            {
                var share = Advance(i);
                var back = i > 0 ? BackwardShare : 0;
                win[i] = ((share - back) * win[i + 1]) + (back * win[Math.Max(i - 1, 0)]) + ((1 - share) * ReopenShare * win[i]);
            }
        }

        return win[0];
    }

    public static double Advance(int stageIndex) => AdvanceShare[Math.Min(stageIndex, AdvanceShare.Length - 1)];

    /// <summary>
    /// About how long a deal that is won takes: one stay per open stage (backward moves and reopenings, which add a little,
    /// left out). A history starts with an empty pipeline, so its wins arrive at the steady rate only after about this long.
    /// </summary>
    public static double DaysToWin(int openStages) => openStages * (MinDaysInStage + MeanExtraDaysInStage);
}
