namespace SalesCrm.Domain.Surveys;

/// <summary>
/// eNPS: answers 0–10 fall into detractors (0–6), passives (7–8) and promoters (9–10); the score is % promoters −
/// % detractors, from −100 to 100. Below <see cref="MinimumResponses"/> answers nothing is shown, so no one's answer
/// can be told from the result.
/// </summary>
public static class SurveyScores
{
    public const int Lowest = 0;
    public const int Highest = 10;
    public const int MinimumResponses = 5;

    public static bool IsValid(int score) => score is >= Lowest and <= Highest;

    /// <summary>100 × (promoters − detractors) / responses, rounded to the nearest whole number, halves away from zero.</summary>
    public static int Enps(int responses, int promoters, int detractors) =>
        (int)Math.Round(100m * (promoters - detractors) / responses, MidpointRounding.AwayFromZero);
}
