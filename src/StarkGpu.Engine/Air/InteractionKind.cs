namespace StarkGpu.Engine.Air;

/// <summary>Which side of a bus an interaction is on.</summary>
public enum InteractionKind
{
    Send,
    Receive,
}
