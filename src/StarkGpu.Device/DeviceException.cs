namespace StarkGpu.Device;

/// <summary>A device call failed; the message names the call and the backend's error.</summary>
public class DeviceException : Exception
{
    public DeviceException() { }

    public DeviceException(string message) : base(message) { }

    public DeviceException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The backend error code (CUDA's numbering; 2 for out of memory), or 0 when none applies.</summary>
    public int ErrorCode { get; init; }

    /// <summary>The call that failed, such as <c>LoadAutoGroupedKernel</c>, <c>launch</c> or <c>CopyToCPU</c>.</summary>
    public string? Call { get; init; }
}

/// <summary>A device allocation could not be satisfied.</summary>
public sealed class DeviceOutOfMemoryException : DeviceException
{
    public DeviceOutOfMemoryException(long requestedBytes, long availableBytes, string device)
        : base($"out of device memory on {device}: requested {requestedBytes:N0} bytes, {availableBytes:N0} bytes available")
    {
        RequestedBytes = requestedBytes;
        AvailableBytes = availableBytes;
        ErrorCode = 2; // CUDA_ERROR_OUT_OF_MEMORY
    }

    public DeviceOutOfMemoryException() { }

    public DeviceOutOfMemoryException(string message) : base(message) { }

    public DeviceOutOfMemoryException(string message, Exception inner) : base(message, inner) { }

    public long RequestedBytes { get; }

    public long AvailableBytes { get; }
}
