using System.Text.Json;

namespace MockGen.Core.Generation.Values;

/// <summary>A generated array.</summary>
internal sealed class PayloadArray : PayloadValue
{
    public PayloadArray(List<PayloadValue> items) => Items = items;

    public List<PayloadValue> Items { get; }

    public override JsonValueKind Kind => JsonValueKind.Array;

    public static new PayloadArray FromElement(JsonElement element)
    {
        var items = new List<PayloadValue>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            items.Add(PayloadValue.FromElement(item));
        }

        return new PayloadArray(items);
    }

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var item in Items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    public override bool Equals(PayloadValue? other)
    {
        if (other is not PayloadArray a || a.Items.Count != Items.Count)
        {
            return false;
        }

        for (var i = 0; i < Items.Count; i++)
        {
            if (!Items[i].Equals(a.Items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item.GetHashCode());
        }

        return hash.ToHashCode();
    }

    public override PayloadValue Clone() => new PayloadArray(Items.ConvertAll(i => i.Clone()));
}
