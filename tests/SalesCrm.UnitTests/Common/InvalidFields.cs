using FluentValidation;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.UnitTests.Common;

/// <summary>The JSON field names a validator rejects, named as the validation behaviour reports them to clients.</summary>
public static class InvalidFields
{
    public static string[] Of<T>(IValidator<T> validator, T instance) =>
        [.. validator.Validate(instance).Errors.Select(e => JsonFieldNames.FromPropertyPath(e.PropertyName)).Distinct().Order(StringComparer.Ordinal)];
}
