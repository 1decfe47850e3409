namespace StarkGpu.Engine.LogUp;

/// <summary>An aux trace cannot be generated for these traces and challenges; the message names the chip.</summary>
public class LogUpException(string message) : Exception(message);
