using Ashyq.Core.Results;

namespace Ashyq.Storage.Import;

/// <summary>
/// An import refused, with a stable code (<c>IMPORT.NOT-A-NUMBER</c>, <c>IMPORT.FIELD-COUNT</c>, …) and a message
/// that names the file, the row and the column. Nothing of the import is written when it is thrown.
/// </summary>
public sealed class ResultsImportException(string code, string message) : RuleViolation(code, message);
