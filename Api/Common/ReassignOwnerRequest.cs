namespace SalesCrm.Api.Common;

/// <summary>The body of <c>POST /{records}/{id}/owner</c>: who owns the record from now on.</summary>
public sealed record ReassignOwnerRequest(Guid OwnerId);
