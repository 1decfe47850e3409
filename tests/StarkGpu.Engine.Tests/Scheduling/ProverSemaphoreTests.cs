using StarkGpu.Engine.Scheduling;

namespace StarkGpu.Engine.Tests.Scheduling;

[TestFixture]
public sealed class ProverSemaphoreTests
{
    [Test]
    public async Task PermitIsReleasedExactlyOnce()
    {
        using var semaphore = new ProverSemaphore(2);
        var permit = await semaphore.AcquireAsync();
        Assert.That(semaphore.Available, Is.EqualTo(1));
        permit.Dispose();
        permit.Dispose();
        Assert.That(semaphore.Available, Is.EqualTo(2));
        Assert.That(permit.IsReleased, Is.True);
    }

    [Test]
    public async Task WaiterGetsThePermitWhenItIsReleased()
    {
        using var semaphore = new ProverSemaphore(1);
        var first = await semaphore.AcquireAsync();
        var second = semaphore.AcquireAsync();
        await Task.Delay(20);
        Assert.That(second.IsCompleted, Is.False);
        first.Dispose();
        using var permit = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(semaphore.Available, Is.Zero);
    }

    [Test]
    public void CancelledWaitTakesNoPermit()
    {
        using var semaphore = new ProverSemaphore(1);
        using var held = semaphore.AcquireAsync().GetAwaiter().GetResult();
        using var cancel = new CancellationTokenSource(20);
        Assert.That(async () => await semaphore.AcquireAsync(cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        held.Dispose();
        Assert.That(semaphore.Available, Is.EqualTo(1));
    }

    [Test]
    public void ZeroPermitsIsRejected() => Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ProverSemaphore(0));
}
