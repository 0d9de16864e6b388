using System.Text.Json;

namespace MockGen.Core.Generation.Values;

/// <summary>A generated object; members keep the order they were generated in, so output bytes are stable.</summary>
internal sealed class PayloadObject : PayloadValue
{
    public PayloadObject(List<KeyValuePair<string, PayloadValue>> members) => Members = members;

    public List<KeyValuePair<string, PayloadValue>> Members { get; }

    public override JsonValueKind Kind => JsonValueKind.Object;

    public static new PayloadObject FromElement(JsonElement element)
    {
        var members = new List<KeyValuePair<string, PayloadValue>>();
        foreach (var property in element.EnumerateObject())
        {
            // Duplicate names: the last one wins, as System.Text.Json lookups do.
            var index = members.FindIndex(m => string.Equals(m.Key, property.Name, StringComparison.Ordinal));
            var value = PayloadValue.FromElement(property.Value);
            if (index >= 0)
            {
                members[index] = new(property.Name, value);
            }
            else
            {
                members.Add(new(property.Name, value));
            }
        }

        return new PayloadObject(members);
    }

    public bool Has(string name) => IndexOf(name) >= 0;

    public int IndexOf(string name) => Members.FindIndex(m => string.Equals(m.Key, name, StringComparison.Ordinal));

    public PayloadValue? Get(string name)
    {
        var index = IndexOf(name);
        return index >= 0 ? Members[index].Value : null;
    }

    public void Set(string name, PayloadValue value)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            Members[index] = new(name, value);
        }
        else
        {
            Members.Add(new(name, value));
        }
    }

    public bool Remove(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        Members.RemoveAt(index);
        return true;
    }

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in Members)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    public override bool Equals(PayloadValue? other)
    {
        if (other is not PayloadObject o || o.Members.Count != Members.Count)
        {
            return false;
        }

        foreach (var (name, value) in Members)
        {
            if (o.Get(name) is not { } theirs || !value.Equals(theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        // Order-independent: objects equal regardless of member order must hash alike.
        var hash = 0;
        foreach (var (name, value) in Members)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(name), value.GetHashCode());
        }

        return hash;
    }

    public override PayloadValue Clone() =>
        new PayloadObject(Members.ConvertAll(m => new KeyValuePair<string, PayloadValue>(m.Key, m.Value.Clone())));
}
