namespace SalesCrm.Infrastructure.Setup;

/// <summary>The first administrator of an empty database. Without a password, a one-time one is generated and printed once.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string AdminEmail { get; set; } = "admin@salescrm.local";

    public string? AdminPassword { get; set; }
}

/// <summary>Demo mode seeds an empty database with a demo organisation and documented credentials (README).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
}
