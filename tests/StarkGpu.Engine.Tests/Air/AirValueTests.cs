using StarkGpu.Engine.Air;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Tests.Air;

public sealed class AirValueTests
{
    [Test]
    public void ArithmeticIsTheField()
    {
        var three = AirValue.FromInt(3);
        var minusOne = AirValue.FromInt(-1);
        Assert.Multiple(() =>
        {
            Assert.That((three * three).Value, Is.EqualTo(KoalaBear.FromCanonical(9)));
            Assert.That((three + minusOne).Value, Is.EqualTo(KoalaBear.FromCanonical(2)));
            Assert.That((AirValue.One - AirValue.One).IsZero, Is.True);
            Assert.That((-AirValue.One).Value, Is.EqualTo(KoalaBear.FromSigned(-1)));
            Assert.That(AirValue.FromField(KoalaBear.FromCanonical(7)), Is.EqualTo(AirValue.FromInt(7)));
        });
    }
}
