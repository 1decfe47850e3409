namespace StarkGpu.Engine.Scheduling;

/// <summary>Where and how fast one chip's trace was made.</summary>
/// <param name="Chip">Chip name.</param>
/// <param name="Rows">Real rows (before virtual padding).</param>
/// <param name="Width">Columns.</param>
/// <param name="Backend"><c>host</c>, <c>cpu</c>, <c>cuda</c>, or <c>zero</c> for a virtual all-zero MLE.</param>
/// <param name="Seconds">Generation time, including the copy and transpose for host traces.</param>
public sealed record ChipTraceReport(string Chip, int Rows, int Width, string Backend, double Seconds);
