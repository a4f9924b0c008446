namespace SalesCrm.Domain.Surveys;

/// <summary>A survey takes answers on every calendar day (organisation zone) from opensOn to closesOn, both included.</summary>
public static class SurveyWindow
{
    public const int MaxDays = 366;
    public const int MaxQuestionLength = 500;

    public static bool IsOpen(DateOnly opensOn, DateOnly closesOn, DateOnly today) => opensOn <= today && today <= closesOn;

    public static bool IsClosed(DateOnly closesOn, DateOnly today) => today > closesOn;
}
