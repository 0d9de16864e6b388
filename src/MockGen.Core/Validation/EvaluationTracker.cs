namespace MockGen.Core.Validation;

/// <summary>
/// Which properties and items of one instance have been evaluated by successful subschemas: the annotations
/// <c>unevaluatedProperties</c> and <c>unevaluatedItems</c> read. Only created for schemas that use them.
/// </summary>
internal sealed class EvaluationTracker
{
    private bool[]? _properties;
    private bool[]? _items;

    public bool AllProperties { get; private set; }

    public bool AllItems { get; private set; }

    public int ItemsPrefix { get; private set; }

    public void MarkProperty(int index, int count)
    {
        _properties ??= new bool[count];
        _properties[index] = true;
    }

    public void MarkAllProperties() => AllProperties = true;

    public void MarkItem(int index, int count)
    {
        _items ??= new bool[count];
        _items[index] = true;
    }

    public void MarkItemsPrefix(int count) => ItemsPrefix = Math.Max(ItemsPrefix, count);

    public void MarkAllItems() => AllItems = true;

    public bool IsPropertyEvaluated(int index) => AllProperties || (_properties is not null && _properties[index]);

    public bool IsItemEvaluated(int index) => AllItems || index < ItemsPrefix || (_items is not null && _items[index]);

    public void Merge(EvaluationTracker other)
    {
        AllProperties |= other.AllProperties;
        AllItems |= other.AllItems;
        ItemsPrefix = Math.Max(ItemsPrefix, other.ItemsPrefix);
        if (other._properties is not null)
        {
            _properties ??= new bool[other._properties.Length];
            for (var i = 0; i < other._properties.Length; i++)
            {
                _properties[i] |= other._properties[i];
            }
        }

        if (other._items is not null)
        {
            _items ??= new bool[other._items.Length];
            for (var i = 0; i < other._items.Length; i++)
            {
                _items[i] |= other._items[i];
            }
        }
    }
}
