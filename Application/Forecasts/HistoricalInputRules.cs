using FluentValidation;

namespace SalesCrm.Application.Forecasts;

/// <summary>The historical method's inputs have sane bounds: a 400 naming the field otherwise.</summary>
public static class HistoricalInputRules
{
    public const decimal MinGrowthRate = -1m;
    public const decimal MaxGrowthRate = 10m;
    public const int MaxNewReps = 10_000;
    public const int MaxNewRepDeals = 1_000;
    public const decimal MaxDealSize = 1_000_000_000_000m;

    public static void AddHistoricalRules<T>(this AbstractValidator<T> validator, Func<T, HistoricalInputs> inputs)
    {
        validator.RuleFor(x => inputs(x).GrowthRate).InclusiveBetween(MinGrowthRate, MaxGrowthRate).OverridePropertyName("growthRate")
            .WithMessage("growthRate must be between -1 (−100%) and 10 (+1,000%), as a fraction: 0.05 is +5%.");
        validator.RuleFor(x => inputs(x).NewReps).InclusiveBetween(0, MaxNewReps).OverridePropertyName("newReps")
            .WithMessage($"newReps must be a whole number between 0 and {MaxNewReps:N0}.");
        validator.RuleFor(x => inputs(x).NewRepDeals).InclusiveBetween(0, MaxNewRepDeals).OverridePropertyName("newRepDeals")
            .WithMessage($"newRepDeals must be a whole number between 0 and {MaxNewRepDeals:N0}.");
        validator.RuleFor(x => inputs(x).NewRepDealSize)
            .Must(size => size is null || (size >= 0 && size <= MaxDealSize && decimal.Round(size.Value, 4) == size))
            .OverridePropertyName("newRepDealSize")
            .WithMessage("newRepDealSize must be between 0 and 1,000,000,000,000 with at most 4 decimal places.");
    }
}
