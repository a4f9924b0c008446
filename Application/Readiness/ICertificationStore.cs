namespace SalesCrm.Application.Readiness;

public interface ICertificationStore
{
    /// <summary>Inserts the certification; 409 on <c>name</c> when a live one has the same name (ignoring case).</summary>
    Task InsertAsync(CertificationDto certification, CancellationToken cancellationToken);

    Task<CertificationDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Sets name, required and validity when the version still matches; 409 on <c>name</c> when taken.</summary>
    Task<bool> UpdateAsync(CertificationDto certification, int expectedVersion, CancellationToken cancellationToken);

    Task ArchiveAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes a certification no assessment names; false when one does (it must be archived instead).</summary>
    Task<bool> DeleteUnusedAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every certification by name, archived ones only when asked.</summary>
    Task<IReadOnlyList<CertificationDto>> ListAsync(bool includeArchived, CancellationToken cancellationToken);
}

public interface IAssessmentStore
{
    Task InsertAsync(AssessmentDto assessment, CancellationToken cancellationToken);

    /// <summary>One rep's assessments, newest first.</summary>
    Task<IReadOnlyList<AssessmentDto>> ListForUserAsync(Guid userId, CancellationToken cancellationToken);
}
