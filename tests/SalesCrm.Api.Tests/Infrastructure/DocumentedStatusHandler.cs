using System.Text.RegularExpressions;

namespace SalesCrm.Api.Tests.Infrastructure;

/// <summary>
/// Sits in every test client: any API response whose status openapi.yaml does not document for that operation
/// fails the test that received it, so the contract's responses are checked by every test, not by a list.
/// </summary>
public sealed class DocumentedStatusHandler : DelegatingHandler
{
    private static readonly Lazy<IReadOnlyList<DocumentedOperation>> Operations = new(Load);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        var operation = Operations.Value.FirstOrDefault(o =>
            o.Method.Equals(request.Method.Method, StringComparison.OrdinalIgnoreCase) && o.Path.IsMatch(path));
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A 500 is a bug, not part of any contract (docs/errors.md: any operation may answer it).
        if (operation is not null && (int)response.StatusCode < 500 && !operation.Statuses.Contains(status))
        {
            throw new InvalidOperationException(
                $"{request.Method} {path} answered {status}, which openapi.yaml does not document for {operation.Template} "
                + $"(documented: {string.Join(", ", operation.Statuses)}).");
        }

        return response;
    }

    private static List<DocumentedOperation> Load()
    {
        var operations = new List<DocumentedOperation>();
        foreach (var (template, item) in ContractDocument.Paths)
        {
            var pattern = ContractDocument.PathPattern(template);
            foreach (var (method, operation) in item)
            {
                if (operation is Dictionary<object, object> op && op.TryGetValue("responses", out var responses))
                {
                    var statuses = ((Dictionary<object, object>)responses).Keys.Select(k => k.ToString()!).ToHashSet();
                    operations.Add(new DocumentedOperation(method.ToString()!, template, pattern, statuses));
                }
            }
        }

        return operations;
    }

    private sealed record DocumentedOperation(string Method, string Template, Regex Path, HashSet<string> Statuses);
}
